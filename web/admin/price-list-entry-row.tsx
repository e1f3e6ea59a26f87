import { useState, type KeyboardEvent } from 'react';
import { ActionIcon, Group, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatMajor, formatTiers, parseMajor, parseTiers } from './price-list-money.ts';
import { isApiError } from '../api/client.ts';
import { formatMoney, formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import type { Entry, EntryItem } from './price-lists-api.ts';

interface Draft {
  unitPrice: string;
  tiers: string;
  qtyMin: string;
  qtyMax: string;
  qtyIncrement: string;
}

const draftOf = (e: Entry, currency: string): Draft => ({
  unitPrice: formatMajor(e.unitPrice, currency),
  tiers: formatTiers(e.tiers, currency),
  qtyMin: e.qtyMin === null ? '' : String(e.qtyMin),
  qtyMax: e.qtyMax === null ? '' : String(e.qtyMax),
  qtyIncrement: e.qtyIncrement === null ? '' : String(e.qtyIncrement),
});

/** The PUT item of a draft, or the field and problem to show (the same notation as the CSV). */
function itemOf(e: Entry, d: Draft, currency: string): { item: EntryItem } | { field: keyof Draft; message: string } {
  const price = parseMajor(d.unitPrice.trim(), currency);
  if (typeof price === 'string') return { field: 'unitPrice', message: price };
  const tiers = parseTiers(d.tiers.trim(), currency);
  if (typeof tiers === 'string') return { field: 'tiers', message: tiers };
  const qty = (v: string, field: keyof Draft): number | null | { field: keyof Draft; message: string } => {
    if (v.trim() === '') return null;
    return /^[1-9][0-9]{0,8}$/.test(v.trim()) ? Number(v) : { field, message: 'a whole number from 1' };
  };
  const min = qty(d.qtyMin, 'qtyMin');
  const max = qty(d.qtyMax, 'qtyMax');
  const inc = qty(d.qtyIncrement, 'qtyIncrement');
  for (const q of [min, max, inc]) if (q !== null && typeof q === 'object') return q;
  return { item: { variantId: e.variantId, unitPrice: price, tiers, qtyMin: min as number | null, qtyMax: max as number | null, qtyIncrement: inc as number | null } };
}

/**
 * One entry of the grid. Enter (or the pencil, or a double click) edits it in place; in edit mode
 * Enter saves and Esc cancels, Tab moves between the cells. Money is typed in major units.
 */
export function EntryRow({ entry, currency, canWrite, onSave, onDelete }: {
  entry: Entry;
  currency: string;
  canWrite: boolean;
  onSave: (item: EntryItem) => Promise<unknown>;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problem, setProblem] = useState<{ field: string; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const money = (amount: number) => formatMoney({ amount, currency }, locale);
  const start = () => {
    if (!canWrite) return;
    setDraft(draftOf(entry, currency));
    setProblem(null);
  };
  const cancel = () => {
    setDraft(null);
    setProblem(null);
  };
  const save = async () => {
    if (!draft) return;
    const r = itemOf(entry, draft, currency);
    if ('field' in r) return setProblem(r);
    setSaving(true);
    try {
      await onSave(r.item);
      cancel();
    } catch (err) {
      setProblem({ field: isApiError(err) && err.field ? err.field : 'unitPrice', message: err instanceof Error ? err.message : String(err) });
    } finally {
      setSaving(false);
    }
  };
  const onCellKey = (e: KeyboardEvent<HTMLInputElement>) => {
    // Keys typed into a cell belong to it, not to the row's navigation.
    e.stopPropagation();
    if (e.key === 'Enter') {
      e.preventDefault();
      void save();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    }
  };
  const cell = (field: keyof Draft, label: string, w: number, autoFocus = false) => (
    <TextInput
      size="xs"
      w={w}
      aria-label={label}
      data-testid={`edit-${field}`}
      value={draft?.[field] ?? ''}
      autoFocus={autoFocus}
      disabled={saving}
      error={problem && (problem.field === field || problem.field.startsWith(field)) ? problem.message : undefined}
      onChange={(e) => {
        const v = e.currentTarget.value;
        setDraft((d) => (d ? { ...d, [field]: v } : d));
      }}
      onKeyDown={onCellKey}
    />
  );

  const rules = [entry.qtyMin !== null ? t('priceLists.grid.min', { n: formatNumber(entry.qtyMin, locale) }) : null, entry.qtyMax !== null ? t('priceLists.grid.max', { n: formatNumber(entry.qtyMax, locale) }) : null, entry.qtyIncrement !== null ? t('priceLists.grid.step', { n: formatNumber(entry.qtyIncrement, locale) }) : null].filter(Boolean).join(' · ');

  return (
    <Table.Tr
      data-row
      data-sku={entry.sku}
      tabIndex={0}
      onDoubleClick={start}
      onKeyDown={(e) => {
        if (draft) return;
        if (e.key === 'Enter') {
          e.preventDefault();
          start();
        } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          const rows = [...(e.currentTarget.parentElement?.querySelectorAll<HTMLElement>('tr[data-row]') ?? [])];
          rows[rows.indexOf(e.currentTarget) + (e.key === 'ArrowDown' ? 1 : -1)]?.focus();
        } else if (e.key === 'Delete' && canWrite) {
          e.preventDefault();
          onDelete();
        }
      }}
    >
      <Table.Td>
        <Text ff="monospace" size="sm">
          {entry.sku}
        </Text>
        <Text size="xs" c="dimmed">
          {entry.productName}
        </Text>
      </Table.Td>
      {draft ? (
        <>
          <Table.Td>{cell('unitPrice', t('priceLists.grid.unitPrice'), 120, true)}</Table.Td>
          <Table.Td>{cell('tiers', t('priceLists.grid.tiers'), 200)}</Table.Td>
          <Table.Td>
            <Group gap={4} wrap="nowrap">
              {cell('qtyMin', t('priceLists.grid.qtyMin'), 70)}
              {cell('qtyMax', t('priceLists.grid.qtyMax'), 70)}
              {cell('qtyIncrement', t('priceLists.grid.qtyIncrement'), 70)}
            </Group>
          </Table.Td>
          <Table.Td>
            <Text size="xs" c="dimmed">
              {t('priceLists.grid.editHint')}
            </Text>
          </Table.Td>
        </>
      ) : (
        <>
          <Table.Td data-testid="unit-price" style={{ textAlign: 'end' }}>
            {money(entry.unitPrice)}
          </Table.Td>
          <Table.Td data-testid="tiers">
            <Text size="sm">{[...entry.tiers].sort((a, b) => a.minQty - b.minQty).map((x) => t('priceLists.grid.tier', { qty: formatNumber(x.minQty, locale), price: money(x.unitPrice) })).join(', ')}</Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{rules}</Text>
          </Table.Td>
          <Table.Td>
            {canWrite ? (
              <Group gap={4} wrap="nowrap" justify="flex-end">
                <Tooltip label={t('priceLists.grid.edit')}>
                  <ActionIcon variant="subtle" aria-label={t('priceLists.grid.edit')} onClick={start} tabIndex={-1}>
                    <IconPencil size={16} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('common.delete')}>
                  <ActionIcon variant="subtle" color="red" aria-label={t('common.delete')} onClick={onDelete} tabIndex={-1} data-testid="delete-entry">
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            ) : null}
          </Table.Td>
        </>
      )}
    </Table.Tr>
  );
}
