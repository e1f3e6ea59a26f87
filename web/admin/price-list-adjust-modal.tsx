import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { parseMajor } from './price-list-money.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatMoney, formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { filterQuery, useAdjust, type AdjustBody, type AdjustResult, type EntryFilter } from './price-lists-api.ts';

type RoundingType = 'none' | 'nearest' | 'ending';

/**
 * "Change prices by %": percent and rounding, optionally only the entries the grid's filter shows;
 * Preview runs the change as a dry run (how many change, a few before → after), Apply writes it.
 */
export function AdjustModal({ listId, currency, filter, opened, onClose }: { listId: string; currency: string; filter: EntryFilter; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const adjust = useAdjust(listId);
  const [percent, setPercent] = useState<string | number>('');
  const [rounding, setRounding] = useState<RoundingType>('none');
  const [step, setStep] = useState('');
  const [ending, setEnding] = useState<string | number>(99);
  const [onlyFiltered, setOnlyFiltered] = useState(true);
  const [preview, setPreview] = useState<AdjustResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const hasFilter = Object.keys(filterQuery(filter)).length > 0;
  const money = (amount: number) => formatMoney({ amount, currency }, locale);

  const body = (dryRun: boolean): AdjustBody | null => {
    const p = Number(percent);
    if (percent === '' || !Number.isFinite(p)) {
      setProblem(t('priceLists.adjust.percentRequired'));
      return null;
    }
    let r: AdjustBody['rounding'] = { type: 'none' };
    if (rounding === 'nearest') {
      const minor = parseMajor(step.trim(), currency);
      if (typeof minor === 'string' || minor < 1) {
        setProblem(t('priceLists.adjust.stepRequired'));
        return null;
      }
      r = { type: 'nearest', step: minor };
    } else if (rounding === 'ending') r = { type: 'ending', ending: Number(ending) || 0 };
    setProblem(null);
    return { percent: p, rounding: r, dryRun, ...(onlyFiltered && hasFilter ? { filter: filterQuery(filter) } : {}) };
  };
  const close = () => {
    setPreview(null);
    adjust.reset();
    onClose();
  };
  const run = (dryRun: boolean) => {
    const b = body(dryRun);
    if (!b) return;
    adjust.mutate(b, {
      onSuccess: (r) => {
        if (r.dryRun) setPreview(r);
        else {
          notifications.show({ color: 'teal', message: t('priceLists.adjust.applied', { count: r.changed, n: formatNumber(r.changed, locale) }) });
          close();
        }
      },
    });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('priceLists.adjust.title')} size="lg">
      <Stack data-testid="adjust-modal">
        <Group align="flex-end">
          <NumberInput
            label={t('priceLists.adjust.percent')}
            description={t('priceLists.adjust.percentHint')}
            value={percent}
            onChange={(v) => {
              setPercent(v);
              setPreview(null);
            }}
            decimalScale={2}
            min={-100}
            max={1000}
            suffix=" %"
            w={200}
            data-testid="adjust-percent"
            data-autofocus
          />
          <Select
            label={t('priceLists.form.rounding')}
            value={rounding}
            onChange={(v) => {
              setRounding((v ?? 'none') as RoundingType);
              setPreview(null);
            }}
            data={(['none', 'nearest', 'ending'] as const).map((r) => ({ value: r, label: t(`priceLists.rounding.${r}`) }))}
            allowDeselect={false}
            w={220}
          />
          {rounding === 'nearest' ? <TextInput label={t('priceLists.form.roundingStep', { currency })} value={step} onChange={(e) => setStep(e.currentTarget.value)} placeholder="0.05" w={140} /> : null}
          {rounding === 'ending' ? <NumberInput label={t('priceLists.form.roundingEnding')} value={ending} onChange={setEnding} min={0} max={99} allowDecimal={false} w={140} /> : null}
        </Group>
        {hasFilter ? <Checkbox checked={onlyFiltered} onChange={(e) => setOnlyFiltered(e.currentTarget.checked)} label={t('priceLists.adjust.onlyFiltered')} /> : null}
        {problem ? <Alert color="red">{problem}</Alert> : null}
        <ErrorAlert error={adjust.error} />
        {preview ? (
          <Stack gap="xs" data-testid="adjust-preview">
            <Text fw={500}>{t('priceLists.adjust.previewCount', { count: preview.changed, n: formatNumber(preview.changed, locale), matched: formatNumber(preview.matched, locale) })}</Text>
            {preview.samples.length ? (
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>SKU</Table.Th>
                    <Table.Th style={{ textAlign: 'end' }}>{t('priceLists.adjust.before')}</Table.Th>
                    <Table.Th style={{ textAlign: 'end' }}>{t('priceLists.adjust.after')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.samples.map((s) => (
                    <Table.Tr key={s.sku}>
                      <Table.Td>
                        <Text ff="monospace" size="sm">
                          {s.sku}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {s.productName}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ textAlign: 'end' }}>{money(s.before.unitPrice)}</Table.Td>
                      <Table.Td style={{ textAlign: 'end' }}>{money(s.after.unitPrice)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : null}
          </Stack>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button variant="light" onClick={() => run(true)} loading={adjust.isPending && adjust.variables?.dryRun === true} data-testid="adjust-preview-button">
            {t('priceLists.adjust.preview')}
          </Button>
          <Button onClick={() => run(false)} disabled={!preview || preview.changed === 0} loading={adjust.isPending && adjust.variables?.dryRun === false} data-testid="adjust-apply">
            {t('priceLists.adjust.apply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
