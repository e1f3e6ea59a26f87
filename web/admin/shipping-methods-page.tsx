import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash, IconTruckDelivery } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../ui/data-table.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatCountry, formatMoney, formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { useCan } from './session.ts';
import { useDeleteShippingMethod, useShippingMethods, type ShippingMethod } from './shipping-api.ts';
import { ShippingMethodModal } from './shipping-method-modal.tsx';

/** Shipping methods: zone, weight-band rates and free-shipping threshold, one currency each. */
export function ShippingMethodsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const methods = useShippingMethods();
  const remove = useDeleteShippingMethod();
  const canWrite = useCan('settings:write');
  const [editing, setEditing] = useState<ShippingMethod | 'new' | null>(null);
  const zone = (m: ShippingMethod) => m.zones.map((z) => (z.region ? `${formatCountry(z.country, locale)} · ${z.region}` : formatCountry(z.country, locale))).join(', ');
  const bands = (m: ShippingMethod) =>
    m.bands.map((b) => `≤ ${formatNumber(b.maxGrams / 1000, locale)} kg: ${formatMoney({ amount: b.amount, currency: m.currency }, locale)}`).join(' · ');
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('shipping.title')}
        description={t('shipping.hint')}
        actions={
          canWrite ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="shipping-add">
              {t('shipping.addMethod')}
            </Button>
          ) : null
        }
      />
      <ErrorAlert error={methods.error ?? remove.error} />
      <DataTable<ShippingMethod>
        testId="shipping-methods"
        rows={methods.data?.items ?? []}
        rowKey={(m) => m.id}
        onActivate={canWrite ? (m) => setEditing(m) : undefined}
        empty={methods.isPending ? null : <EmptyState icon={<IconTruckDelivery size={28} />} title={t('shipping.noMethods')} description={t('shipping.noMethodsHint')} />}
        columns={[
          {
            key: 'name',
            header: t('shipping.name'),
            render: (m) => (
              <Stack gap={0}>
                <Text fw={500}>{m.name}</Text>
                <Text size="xs" c="dimmed">
                  {m.carrier} · {t('shipping.days', { min: m.estimatedDays.min, max: m.estimatedDays.max })}
                </Text>
              </Stack>
            ),
          },
          { key: 'zone', header: t('shipping.zones'), render: zone },
          { key: 'bands', header: t('shipping.bands'), render: (m) => <Text size="xs">{bands(m)}</Text> },
          {
            key: 'free',
            header: t('shipping.freeThreshold'),
            render: (m) => (m.freeThreshold === null ? '—' : t('shipping.freeFrom', { amount: formatMoney({ amount: m.freeThreshold, currency: m.currency }, locale) })),
          },
          {
            key: 'status',
            header: '',
            render: (m) => (
              <Group gap="xs" justify="flex-end" wrap="nowrap">
                <Badge variant="dot" color={m.active ? 'teal' : 'gray'}>
                  {m.active ? t('common.active') : t('shipping.inactive')}
                </Badge>
                {canWrite ? (
                  <ActionIcon variant="subtle" color="red" aria-label={t('common.delete')} onClick={(e) => (e.stopPropagation(), remove.mutate(m.id))}>
                    <IconTrash size={16} />
                  </ActionIcon>
                ) : null}
              </Group>
            ),
          },
        ]}
      />
      {editing ? <ShippingMethodModal key={editing === 'new' ? 'new' : editing.id} method={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}
