import { useEffect, useState } from 'react';
import { Badge, Button, Group, Paper, SimpleGrid, Skeleton, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDate } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { useDeleteTaxExemption, useSetTaxExemption, useTaxExemption } from './company-credit-api.ts';
import { useUpdateCompany } from './companies-api.ts';
import { useCan } from './session.ts';

/** A company's VAT id and tax-exemption certificate (no tax on its orders until the certificate expires). */
export function TaxExemptionPanel({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const tax = useTaxExemption(companyId);
  const save = useSetTaxExemption(companyId);
  const remove = useDeleteTaxExemption(companyId);
  const canWrite = useCan('settings:write');
  const canEditCompany = useCan('companies:write');
  const updateCompany = useUpdateCompany(companyId);
  const [vatId, setVatId] = useState('');
  const [certificate, setCertificate] = useState('');
  const [expires, setExpires] = useState('');
  useEffect(() => {
    setCertificate(tax.data?.exemption?.certificateNumber ?? '');
    setExpires(tax.data?.exemption?.expiresOn ?? '');
    setVatId(tax.data?.vatId ?? '');
  }, [tax.data]);
  if (tax.isPending) return <Skeleton h={120} />;
  if (tax.error || !tax.data) return <ErrorAlert error={tax.error} />;
  const e = tax.data.exemption;
  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={3} size="h5">
            {t('tax.exemptionTitle')}
          </Title>
          <Badge variant="light" color={e?.valid ? 'teal' : 'gray'} data-testid="tax-exempt-status">
            {e ? (e.valid ? t('tax.exemptUntil', { date: formatDate(`${e.expiresOn}T00:00:00Z`, locale, { dateStyle: 'medium', timeZone: 'UTC' }) }) : t('tax.exemptionExpired')) : t('tax.taxable')}
          </Badge>
        </Group>
        <Group align="flex-end" gap="sm">
          <TextInput
            flex={1}
            label={t('tax.vatId')}
            description={t('tax.vatIdHint')}
            value={vatId}
            onChange={(ev) => setVatId(ev.currentTarget.value)}
            disabled={!canEditCompany}
            maxLength={64}
            dir="ltr"
            data-testid="tax-vat-id"
          />
          {canEditCompany ? (
            <Button variant="default" onClick={() => updateCompany.mutate({ taxId: vatId.trim() || null }, { onSuccess: () => void tax.refetch() })} loading={updateCompany.isPending} data-testid="tax-vat-save">
              {t('common.save')}
            </Button>
          ) : null}
        </Group>
        <ErrorAlert error={updateCompany.error} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <TextInput label={t('tax.certificate')} value={certificate} onChange={(ev) => setCertificate(ev.currentTarget.value)} disabled={!canWrite} maxLength={100} data-testid="tax-certificate" />
          <TextInput label={t('tax.expiresOn')} type="date" value={expires} onChange={(ev) => setExpires(ev.currentTarget.value)} disabled={!canWrite} data-testid="tax-expires" />
        </SimpleGrid>
        <ErrorAlert error={save.error ?? remove.error} />
        {canWrite ? (
          <Group justify="flex-end">
            {e ? (
              <Button variant="subtle" color="red" onClick={() => remove.mutate()} loading={remove.isPending}>
                {t('tax.removeExemption')}
              </Button>
            ) : null}
            <Button variant="light" onClick={() => save.mutate({ certificateNumber: certificate.trim(), expiresOn: expires })} disabled={!certificate.trim() || !expires} loading={save.isPending} data-testid="tax-save">
              {t('tax.saveExemption')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
