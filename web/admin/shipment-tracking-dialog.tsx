import { useEffect, useState } from 'react';
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, fieldError } from '../ui/error-alert.tsx';
import { useAddTrackingEvent, type AdminShipment, type TrackingCreate } from './shipment-api.ts';

const STATUSES: TrackingCreate['status'][] = ['info_received', 'in_transit', 'out_for_delivery', 'delivered', 'failed_attempt', 'exception'];

/** Adds a tracking event by hand (a carrier without an integration, a phone call from the driver). */
export function ShipmentTrackingDialog({ orderId, shipment, onClose }: { orderId: string; shipment: AdminShipment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddTrackingEvent(orderId);
  const [status, setStatus] = useState<TrackingCreate['status']>('in_transit');
  const [location, setLocation] = useState('');
  const [description, setDescription] = useState('');
  useEffect(() => {
    if (!shipment) return;
    add.reset();
    setStatus('in_transit');
    setLocation('');
    setDescription('');
  }, [shipment?.id]); // reset only when the dialog opens for a shipment
  const error = add.error;
  return (
    <Modal opened={Boolean(shipment)} onClose={onClose} title={shipment ? t('shipments.admin.trackingTitle', { number: shipment.number }) : ''}>
      <form
        data-testid="tracking-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!shipment) return;
          add.mutate({ shipmentId: shipment.id, body: { status, location: location.trim() || null, description: description.trim() || null } }, { onSuccess: onClose });
        }}
      >
        <Stack>
          <ErrorAlert error={error} />
          <Select
            label={t('common.status')}
            allowDeselect={false}
            data={STATUSES.map((s) => ({ value: s, label: t(`shipments.event.${s}`) }))}
            value={status}
            onChange={(v) => v && setStatus(v as TrackingCreate['status'])}
            error={fieldError(error, 'status')}
            data-testid="tracking-status"
          />
          <TextInput label={t('shipments.admin.location')} value={location} onChange={(e) => setLocation(e.currentTarget.value)} error={fieldError(error, 'location')} />
          <TextInput label={t('shipments.admin.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={fieldError(error, 'description')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} data-testid="tracking-submit">
              {t('shipments.admin.addEvent')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
