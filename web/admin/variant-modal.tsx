import { useEffect, useState } from 'react';
import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, fieldError } from '../ui/error-alert.tsx';
import { AttributesInput, fromPairs, toPairs, type Pairs } from './attributes-input.tsx';
import { useDeleteVariant, useSaveVariant, type Variant } from './catalog-api.ts';

/** Adds or edits one variant (SKU, pack size, unit, attributes) of a saved product. */
export function VariantModal({ productId, variant, opened, onClose }: { productId: string; variant: Variant | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveVariant(productId);
  const remove = useDeleteVariant(productId);
  const [v, setV] = useState({ sku: '', name: '', gtin: '', uom: 'EA', packSize: 1 as number | string, status: 'active' as 'active' | 'inactive' });
  const [attrs, setAttrs] = useState<Pairs>([]);
  useEffect(() => {
    if (!opened) return;
    save.reset();
    remove.reset();
    setV(variant ? { sku: variant.sku, name: variant.name, gtin: variant.gtin ?? '', uom: variant.uom, packSize: variant.packSize, status: variant.status } : { sku: '', name: '', gtin: '', uom: 'EA', packSize: 1, status: 'active' });
    setAttrs(toPairs(variant?.attributes));
  }, [opened, variant]); // reset only when the dialog opens
  const error = save.error ?? remove.error;
  return (
    <Modal opened={opened} onClose={onClose} title={variant ? t('admin.products.editVariant', { sku: variant.sku }) : t('admin.products.addVariant')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            {
              ...(variant ? { variantId: variant.id } : {}),
              body: { sku: v.sku.trim(), name: v.name.trim(), gtin: v.gtin.trim() || null, uom: v.uom.trim() || 'EA', packSize: Number(v.packSize) || 1, status: v.status, attributes: fromPairs(attrs) },
            },
            { onSuccess: onClose },
          );
        }}
      >
        <Stack>
          <ErrorAlert error={error} />
          <SimpleGrid cols={2}>
            <TextInput label={t('store.sku')} required value={v.sku} onChange={(e) => setV({ ...v, sku: e.currentTarget.value })} error={fieldError(error, 'sku')} data-autofocus />
            <TextInput label={t('common.name')} value={v.name} onChange={(e) => setV({ ...v, name: e.currentTarget.value })} error={fieldError(error, 'name')} />
            <TextInput label={t('store.gtin')} value={v.gtin} onChange={(e) => setV({ ...v, gtin: e.currentTarget.value })} error={fieldError(error, 'gtin')} />
            <TextInput label={t('store.uom')} value={v.uom} onChange={(e) => setV({ ...v, uom: e.currentTarget.value })} error={fieldError(error, 'uom')} />
            <NumberInput label={t('store.packSize')} min={1} max={1_000_000} value={v.packSize} onChange={(n) => setV({ ...v, packSize: n })} error={fieldError(error, 'packSize')} />
            <Select
              label={t('common.status')}
              allowDeselect={false}
              data={[
                { value: 'active', label: t('common.active') },
                { value: 'inactive', label: t('admin.products.inactive') },
              ]}
              value={v.status}
              onChange={(s) => setV({ ...v, status: s === 'inactive' ? 'inactive' : 'active' })}
            />
          </SimpleGrid>
          <AttributesInput label={t('store.attributes')} value={attrs} onChange={setAttrs} />
          <Group justify="space-between">
            {variant ? (
              <Button variant="subtle" color="red" loading={remove.isPending} onClick={() => window.confirm(t('admin.products.deleteVariantConfirm', { sku: variant.sku })) && remove.mutate(variant.id, { onSuccess: onClose })}>
                {t('common.delete')}
              </Button>
            ) : (
              <span />
            )}
            <Group>
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} disabled={!v.sku.trim()}>
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
