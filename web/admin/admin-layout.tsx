import { Link, Navigate, NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Anchor, AppShell, Avatar, Box, Burger, Group, Menu, NavLink, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingStore, IconBuildingWarehouse, IconCategory, IconChevronDown, IconEyeOff, IconHierarchy2, IconKey, IconLogout, IconPackage, IconPercentage, IconRoute, IconTags, IconTruckDelivery, IconUsers, IconUsersGroup, IconReceipt } from '@tabler/icons-react';
import { IconFileInvoice } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { BrandMark } from '../ui/brand-mark.tsx';
import { LanguageSwitcher } from '../ui/language-switcher.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { useStaffLogout, useStaffSession } from './session.ts';
import { IconArrowBackUp } from '@tabler/icons-react';

const NAV = [
  { to: '/admin/orders', key: 'orders.admin.nav', icon: IconReceipt, perm: 'orders:read' },
  { to: '/admin/invoices', key: 'invoices.admin.nav', icon: IconFileInvoice, perm: 'orders:read' },
  { to: '/admin/returns', key: 'returns.nav', icon: IconArrowBackUp, perm: 'orders:read' },
  { to: '/admin/companies', key: 'admin.nav.companies', icon: IconHierarchy2, perm: 'companies:read' },
  { to: '/admin/groups', key: 'groups.nav', icon: IconUsersGroup, perm: 'segments:read' },
  { to: '/admin/price-lists', key: 'priceLists.nav', icon: IconTags, perm: 'pricing:read' },
  { to: '/admin/price-trace', key: 'priceTrace.nav', icon: IconRoute, perm: 'pricing:read' },
  { to: '/admin/products', key: 'admin.nav.products', icon: IconPackage, perm: 'catalog:read' },
  { to: '/admin/categories', key: 'admin.nav.categories', icon: IconCategory, perm: 'catalog:read' },
  { to: '/admin/catalogs', key: 'catalogs.nav', icon: IconEyeOff, perm: 'catalog:read' },
  { to: '/admin/inventory', key: 'admin.nav.inventory', icon: IconBuildingWarehouse, perm: 'catalog:read' },
  { to: '/admin/tax-rates', key: 'tax.nav', icon: IconPercentage, perm: 'orders:read' },
  { to: '/admin/shipping-methods', key: 'shipping.nav', icon: IconTruckDelivery, perm: 'orders:read' },
  { to: '/admin/staff', key: 'admin.nav.staff', icon: IconUsers, perm: 'staff:read' },
  { to: '/admin/api-keys', key: 'admin.nav.apiKeys', icon: IconKey, perm: 'api_keys:write' },
] as const;

/** Navbar + header around every admin page; sends signed-out visitors to sign-in. */
export function AdminLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const session = useStaffSession();
  const logout = useStaffLogout();
  const location = useLocation();
  const navigate = useNavigate();

  if (session.isPending) return <PageLoader />;
  if (session.error) return <Box p="xl"><ErrorAlert error={session.error} /></Box>;
  if (!session.data) return <Navigate to={`/admin/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  const staff = session.data.staff;

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('admin.menu')} />
            <Anchor component={Link} to="/admin" underline="never" c="inherit">
              <BrandMark suffix={t('admin.console')} />
            </Anchor>
          </Group>
          <Group gap="xs">
            <LanguageSwitcher />
            <Menu position="bottom-end" width={220} withinPortal>
              <Menu.Target>
                <UnstyledButton data-testid="staff-menu">
                  <Group gap={8}>
                    <Avatar radius="xl" size={32} color="indigo">
                      {staff.name.slice(0, 1).toUpperCase()}
                    </Avatar>
                    <Box visibleFrom="sm" style={{ lineHeight: 1.1 }}>
                      <Text size="sm" fw={600}>
                        {staff.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t(`roles.staff.${staff.role}`, { defaultValue: staff.role })}
                      </Text>
                    </Box>
                    <IconChevronDown size={14} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{staff.email}</Menu.Label>
                <Menu.Item component={Link} to="/" leftSection={<IconBuildingStore size={16} />}>
                  {t('admin.openStorefront')}
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/admin/sign-in') })}>
                  {t('auth.signOut')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={2} component="nav" aria-label={t('admin.menu')}>
            {NAV.filter((n) => session.data?.permissions.includes(n.perm)).map((n) => (
              <NavLink
                key={n.to}
                component={RouterNavLink}
                to={n.to}
                label={t(n.key)}
                leftSection={<n.icon size={18} stroke={1.6} />}
                active={location.pathname.startsWith(n.to)}
                onClick={close}
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
              />
            ))}
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
