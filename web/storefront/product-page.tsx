import { Link, useParams } from 'react-router-dom';
import { Anchor, Badge, Breadcrumbs, Button, Center, Grid, Group, Image, Paper, ScrollArea, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconPackage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { useProduct, type StoreProduct } from './catalog.ts';
import { VariantPrice } from './price-tag.tsx';
import { AddToCartButton } from './cart-add-button.tsx';

function StockBadge({ available, status }: { available: number; status: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (status !== 'active') return <Badge color="gray" variant="light">{t('store.discontinued')}</Badge>;
  if (available <= 0) return <Badge color="red" variant="light">{t('store.outOfStock')}</Badge>;
  if (available < 10) return <Badge color="yellow" variant="light">{t('store.lowStock', { formatted: formatNumber(available, locale) })}</Badge>;
  return <Badge color="teal" variant="light">{t('store.inStockCount', { formatted: formatNumber(available, locale) })}</Badge>;
}

function VariantTable({ product }: { product: StoreProduct }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Paper withBorder>
      <ScrollArea>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="variant-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('store.sku')}</Table.Th>
              <Table.Th>{t('store.variant')}</Table.Th>
              <Table.Th>{t('prices.price')}</Table.Th>
              <Table.Th>{t('store.attributes')}</Table.Th>
              <Table.Th style={{ textAlign: 'end' }}>{t('store.packSize')}</Table.Th>
              <Table.Th>{t('store.uom')}</Table.Th>
              <Table.Th>{t('store.stock')}</Table.Th>
              <Table.Th>{t('cart.add')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {product.variants.map((v) => (
              <Table.Tr key={v.id} data-testid="variant-row">
                <Table.Td>
                  <Text ff="monospace" size="sm" fw={600}>
                    {v.sku}
                  </Text>
                  {v.gtin ? (
                    <Text size="xs" c="dimmed" ff="monospace">
                      {t('store.gtin')} {v.gtin}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{v.name}</Text>
                </Table.Td>
                <Table.Td miw={180}>
                  <VariantPrice price={v.price} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {Object.entries(v.attributes).map(([k, val]) => (
                      <Badge key={k} variant="outline" color="gray" size="sm" tt="none">
                        {k}: {val}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td style={{ textAlign: 'end' }}>{formatNumber(v.packSize, locale)}</Table.Td>
                <Table.Td>{v.uom}</Table.Td>
                <Table.Td>
                  <StockBadge available={v.available} status={v.status} />
                </Table.Td>
                <Table.Td>
                  <AddToCartButton variantId={v.id} sku={v.sku} minimum={v.price?.quantityRules?.min ?? v.price?.quantityRules?.increment} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Paper>
  );
}

/** Product detail: breadcrumbs, picture, description, attributes and the variant table. */
export function ProductPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const product = useProduct(slug);

  if (product.isPending) return <Skeleton h={420} />;
  if (isApiError(product.error, 'NOT_FOUND')) {
    return (
      <EmptyState
        title={t('store.productNotFound')}
        description={t('store.productNotFoundHint')}
        action={
          <Button component={Link} to="/search">
            {t('store.browseAll')}
          </Button>
        }
      />
    );
  }
  if (product.error || !product.data) return <ErrorAlert error={product.error} />;
  const p = product.data;
  const attributes = Object.entries(p.attributes);

  return (
    <Stack gap="lg">
      <Breadcrumbs separator="›">
        <Anchor component={Link} to="/" size="sm">
          {t('store.home')}
        </Anchor>
        {p.categoryPath.map((c) => (
          <Anchor key={c.id} component={Link} to={`/c/${c.slug}`} size="sm">
            {c.name}
          </Anchor>
        ))}
      </Breadcrumbs>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md">
            {p.images[0] ? (
              <Image src={p.images[0]} alt={p.name} h={340} fit="contain" />
            ) : (
              <Center h={340} bg="gray.0">
                <IconPackage size={96} stroke={1} color="var(--mantine-color-gray-5)" />
              </Center>
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            {p.brand ? (
              <Text size="sm" c="dimmed" tt="uppercase" fw={600}>
                {p.brand.name}
              </Text>
            ) : null}
            <Title order={1} size="h2" data-testid="product-title">
              {p.name}
            </Title>
            {p.description ? <Text c="dimmed">{p.description}</Text> : null}
            {attributes.length > 0 ? (
              <Paper withBorder p="md">
                <Text fw={600} mb="xs">
                  {t('store.specifications')}
                </Text>
                <Table withRowBorders={false} verticalSpacing={4}>
                  <Table.Tbody>
                    {attributes.map(([k, v]) => (
                      <Table.Tr key={k}>
                        <Table.Td w="40%">
                          <Text size="sm" c="dimmed">
                            {k}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{v}</Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            ) : null}
          </Stack>
        </Grid.Col>
      </Grid>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('store.variants', { count: p.variants.length })}
        </Title>
        {p.variants.length ? <VariantTable product={p} /> : <EmptyState title={t('store.noVariants')} />}
      </Stack>
    </Stack>
  );
}
