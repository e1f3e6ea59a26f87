import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Anchor, Badge, Box, Breadcrumbs, Button, Checkbox, Grid, Group, Paper, Select, SimpleGrid, Skeleton, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconSearchOff, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { findCategory, useCategories, useProductSearch, type SearchParams, type SearchResult } from './catalog.ts';
import { ProductCard } from './product-card.tsx';

function FacetGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        {title}
      </Text>
      {children}
    </Stack>
  );
}

function Count({ n }: { n: number }) {
  const locale = useLocale();
  return (
    <Text span size="xs" c="dimmed" data-testid="facet-count">
      {formatNumber(n, locale)}
    </Text>
  );
}

function Facets({ facets, params, set }: { facets: SearchResult['facets']; params: SearchParams; set: (k: string, v: string | string[] | null) => void }) {
  const { t } = useTranslation();
  const toggleAttr = (name: string, value: string) => {
    const key = `${name}:${value}`;
    set('attr', params.attr.includes(key) ? params.attr.filter((a) => a !== key) : [...params.attr, key]);
  };
  return (
    <Paper withBorder p="md" data-testid="facets">
      <Stack gap="lg">
        {facets.categories.length > 0 ? (
          <FacetGroup title={t('store.facetCategories')}>
            {facets.categories.map((c) => (
              <UnstyledButton key={c.id} onClick={() => set('category', params.category === c.id ? null : c.id)} data-testid="facet-category">
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm" fw={params.category === c.id ? 700 : 400} c={params.category === c.id ? 'blue' : undefined}>
                    {c.name}
                  </Text>
                  <Count n={c.count} />
                </Group>
              </UnstyledButton>
            ))}
          </FacetGroup>
        ) : null}
        {facets.brands.length > 0 ? (
          <FacetGroup title={t('store.facetBrands')}>
            {facets.brands.map((b) => (
              <Checkbox
                key={b.id}
                wrapperProps={{ 'data-testid': 'facet-brand' }}
                size="sm"
                checked={params.brand === b.id}
                onChange={() => set('brand', params.brand === b.id ? null : b.id)}
                label={
                  <Group gap={6} wrap="nowrap">
                    <span>{b.name}</span>
                    <Count n={b.count} />
                  </Group>
                }
              />
            ))}
          </FacetGroup>
        ) : null}
        {facets.attributes.map((a) => (
          <FacetGroup key={a.name} title={a.name}>
            {a.values.map((v) => (
              <Checkbox
                key={v.value}
                wrapperProps={{ 'data-testid': 'facet-attribute' }}
                size="sm"
                checked={params.attr.includes(`${a.name}:${v.value}`)}
                onChange={() => toggleAttr(a.name, v.value)}
                label={
                  <Group gap={6} wrap="nowrap">
                    <span>{v.value}</span>
                    <Count n={v.count} />
                  </Group>
                }
              />
            ))}
          </FacetGroup>
        ))}
      </Stack>
    </Paper>
  );
}

