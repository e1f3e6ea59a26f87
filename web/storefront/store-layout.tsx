import { useEffect, useState, type FormEvent } from 'react';
import { Link, Outlet, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { ActionIcon, Anchor, AppShell, Avatar, Box, Button, Container, Group, Menu, Text, TextInput, UnstyledButton, useDirection } from '@mantine/core';
import { IconBuilding, IconBuildingCommunity, IconCalculator, IconCategory, IconCheck, IconChevronDown, IconLogin, IconLogout, IconSearch, IconReceipt } from '@tabler/icons-react';
import { IconArrowBackUp, IconLayoutDashboard } from '@tabler/icons-react';
import { IconFileInvoice } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { BrandMark } from '../ui/brand-mark.tsx';
import { LanguageSwitcher } from '../ui/language-switcher.tsx';
import { useCategories } from './catalog.ts';
import { useStoreLogout, useStoreSession, useSwitchCompany } from './session.ts';
import { CartNav } from './cart-nav.tsx';

function SearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const location = useLocation();
  const [q, setQ] = useState(params.get('q') ?? '');
  // Keep the box in step when the query changes by navigation (back button, facet links).
  useEffect(() => {
    if (location.pathname === '/search') setQ(params.get('q') ?? '');
  }, [params, location.pathname]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const term = q.trim();
    navigate(term ? `/search?q=${encodeURIComponent(term)}` : '/search');
  };
  return (
    <Box component="form" onSubmit={submit} role="search" style={{ flex: 1, maxWidth: 560 }}>
      <TextInput
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        placeholder={t('store.searchPlaceholder')}
        aria-label={t('store.search')}
        leftSection={<IconSearch size={16} />}
        rightSectionWidth={80}
        rightSection={
          <Button type="submit" size="compact-sm" me={4}>
            {t('store.search')}
          </Button>
        }
        name="q"
        data-testid="search-input"
      />
    </Box>
  );
}

