import { Route, Routes } from 'react-router-dom';
import { StoreLayout } from './store-layout.tsx';
import { HomePage } from './home-page.tsx';
import { SearchPage } from './search-page.tsx';
import { ProductPage } from './product-page.tsx';
import { SignInPage } from './sign-in-page.tsx';
import { ForgotPasswordPage, ResetPasswordPage } from './password-pages.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { CompanyPage } from './company-page.tsx';
import { PriceCheckPage } from './price-check-page.tsx';
import { OrderTrackingPage } from './order-tracking-page.tsx';
import { DashboardPage } from './dashboard-page.tsx';
import { ReturnsPage } from './returns-page.tsx';
import { ReturnPage } from './return-page.tsx';
import { CartPage } from './cart-page.tsx';
import { QuickOrderPage } from './quick-order-page.tsx';
import { ListsPage } from './lists-page.tsx';
import { ListPage } from './list-page.tsx';
import { InvoicesPage } from './invoices-page.tsx';
import { InvoicePage } from './invoice-page.tsx';
import { StatementPage } from './statement-page.tsx';
import { CheckoutPage } from './checkout-page.tsx';
import { OrdersPage } from './orders-page.tsx';
import { OrderPage } from './order-page.tsx';

/** The storefront: public catalogue browsing, buyer sign-in, password reset. */
export default function StorefrontApp() {
  return (
    <Routes>
      <Route path="sign-in" element={<SignInPage />} />
      <Route path="forgot-password" element={<ForgotPasswordPage />} />
      <Route path="reset-password" element={<ResetPasswordPage />} />
      <Route element={<StoreLayout />}>
        <Route index element={<HomePage />} />
        <Route path="search" element={<SearchPage />} />
        <Route path="c/:category" element={<SearchPage />} />
        <Route path="p/:slug" element={<ProductPage />} />
        <Route path="account" element={<DashboardPage />} />
        <Route path="account/returns" element={<ReturnsPage />} />
        <Route path="account/returns/:id" element={<ReturnPage />} />
        <Route path="account/company" element={<CompanyPage />} />
        <Route path="price-check" element={<PriceCheckPage />} />
        <Route path="account/orders/:id/tracking" element={<OrderTrackingPage />} />
        <Route path="cart" element={<CartPage />} />
        <Route path="cart/:id" element={<CartPage />} />
        <Route path="quick-order" element={<QuickOrderPage />} />
        <Route path="lists" element={<ListsPage />} />
        <Route path="lists/:id" element={<ListPage />} />
        <Route path="account/invoices" element={<InvoicesPage />} />
        <Route path="account/invoices/:id" element={<InvoicePage />} />
        <Route path="account/statement" element={<StatementPage />} />
        <Route path="checkout/:cartId" element={<CheckoutPage />} />
        <Route path="account/orders" element={<OrdersPage />} />
        <Route path="account/orders/:id" element={<OrderPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
