import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLOR: Record<string, string> = { requested: 'yellow', approved: 'blue', rejected: 'red', received: 'violet', refunded: 'teal', credited: 'teal' };

/** A return status as a coloured, translated badge (storefront and admin console). */
export function ReturnStatusBadge({ status, size = 'md' }: { status: string; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[status] ?? 'gray'} variant="light" size={size} data-testid="return-status" data-status={status}>
      {t(`returns.statuses.${status}`)}
    </Badge>
  );
}
