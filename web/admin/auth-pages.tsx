import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AuthShell } from '../ui/auth-shell.tsx';
import { SignInForm } from '../ui/sign-in-form.tsx';
import { ConfirmResetForm, RequestResetForm } from '../ui/password-forms.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { useStaffConfirmReset, useStaffLogin, useStaffRequestReset, useStaffSession } from './session.ts';

export function AdminSignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [sp] = useSearchParams();
  const session = useStaffSession();
  const login = useStaffLogin();
  const nextParam = sp.get('next');
  const next = nextParam && nextParam.startsWith('/admin') ? nextParam : '/admin';
  if (session.isPending) return <PageLoader />;
  if (session.data) return <Navigate to={next} replace />;
  return (
    <AuthShell title={t('auth.adminTitle')} subtitle={t('auth.adminSubtitle')} home="/admin" suffix={t('admin.console')}>
      <SignInForm
        pending={login.isPending}
        error={login.error}
        onSubmit={(v) => login.mutate(v, { onSuccess: () => navigate(next, { replace: true }) })}
        footer={
          <Anchor component={Link} to="/admin/forgot-password" size="sm">
            {t('auth.forgotPassword')}
          </Anchor>
        }
      />
    </AuthShell>
  );
}

export function AdminForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useStaffRequestReset();
  return (
    <AuthShell title={t('auth.forgotTitle')} subtitle={t('auth.forgotSubtitle')} home="/admin" suffix={t('admin.console')}>
      <RequestResetForm pending={request.isPending} error={request.error} done={request.isSuccess} onSubmit={(email) => request.mutate({ email })} />
      <Anchor component={Link} to="/admin/sign-in" size="sm">
        {t('auth.backToSignIn')}
      </Anchor>
    </AuthShell>
  );
}

export function AdminResetPasswordPage() {
  const { t } = useTranslation();
  const [sp] = useSearchParams();
  const token = sp.get('token') ?? '';
  const confirm = useStaffConfirmReset();
  return (
    <AuthShell title={t('auth.resetTitle')} home="/admin" suffix={t('admin.console')}>
      {token ? (
        <ConfirmResetForm pending={confirm.isPending} error={confirm.error} done={confirm.isSuccess} onSubmit={(password) => confirm.mutate({ token, password })} />
      ) : (
        <Anchor component={Link} to="/admin/forgot-password">
          {t('auth.resetMissingToken')}
        </Anchor>
      )}
      <Anchor component={Link} to="/admin/sign-in" size="sm">
        {t('auth.backToSignIn')}
      </Anchor>
    </AuthShell>
  );
}
