import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AuthShell } from '../ui/auth-shell.tsx';
import { SignInForm } from '../ui/sign-in-form.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { safeReturnPath } from './return-path.ts';
import { useStoreLogin, useStoreSession } from './session.ts';

/**
 * Buyer sign-in. Afterwards the buyer lands on their account dashboard, or goes back to the page
 * that sent them here (`?next=`, honoured only as a path on this site: never an open redirect).
 */
export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [sp] = useSearchParams();
  const session = useStoreSession();
  const login = useStoreLogin();
  const next = safeReturnPath(sp.get('next'), window.location.origin);
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
