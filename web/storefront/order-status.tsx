import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLOR: Record<string, string> = {
  pending_approval: 'yellow',
  on_hold: 'orange',
  placed: 'blue',
  confirmed: 'indigo',
  partially_shipped: 'grape',
  shipped: 'violet',
  delivered: 'teal',
  cancelled: 'gray',
};

/** An order status as a coloured, translated badge (shared by the storefront and the admin console). */
export function OrderStatusBadge({ status, size = 'md' }: { status: string; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[status] ?? 'gray'} variant="light" size={size} data-testid="order-status" data-status={status}>
      {t(`orders.status.${status}`)}
    </Badge>
  );
}
