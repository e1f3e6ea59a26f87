import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';

/**
 * Shows why a request failed: a translated summary for known error codes, the server's detail,
 * and the field at fault, so the reader knows what to change.
 */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const code = isApiError(error) ? error.code : 'NETWORK';
  const known = i18n.exists(`errors.${code}`);
  const heading = title ?? (known ? t(`errors.${code}`) : t('errors.generic'));
  const detail = isApiError(error) ? error.detail : error instanceof Error ? error.message : String(error);
  const field = isApiError(error) ? error.field : undefined;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={heading} role="alert" data-testid="error-alert" data-code={code}>
      {detail && detail !== heading ? <Text size="sm">{detail}</Text> : null}
      {field ? (
        <Text size="sm" c="dimmed" mt={4}>
          {t('errors.field', { field })}
        </Text>
      ) : null}
    </Alert>
  );
}

/** The message for a form field when the server named it as the problem. */
export function fieldError(error: unknown, field: string): string | undefined {
  return isApiError(error) && error.field === field ? error.detail : undefined;
}
