import { Link } from 'react-router-dom';
import { Badge, Card, Center, Group, Image, Stack, Text } from '@mantine/core';
import { IconPackage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../ui/locale-sync.tsx';
import { formatNumber } from '../ui/format.ts';
import type { ProductCardData } from './catalog.ts';
import { CardPrice } from './price-tag.tsx';

/** One search result: picture, name, brand, SKUs, the caller's price and stock at a glance. */
export function ProductCard({ product }: { product: ProductCardData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card withBorder padding="md" component={Link} to={`/p/${product.slug}`} className="precis-product-card" data-testid="product-card">
      <Card.Section>
        {product.imageUrl ? (
          <Image src={product.imageUrl} h={150} fit="contain" alt="" bg="gray.0" />
        ) : (
          <Center h={150} bg="gray.0">
            <IconPackage size={48} stroke={1.2} color="var(--mantine-color-gray-5)" />
          </Center>
        )}
      </Card.Section>
      <Stack gap={6} mt="sm">
        {product.brand ? (
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {product.brand.name}
          </Text>
        ) : null}
        <Text fw={600} lineClamp={2} size="sm" data-testid="product-name">
          {product.name}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace" lineClamp={1}>
          {product.skus.join(' · ')}
        </Text>
        <CardPrice price={product.price} varies={product.priceVaries} />
        <Group justify="space-between" mt={4}>
          <Text size="xs" c="dimmed">
            {t('store.variantCount', { count: product.variantCount, formatted: formatNumber(product.variantCount, locale) })}
          </Text>
          <Badge size="sm" variant="light" color={product.inStock ? 'teal' : 'gray'}>
            {product.inStock ? t('store.inStock') : t('store.outOfStock')}
          </Badge>
        </Group>
      </Stack>
    </Card>
  );
}
