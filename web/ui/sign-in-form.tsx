import type { ReactNode } from 'react';
import { useState, type FormEvent } from 'react';
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, fieldError } from './error-alert.tsx';

/** Email + password form shared by the storefront and the admin console. */
export function SignInForm({ onSubmit, pending, error, footer }: { onSubmit: (v: { email: string; password: string }) => void; pending: boolean; error: unknown; footer?: ReactNode }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ email: email.trim(), password });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={error} />
        <TextInput
          label={t('auth.email')}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={fieldError(error, 'email')}
          data-autofocus
          autoFocus
        />
        <PasswordInput
          label={t('auth.password')}
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={fieldError(error, 'password')}
        />
        <Button type="submit" loading={pending} fullWidth size="md" data-testid="sign-in-submit">
          {t('auth.signIn')}
        </Button>
        {footer}
      </Stack>
    </form>
  );
}
