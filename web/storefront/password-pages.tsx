import { Link, useSearchParams } from 'react-router-dom';
import { Anchor, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AuthShell } from '../ui/auth-shell.tsx';
import { ConfirmResetForm, RequestResetForm } from '../ui/password-forms.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { useConfirmPasswordReset, useRequestPasswordReset } from './session.ts';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  return (
    <AuthShell title={t('auth.forgotTitle')} subtitle={t('auth.forgotSubtitle')}>
      <RequestResetForm pending={request.isPending} error={request.error} done={request.isSuccess} onSubmit={(email) => request.mutate({ email })} />
      <Anchor component={Link} to="/sign-in" size="sm">
        {t('auth.backToSignIn')}
      </Anchor>
    </AuthShell>
  );
}

/** The page the reset email links to: `/reset-password?token=…`. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [sp] = useSearchParams();
  const token = sp.get('token') ?? '';
  const confirm = useConfirmPasswordReset();
  return (
    <AuthShell title={t('auth.resetTitle')}>
      {token ? (
        <ConfirmResetForm pending={confirm.isPending} error={confirm.error} done={confirm.isSuccess} onSubmit={(password) => confirm.mutate({ token, password })} />
      ) : (
        <EmptyState
          title={t('auth.resetMissingToken')}
          action={
            <Button component={Link} to="/forgot-password" variant="light">
              {t('auth.sendResetLink')}
            </Button>
          }
        />
      )}
      <Anchor component={Link} to="/sign-in" size="sm">
        {t('auth.backToSignIn')}
      </Anchor>
    </AuthShell>
  );
}