/** Search results and category browsing: facets on the side, sort, product grid, "show more". */
export function SearchPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { category: categoryParam } = useParams();
  const [sp, setSp] = useSearchParams();
  const categories = useCategories();
  const params: SearchParams = useMemo(
    () => ({
      q: sp.get('q')?.trim() || undefined,
      category: sp.get('category') ?? categoryParam ?? undefined,
      brand: sp.get('brand') ?? undefined,
      attr: sp.getAll('attr'),
      sort: sp.get('sort') === 'name' ? 'name' : sp.get('q') ? 'relevance' : 'name',
    }),
    [sp, categoryParam],
  );
  const search = useProductSearch(params);
  const pages = search.data?.pages ?? [];
  const first = pages[0];
  const items = pages.flatMap((p) => p.items);
  const category = findCategory(categories.data, params.category);
  const hasFilters = Boolean(params.brand || params.attr.length || (params.category && params.q));

  const set = (k: string, v: string | string[] | null) => {
    const next = new URLSearchParams(sp);
    next.delete(k);
    if (Array.isArray(v)) v.forEach((x) => next.append(k, x));
    else if (v !== null) next.set(k, v);
    setSp(next);
  };
  const clearFilters = () => {
    const next = new URLSearchParams();
    if (params.q) next.set('q', params.q);
    setSp(next);
  };

  const heading = params.q ? t('store.resultsFor', { q: params.q }) : category ? category.name : t('store.allProducts');

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        {category ? (
          <Breadcrumbs separator="›">
            <Anchor component={Link} to="/" size="sm">
              {t('store.home')}
            </Anchor>
            <Text size="sm">{category.name}</Text>
          </Breadcrumbs>
        ) : null}
        <Group justify="space-between" align="flex-end">
          <Stack gap={2}>
            <Title order={1} size="h2" data-testid="results-heading">
              {heading}
            </Title>
            {first ? (
              <Text c="dimmed" size="sm" data-testid="results-total">
                {t('store.resultCount', { count: first.total, formatted: formatNumber(first.total, locale) })}
              </Text>
            ) : null}
          </Stack>
          <Select
            w={200}
            label={t('store.sortBy')}
            value={params.sort}
            allowDeselect={false}
            onChange={(v) => set('sort', v)}
            data={[
              { value: 'relevance', label: t('store.sortRelevance') },
              { value: 'name', label: t('store.sortName') },
            ]}
            data-testid="sort-select"
          />
        </Group>
        {category && category.children.length > 0 && !params.q ? (
          <Group gap="xs" data-testid="subcategories">
            {category.children.map((c) => (
              <Button key={c.id} component={Link} to={`/c/${c.slug}`} variant="default" size="xs" radius="xl">
                {c.name}
                <Text span size="xs" c="dimmed" ms={6}>
                  {formatNumber(c.productCount, locale)}
                </Text>
              </Button>
            ))}
          </Group>
        ) : null}
        {hasFilters ? (
          <Group gap="xs">
            {params.brand ? (
              <Badge variant="light" rightSection={<IconX size={12} />} style={{ cursor: 'pointer' }} onClick={() => set('brand', null)}>
                {first?.facets.brands.find((b) => b.id === params.brand)?.name ?? t('store.facetBrands')}
              </Badge>
            ) : null}
            {params.attr.map((a) => (
              <Badge key={a} variant="light" rightSection={<IconX size={12} />} style={{ cursor: 'pointer' }} onClick={() => set('attr', params.attr.filter((x) => x !== a))}>
                {a.replace(':', ': ')}
              </Badge>
            ))}
            <Button variant="subtle" size="compact-xs" onClick={clearFilters}>
              {t('store.clearFilters')}
            </Button>
          </Group>
        ) : null}
      </Stack>

      <ErrorAlert error={search.error} />

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 3 }}>
          {first ? <Facets facets={first.facets} params={params} set={set} /> : search.isPending ? <Skeleton h={320} /> : null}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          {search.isPending ? (
            <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }}>
              {Array.from({ length: 6 }, (_, i) => (
                <Skeleton key={i} h={280} radius="md" />
              ))}
            </SimpleGrid>
          ) : items.length === 0 && !search.error ? (
            <EmptyState
              icon={<IconSearchOff size={28} />}
              title={params.q ? t('store.noMatchTitle', { q: params.q }) : t('store.noProductsTitle')}
              description={
                <Stack gap={6} align="center">
                  <Text size="sm" c="dimmed" ta="center">
                    {hasFilters ? t('store.noMatchFiltersHint') : t('store.noMatchHint')}
                  </Text>
                  {categories.data && categories.data.length > 0 ? (
                    <Group gap="xs" justify="center">
                      {categories.data.slice(0, 5).map((c) => (
                        <Anchor key={c.id} component={Link} to={`/c/${c.slug}`} size="sm">
                          {c.name}
                        </Anchor>
                      ))}
                    </Group>
                  ) : null}
                </Stack>
              }
              action={
                hasFilters ? (
                  <Button variant="light" onClick={clearFilters}>
                    {t('store.clearFilters')}
                  </Button>
                ) : (
                  <Button variant="light" component={Link} to="/search">
                    {t('store.browseAll')}
                  </Button>
                )
              }
            />
          ) : (
            <Stack>
              <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} data-testid="results">
                {items.map((p) => (
                  <ProductCard key={p.id} product={p} />
                ))}
              </SimpleGrid>
              {search.hasNextPage ? (
                <Box ta="center">
                  <Button variant="default" loading={search.isFetchingNextPage} onClick={() => void search.fetchNextPage()}>
                    {t('store.showMore')}
                  </Button>
                </Box>
              ) : null}
            </Stack>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
