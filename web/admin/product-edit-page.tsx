import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Anchor, Badge, Breadcrumbs, Button, Grid, Group, NumberInput, Paper, Select, SimpleGrid, Skeleton, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconExternalLink, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../ui/data-table.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert, fieldError } from '../ui/error-alert.tsx';
import { AttributesInput, fromPairs, toPairs, type Pairs } from './attributes-input.tsx';
import { PRODUCT_STATUSES, useAdminProduct, useAllCategories, useBrands, useSaveProduct, type ProductStatus, type Variant } from './catalog-api.ts';
import { STATUS_COLOR } from './products-page.tsx';
import { VariantModal } from './variant-modal.tsx';

interface Form {
  name: string;
  slug: string;
  description: string;
  brandId: string | null;
  categoryId: string | null;
  status: ProductStatus;
  attributes: Pairs;
  firstSku: string;
  firstUom: string;
  firstPack: number | string;
}

const EMPTY: Form = { name: '', slug: '', description: '', brandId: null, categoryId: null, status: 'draft', attributes: [], firstSku: '', firstUom: 'EA', firstPack: 1 };

/** Create a product (with its first variant) or edit one and its variants. */
export function ProductEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const product = useAdminProduct(id);
  const brands = useBrands();
  const categories = useAllCategories();
  const save = useSaveProduct(id);
  const [f, setF] = useState<Form>(EMPTY);
  const [variantModal, setVariantModal] = useState<{ variant: Variant | null } | null>(null);

  useEffect(() => {
    const p = product.data;
    if (p) setF({ ...EMPTY, name: p.name, slug: p.slug, description: p.description, brandId: p.brandId, categoryId: p.categoryId, status: p.status, attributes: toPairs(p.attributes) });
  }, [product.data]);

  if (id && product.isPending) return <Skeleton h={400} />;
  if (id && product.error) return <ErrorAlert error={product.error} />;
  const p = product.data;

  const submit = () => {
    const body = {
      name: f.name.trim(),
      description: f.description,
      brandId: f.brandId,
      categoryId: f.categoryId,
      status: f.status,
      attributes: fromPairs(f.attributes),
      ...(f.slug.trim() ? { slug: f.slug.trim() } : {}),
      ...(!id && f.firstSku.trim() ? { variants: [{ sku: f.firstSku.trim(), uom: f.firstUom.trim() || 'EA', packSize: Number(f.firstPack) || 1 }] } : {}),
    };
    save.mutate(body, {
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', message: t('admin.products.saved', { name: saved.name }) });
        if (!id) navigate(`/admin/products/${saved.id}`, { replace: true });
      },
    });
  };

  return (
    <Stack gap="lg">
      <Breadcrumbs separator="›">
        <Anchor component={Link} to="/admin/products" size="sm">
          {t('admin.products.title')}
        </Anchor>
        <Text size="sm">{p ? p.name : t('admin.products.create')}</Text>
      </Breadcrumbs>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={1} size="h2">
            {p ? p.name : t('admin.products.create')}
          </Title>
          {p ? <Badge variant="light" color={STATUS_COLOR[p.status]}>{t(`admin.products.status.${p.status}`)}</Badge> : null}
        </Group>
        {p && p.status === 'active' ? (
          <Button component={Link} to={`/p/${p.slug}`} target="_blank" variant="subtle" rightSection={<IconExternalLink size={14} />}>
            {t('admin.products.viewInStore')}
          </Button>
        ) : null}
      </Group>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Paper withBorder p="lg">
              <Stack>
                <ErrorAlert error={save.error} />
                <TextInput label={t('common.name')} required value={f.name} onChange={(e) => setF({ ...f, name: e.currentTarget.value })} error={fieldError(save.error, 'name')} name="name" />
                <TextInput label={t('admin.products.slug')} description={t('admin.products.slugHint')} value={f.slug} onChange={(e) => setF({ ...f, slug: e.currentTarget.value })} error={fieldError(save.error, 'slug')} dir="ltr" />
                <Textarea label={t('admin.products.descriptionLabel')} autosize minRows={3} maxRows={10} value={f.description} onChange={(e) => setF({ ...f, description: e.currentTarget.value })} error={fieldError(save.error, 'description')} />
                <AttributesInput label={t('store.attributes')} value={f.attributes} onChange={(attributes) => setF({ ...f, attributes })} />
              </Stack>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack>
              <Paper withBorder p="lg">
                <Stack>
                  <Select
                    label={t('common.status')}
                    allowDeselect={false}
                    data={PRODUCT_STATUSES.map((s) => ({ value: s, label: t(`admin.products.status.${s}`) }))}
                    value={f.status}
                    onChange={(s) => setF({ ...f, status: (s ?? 'draft') as ProductStatus })}
                  />
                  <Select label={t('admin.products.brand')} clearable searchable data={(brands.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))} value={f.brandId} onChange={(brandId) => setF({ ...f, brandId })} error={fieldError(save.error, 'brandId')} />
                  <Select
                    label={t('admin.products.category')}
                    clearable
                    searchable
                    data={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: `${'— '.repeat(c.depth)}${c.name}` }))}
                    value={f.categoryId}
                    onChange={(categoryId) => setF({ ...f, categoryId })}
                    error={fieldError(save.error, 'categoryId')}
                  />
                </Stack>
              </Paper>
              {!id ? (
                <Paper withBorder p="lg">
                  <Stack>
                    <Text fw={600} size="sm">
                      {t('admin.products.firstVariant')}
                    </Text>
                    <TextInput label={t('store.sku')} value={f.firstSku} onChange={(e) => setF({ ...f, firstSku: e.currentTarget.value })} error={fieldError(save.error, 'variants[0].sku')} dir="ltr" />
                    <SimpleGrid cols={2}>
                      <TextInput label={t('store.uom')} value={f.firstUom} onChange={(e) => setF({ ...f, firstUom: e.currentTarget.value })} />
                      <NumberInput label={t('store.packSize')} min={1} value={f.firstPack} onChange={(n) => setF({ ...f, firstPack: n })} />
                    </SimpleGrid>
                  </Stack>
                </Paper>
              ) : null}
              <Button type="submit" loading={save.isPending} disabled={!f.name.trim()} size="md">
                {id ? t('common.save') : t('admin.products.create')}
              </Button>
            </Stack>
          </Grid.Col>
        </Grid>
      </form>
      {p ? (
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h4">
              {t('store.variants')}
            </Title>
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setVariantModal({ variant: null })}>
              {t('admin.products.addVariant')}
            </Button>
          </Group>
          <DataTable<Variant>
            rows={p.variants}
            rowKey={(v) => v.id}
            onActivate={(v) => setVariantModal({ variant: v })}
            empty={<EmptyState title={t('store.noVariants')} action={<Button onClick={() => setVariantModal({ variant: null })}>{t('admin.products.addVariant')}</Button>} />}
            columns={[
              { key: 'sku', header: t('store.sku'), render: (v) => <Text ff="monospace" size="sm" fw={600}>{v.sku}</Text> },
              { key: 'name', header: t('common.name'), render: (v) => v.name },
              { key: 'attrs', header: t('store.attributes'), render: (v) => Object.entries(v.attributes).map(([k, val]) => `${k}: ${String(val)}`).join(' · ') },
              { key: 'pack', header: t('store.packSize'), align: 'end', render: (v) => v.packSize },
              { key: 'uom', header: t('store.uom'), render: (v) => v.uom },
              { key: 'status', header: t('common.status'), render: (v) => <Badge variant="light" color={v.status === 'active' ? 'teal' : 'gray'}>{v.status === 'active' ? t('common.active') : t('admin.products.inactive')}</Badge> },
            ]}
          />
          <VariantModal productId={p.id} variant={variantModal?.variant ?? null} opened={variantModal !== null} onClose={() => setVariantModal(null)} />
        </Stack>
      ) : null}
    </Stack>
  );
}
