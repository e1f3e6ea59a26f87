import { Navigate, Route, Routes } from 'react-router-dom';
import { AdminLayout } from './admin-layout.tsx';
import { AdminSignInPage, AdminForgotPasswordPage, AdminResetPasswordPage } from './auth-pages.tsx';
import { ProductsPage } from './products-page.tsx';
import { ProductEditPage } from './product-edit-page.tsx';
import { CategoriesPage } from './categories-page.tsx';
import { InventoryPage } from './inventory-page.tsx';
import { CompaniesPage } from './companies-page.tsx';
import { CompanyDetailPage } from './company-detail-page.tsx';
import { StaffPage } from './staff-page.tsx';
import { ApiKeysPage } from './api-keys-page.tsx';
import { GroupsPage } from './groups-page.tsx';
import { GroupDetailPage } from './group-detail-page.tsx';
import { GroupEditPage } from './group-edit-page.tsx';
import { PriceTracePage } from './price-trace-page.tsx';
import { PriceListsPage } from './price-lists-page.tsx';
import { PriceListEditPage } from './price-list-edit-page.tsx';
import { PriceListEntriesPage } from './price-list-entries-page.tsx';
import { SharedCatalogsPage } from './shared-catalogs-page.tsx';
import { SharedCatalogEditPage } from './shared-catalogs-edit-page.tsx';
import { TaxRatesPage } from './tax-rates-page.tsx';
import { ShippingMethodsPage } from './shipping-methods-page.tsx';
import { OrdersPage } from './orders-page.tsx';
import { OrderDetailPage } from './order-detail-page.tsx';
import { CreditHoldsPage } from './order-credit-holds-page.tsx';
import { ReturnsPage } from './returns-page.tsx';
import { ReturnDetailPage } from './return-detail-page.tsx';
import { AdminInvoicesPage } from './invoices-page.tsx';
import { AdminInvoiceDetailPage } from './invoice-detail-page.tsx';

/** The admin console under /admin: sign-in pages outside the shell, everything else inside it. */
export default function AdminApp() {
  return (
    <Routes>
      <Route path="sign-in" element={<AdminSignInPage />} />
      <Route path="forgot-password" element={<AdminForgotPasswordPage />} />
      <Route path="reset-password" element={<AdminResetPasswordPage />} />
      <Route element={<AdminLayout />}>
        <Route index element={<Navigate to="companies" replace />} />
        <Route path="products" element={<ProductsPage />} />
        <Route path="products/new" element={<ProductEditPage />} />
        <Route path="products/:id" element={<ProductEditPage />} />
        <Route path="categories" element={<CategoriesPage />} />
        <Route path="inventory" element={<InventoryPage />} />
        <Route path="companies" element={<CompaniesPage />} />
        <Route path="companies/:id" element={<CompanyDetailPage />} />
        <Route path="staff" element={<StaffPage />} />
        <Route path="api-keys" element={<ApiKeysPage />} />
        <Route path="groups" element={<GroupsPage />} />
        <Route path="groups/new" element={<GroupEditPage />} />
        <Route path="groups/:id" element={<GroupDetailPage />} />
        <Route path="groups/:id/edit" element={<GroupEditPage />} />
        <Route path="price-trace" element={<PriceTracePage />} />
        <Route path="price-lists" element={<PriceListsPage />} />
        <Route path="price-lists/new" element={<PriceListEditPage />} />
        <Route path="price-lists/:id" element={<PriceListEntriesPage />} />
        <Route path="price-lists/:id/edit" element={<PriceListEditPage />} />
        <Route path="catalogs" element={<SharedCatalogsPage />} />
        <Route path="catalogs/new" element={<SharedCatalogEditPage />} />
        <Route path="catalogs/:id" element={<SharedCatalogEditPage />} />
        <Route path="orders" element={<OrdersPage />} />
        <Route path="orders/credit-holds" element={<CreditHoldsPage />} />
        <Route path="orders/:id" element={<OrderDetailPage />} />
        <Route path="returns" element={<ReturnsPage />} />
        <Route path="returns/:id" element={<ReturnDetailPage />} />
        <Route path="tax-rates" element={<TaxRatesPage />} />
        <Route path="shipping-methods" element={<ShippingMethodsPage />} />
        <Route path="invoices" element={<AdminInvoicesPage />} />
        <Route path="invoices/:id" element={<AdminInvoiceDetailPage />} />
        <Route path="*" element={<Navigate to="/admin" replace />} />
      </Route>
    </Routes>
  );
}
