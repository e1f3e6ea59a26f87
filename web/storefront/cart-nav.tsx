import { Link } from 'react-router-dom';
import { ActionIcon, Button, Group, Indicator, Menu } from '@mantine/core';
import { IconChevronDown, IconListDetails, IconListNumbers, IconShoppingCart } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { useCurrentCart } from './cart-api.ts';
import { useStoreSession } from './session.ts';

/** Header entries for signed-in buyers: ordering (quick order, lists) and the current cart with its line count. */
export function CartNav() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data: session } = useStoreSession();
  const cart = useCurrentCart(!!session);
  if (!session) return null;
  const lines = cart.data?.lineCount ?? 0;
  return (
    <Group gap={4} wrap="nowrap">
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="subtle" color="gray" rightSection={<IconChevronDown size={14} />} visibleFrom="sm" data-testid="ordering-menu">
            {t('cart.orderingNav')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item component={Link} to="/quick-order" leftSection={<IconListNumbers size={16} />} data-testid="quick-order-link">
            {t('quickOrder.nav')}
          </Menu.Item>
          <Menu.Item component={Link} to="/lists" leftSection={<IconListDetails size={16} />} data-testid="lists-link">
            {t('lists.nav')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Indicator label={formatNumber(lines, locale)} size={18} disabled={lines === 0} offset={4}>
        <ActionIcon component={Link} to="/cart" variant="subtle" color="gray" size="lg" aria-label={t('cart.navLabel', { formatted: formatNumber(lines, locale) })} data-testid="cart-link">
          <IconShoppingCart size={20} />
        </ActionIcon>
      </Indicator>
    </Group>
  );
}