function CategoryMenu() {
  const { t } = useTranslation();
  const { dir } = useDirection();
  const { data } = useCategories();
  const count = (n: number) => (
    <Text size="xs" c="dimmed">
      {n}
    </Text>
  );
  return (
    <Menu position="bottom-start" width={280} withinPortal trigger="click-hover" openDelay={80} closeDelay={150}>
      <Menu.Target>
        <Button variant="subtle" color="gray" leftSection={<IconCategory size={18} />} rightSection={<IconChevronDown size={14} />} data-testid="category-menu">
          {t('store.categories')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {(data ?? []).map((c) =>
          c.children.length ? (
            // Top-level categories open their subcategories to the side (the reading direction).
            <Menu.Sub key={c.id} position={dir === 'rtl' ? 'left-start' : 'right-start'} offset={4}>
              <Menu.Sub.Target>
                <Menu.Sub.Item>{c.name}</Menu.Sub.Item>
              </Menu.Sub.Target>
              <Menu.Sub.Dropdown miw={240}>
                <Menu.Item component={Link} to={`/c/${c.slug}`} fw={600} rightSection={count(c.productCount)}>
                  {t('store.allIn', { name: c.name })}
                </Menu.Item>
                <Menu.Divider />
                {c.children.map((sub) => (
                  <Menu.Item key={sub.id} component={Link} to={`/c/${sub.slug}`} rightSection={count(sub.productCount)}>
                    {sub.name}
                  </Menu.Item>
                ))}
              </Menu.Sub.Dropdown>
            </Menu.Sub>
          ) : (
            <Menu.Item key={c.id} component={Link} to={`/c/${c.slug}`} rightSection={count(c.productCount)}>
              {c.name}
            </Menu.Item>
          ),
        )}
        {data && data.length === 0 ? <Menu.Label>{t('store.noCategories')}</Menu.Label> : null}
      </Menu.Dropdown>
    </Menu>
  );
}

/** Price check: for signed-in buyers only (prices are the company's). */
function PriceCheckLink() {
  const { t } = useTranslation();
  const { data: session } = useStoreSession();
  if (!session) return null;
  return (
    <Button component={Link} to="/price-check" variant="subtle" color="gray" leftSection={<IconCalculator size={18} />} visibleFrom="sm" data-testid="price-check-link">
      {t('prices.checkNav')}
    </Button>
  );
}

function AccountMenu() {
  const { t } = useTranslation();
  const { data: session } = useStoreSession();
  const logout = useStoreLogout();
  const switchCompany = useSwitchCompany();
  const navigate = useNavigate();
  if (!session) {
    return (
      <Button component={Link} to="/sign-in" leftSection={<IconLogin size={16} />} variant="light" data-testid="sign-in-link">
        {t('auth.signIn')}
      </Button>
    );
  }
  const initials = session.user.name
    .split(/\s+/)
    .map((w) => w[0])
    .slice(0, 2)
    .join('')
    .toUpperCase();
  return (
    <Menu position="bottom-end" withinPortal width={240}>
      <Menu.Target>
        <UnstyledButton data-testid="account-menu" aria-label={t('store.account')}>
          <Group gap={8} wrap="nowrap">
            <Avatar color="blue" radius="xl" size={34}>
              {initials}
            </Avatar>
            <Box visibleFrom="md" style={{ lineHeight: 1.1 }}>
              <Text size="sm" fw={600}>
                {session.user.name}
              </Text>
              <Text size="xs" c="dimmed">
                {session.company.legalName}
              </Text>
            </Box>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{session.user.email}</Menu.Label>
        {session.companies.length > 1 ? <Menu.Label>{t('store.buyingFor')}</Menu.Label> : null}
        {(session.companies.length > 1 ? session.companies : [session.company]).map((c) => (
          <Menu.Item
            key={c.id}
            leftSection={<IconBuilding size={16} />}
            rightSection={c.id === session.company.id ? <IconCheck size={14} /> : null}
            disabled={session.companies.length <= 1}
            onClick={() => c.id !== session.company.id && switchCompany.mutate(c.id)}
          >
            {c.legalName}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item component={Link} to="/account/orders" leftSection={<IconReceipt size={16} />} data-testid="my-orders">
          {t('orders.title')}
        </Menu.Item>
        <Menu.Item component={Link} to="/account/invoices" leftSection={<IconFileInvoice size={16} />} data-testid="my-invoices">
          {t('invoices.title')}
        </Menu.Item>
        <Menu.Item component={Link} to="/account" leftSection={<IconLayoutDashboard size={16} />} data-testid="my-account">
          {t('dashboard.nav')}
        </Menu.Item>
        <Menu.Item component={Link} to="/account/returns" leftSection={<IconArrowBackUp size={16} />} data-testid="my-returns">
          {t('returns.nav')}
        </Menu.Item>
        <Menu.Item component={Link} to="/account/company" leftSection={<IconBuildingCommunity size={16} />} data-testid="my-company">
          {t('store.myCompany')}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconLogout size={16} />}
          color="red"
          data-testid="sign-out"
          onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/') })}
        >
          {t('auth.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** Header (brand, categories, search, language, account) over the page. */
export function StoreLayout() {
  const { t } = useTranslation();
  return (
    <AppShell header={{ height: 68 }} padding={0}>
      <AppShell.Header withBorder>
        <Container size="xl" h="100%">
          <Group h="100%" gap="md" wrap="nowrap" justify="space-between">
            <Group gap="xs" wrap="nowrap">
              <Anchor component={Link} to="/" underline="never" c="inherit" aria-label={t('store.home')}>
                <BrandMark />
              </Anchor>
              <Box visibleFrom="sm">
                <CategoryMenu />
              </Box>
            </Group>
            <SearchBox />
            <Group gap="xs" wrap="nowrap">
              <CartNav />
              <PriceCheckLink />
              <LanguageSwitcher />
              <AccountMenu />
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="xl" py="lg">
          <Outlet />
        </Container>
        <Box component="footer" py="lg" mt="xl" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
          <Container size="xl">
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {t('store.footer')}
              </Text>
              <ActionIcon variant="subtle" color="gray" component={Link} to="/admin" aria-label={t('admin.console')}>
                <IconBuilding size={16} />
              </ActionIcon>
            </Group>
          </Container>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
