import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AuthShell } from '../ui/auth-shell.tsx';
import { SignInForm } from '../ui/sign-in-form.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { useStoreLogin, useStoreSession } from './session.ts';

/** Buyer sign-in; returns to `?next=` (a local path) afterwards. */
export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [sp] = useSearchParams();
  const session = useStoreSession();
  const login = useStoreLogin();
  const nextParam = sp.get('next');
  const next = nextParam && nextParam.startsWith('/') && !nextParam.startsWith('//') ? nextParam : '/';
  if (session.isPending) return <PageLoader />;
  if (session.data) return <Navigate to={next} replace />;
  return (
    <AuthShell title={t('auth.storeTitle')} subtitle={t('auth.storeSubtitle')}>
      <SignInForm
        pending={login.isPending}
        error={login.error}
        onSubmit={(v) => login.mutate(v, { onSuccess: () => navigate(next, { replace: true }) })}
        footer={
          <Group justify="space-between">
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('auth.forgotPassword')}
            </Anchor>
            <Anchor component={Link} to="/" size="sm" c="dimmed">
              {t('auth.continueBrowsing')}
            </Anchor>
          </Group>
        }
      />
    </AuthShell>
  );
}
