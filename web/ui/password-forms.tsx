import { useState, type FormEvent } from 'react';
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconCircleCheck, IconMailForward } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, fieldError } from './error-alert.tsx';

/** Asks for an email and confirms a link is on its way (the API answers 202 whether or not it exists). */
export function RequestResetForm({ onSubmit, pending, error, done }: { onSubmit: (email: string) => void; pending: boolean; error: unknown; done: boolean }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  if (done) {
    return (
      <Alert color="teal" icon={<IconMailForward size={18} />} title={t('auth.resetSentTitle')} data-testid="reset-sent">
        {t('auth.resetSentText', { email })}
      </Alert>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(email.trim());
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={error} />
        <TextInput label={t('auth.email')} type="email" required autoFocus value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={fieldError(error, 'email')} />
        <Button type="submit" loading={pending} fullWidth>
          {t('auth.sendResetLink')}
        </Button>
      </Stack>
    </form>
  );
}

/** Sets a new password with the token from the emailed link. */
export function ConfirmResetForm({ onSubmit, pending, error, done }: { onSubmit: (password: string) => void; pending: boolean; error: unknown; done: boolean }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  if (done) {
    return (
      <Alert color="teal" icon={<IconCircleCheck size={18} />} title={t('auth.resetDoneTitle')} data-testid="reset-done">
        {t('auth.resetDoneText')}
      </Alert>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password !== repeat) return setMismatch(true);
    setMismatch(false);
    onSubmit(password);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={error} />
        <PasswordInput label={t('auth.newPassword')} description={t('auth.passwordRule')} required autoFocus value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={fieldError(error, 'password')} autoComplete="new-password" />
        <PasswordInput label={t('auth.repeatPassword')} required value={repeat} onChange={(e) => setRepeat(e.currentTarget.value)} error={mismatch ? t('auth.passwordsDiffer') : undefined} autoComplete="new-password" />
        <Button type="submit" loading={pending} fullWidth>
          {t('auth.setPassword')}
        </Button>
      </Stack>
    </form>
  );
}
