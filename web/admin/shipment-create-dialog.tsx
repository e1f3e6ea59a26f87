import { useEffect, useState } from 'react';
import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, fieldError } from '../ui/error-alert.tsx';
import { formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { useCreateShipment, type OrderShipments } from './shipment-api.ts';

/**
 * Ships lines of an order: a quantity per line (up to what remains), carrier, tracking number and
 * link, and the warehouse the goods leave from (default: where the stock is held).
 */
export function ShipmentCreateDialog({ data, opened, onClose }: { data: OrderShipments; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const create = useCreateShipment(data.orderId);
  const [qty, setQty] = useState<Record<number, number | string>>({});
  const [carrier, setCarrier] = useState('');
  const [trackingNumber, setTrackingNumber] = useState('');
  const [trackingUrl, setTrackingUrl] = useState('');
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  const open = data.lines.filter((l) => l.remaining > 0);
  // Every warehouse, those holding stock for this order first (with how much they hold).
  const held = new Map<string, number>();
  for (const l of open) for (const r of l.reserved) held.set(r.warehouseId, (held.get(r.warehouseId) ?? 0) + r.quantity);
  const warehouses = [...data.warehouses]
    .sort((a, b) => (held.get(b.id) ?? 0) - (held.get(a.id) ?? 0))
    .map((w) => ({ value: w.id, label: held.has(w.id) ? `${w.code} · ${w.name} (${formatNumber(held.get(w.id) ?? 0, locale)})` : `${w.code} · ${w.name}` }));

  useEffect(() => {
    if (!opened) return;
    create.reset();
    setQty(Object.fromEntries(open.map((l) => [l.lineNo, l.remaining])));
    setCarrier('');
    setTrackingNumber('');
    setTrackingUrl('');
    setWarehouseId(null);
  }, [opened]); // reset only when the dialog opens

  const lines = open.map((l) => ({ lineNo: l.lineNo, quantity: Number(qty[l.lineNo]) || 0 })).filter((l) => l.quantity > 0);
  const error = create.error;
  return (
    <Modal opened={opened} onClose={onClose} title={t('shipments.admin.createTitle', { number: data.orderNumber })} size="xl">
      <form
        data-testid="shipment-create-form"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            { carrier: carrier.trim(), trackingNumber: trackingNumber.trim() || null, trackingUrl: trackingUrl.trim() || null, ...(warehouseId ? { warehouseId } : {}), lines },
            { onSuccess: onClose },
          );
        }}
      >
        <Stack>
          <ErrorAlert error={error} />
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('store.sku')}</Table.Th>
                <Table.Th>{t('common.name')}</Table.Th>
                <Table.Th>{t('shipments.admin.remaining')}</Table.Th>
                <Table.Th>{t('shipments.admin.shipNow')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {open.map((l) => (
                <Table.Tr key={l.lineNo} data-testid="shipment-create-line" data-sku={l.sku}>
                  <Table.Td dir="ltr">{l.sku}</Table.Td>
                  <Table.Td>{l.name}</Table.Td>
                  <Table.Td>{formatNumber(l.remaining, locale)}</Table.Td>
                  <Table.Td w={140}>
                    <NumberInput
                      aria-label={t('shipments.admin.shipNowFor', { sku: l.sku })}
                      min={0}
                      max={l.remaining}
                      value={qty[l.lineNo] ?? 0}
                      onChange={(v) => setQty({ ...qty, [l.lineNo]: v })}
                      error={fieldError(error, `lines[${lines.findIndex((x) => x.lineNo === l.lineNo)}].quantity`)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {!open.length ? <Text c="dimmed">{t('shipments.allShipped')}</Text> : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('shipments.carrier')} required value={carrier} onChange={(e) => setCarrier(e.currentTarget.value)} error={fieldError(error, 'carrier')} data-autofocus />
            <Select
              label={t('shipments.admin.warehouse')}
              placeholder={t('shipments.admin.warehouseDefault')}
              clearable
              data={warehouses}
              value={warehouseId}
              onChange={setWarehouseId}
              error={fieldError(error, 'warehouseId')}
            />
            <TextInput label={t('shipments.trackingNumber')} value={trackingNumber} onChange={(e) => setTrackingNumber(e.currentTarget.value)} error={fieldError(error, 'trackingNumber')} dir="ltr" />
            <TextInput label={t('shipments.admin.trackingUrl')} placeholder="https://" value={trackingUrl} onChange={(e) => setTrackingUrl(e.currentTarget.value)} error={fieldError(error, 'trackingUrl')} dir="ltr" />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!carrier.trim() || !lines.length} data-testid="shipment-create-submit">
              {t('shipments.admin.ship')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
