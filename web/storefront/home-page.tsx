import { Link } from 'react-router-dom';
import { Anchor, Button, Card, Group, Paper, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCategory2 } from '@tabler/icons-react';
import { ForwardArrow } from '../ui/dir-icons.tsx';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { useCategories } from './catalog.ts';
import { useStoreSession } from './session.ts';

/** Landing page: a greeting and the top-level categories to start browsing from. */
export function HomePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data: session } = useStoreSession();
  const categories = useCategories();
  return (
    <Stack gap="xl">
      <Paper p="xl" radius="lg" style={{ background: 'linear-gradient(135deg, var(--mantine-color-blue-7), var(--mantine-color-cyan-6))' }}>
        <Stack gap="xs" maw={640}>
          <Title order={1} c="white">
            {session ? t('store.welcomeBack', { name: session.user.name }) : t('store.heroTitle')}
          </Title>
          <Text c="white" opacity={0.9}>
            {session ? t('store.heroSignedIn', { company: session.company.legalName }) : t('store.heroText')}
          </Text>
          {!session ? (
            <Group mt="sm">
              <Button component={Link} to="/sign-in" variant="white">
                {t('auth.signIn')}
              </Button>
              <Button component={Link} to="/search" variant="outline" color="white">
                {t('store.browseAll')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Paper>

      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('store.shopByCategory')}
          </Title>
          <Anchor component={Link} to="/search" size="sm">
            {t('store.browseAll')}
          </Anchor>
        </Group>
        <ErrorAlert error={categories.error} />
        {categories.isPending ? (
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            {Array.from({ length: 8 }, (_, i) => (
              <Skeleton key={i} h={96} radius="md" />
            ))}
          </SimpleGrid>
        ) : categories.data && categories.data.length === 0 ? (
          <EmptyState title={t('store.noCategories')} description={t('store.noCategoriesHint')} />
        ) : (
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            {(categories.data ?? []).map((c) => (
              <Card key={c.id} withBorder component={Link} to={`/c/${c.slug}`} className="precis-product-card" data-testid="category-card">
                <Group wrap="nowrap" align="flex-start">
                  <ThemeIcon variant="light" size={40} radius="md">
                    <IconCategory2 size={22} />
                  </ThemeIcon>
                  <Stack gap={2} style={{ flex: 1 }}>
                    <Text fw={600}>{c.name}</Text>
                    <Text size="sm" c="dimmed">
                      {t('store.productCount', { count: c.productCount, formatted: formatNumber(c.productCount, locale) })}
                    </Text>
                  </Stack>
                  <ForwardArrow size={16} color="var(--mantine-color-gray-5)" />
                </Group>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Stack>
  );
}
