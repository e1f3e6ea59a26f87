import { Navigate, Route, Routes } from 'react-router-dom';
import { AdminLayout } from './admin-layout.tsx';
import { AdminSignInPage, AdminForgotPasswordPage, AdminResetPasswordPage } from './auth-pages.tsx';
import { ApiKeysPage } from './api-keys-page.tsx';

/** The admin console under /admin: sign-in pages outside the shell, everything else inside it. */
export default function AdminApp() {
  return (
    <Routes>
      <Route path="sign-in" element={<AdminSignInPage />} />
      <Route path="forgot-password" element={<AdminForgotPasswordPage />} />
      <Route path="reset-password" element={<AdminResetPasswordPage />} />
      <Route element={<AdminLayout />}>
        <Route index element={<Navigate to="api-keys" replace />} />
        <Route path="api-keys" element={<ApiKeysPage />} />
        <Route path="*" element={<Navigate to="/admin" replace />} />
      </Route>
    </Routes>
  );
}
