import { useTranslation } from 'react-i18next';
import type { Money } from './format.ts';
import { ItemCell } from './item-cell.tsx';
import { ListTable, type ListColumn } from './list-table.tsx';
import { useFormat } from './use-format.ts';

export interface InvoiceLine {
  lineNo: number;
  kind: string;
  name: string;
  sku: string | null;
  quantity: number;
  unitPrice: Money;
  taxAmount: Money;
  lineTotal: Money;
}

/** An invoice's lines as the buyer and staff both see them; the shipping line says it is shipping. */
export function InvoiceLinesTable({ lines, inlineSku = false, testId }: { lines: InvoiceLine[]; inlineSku?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const columns: ListColumn<InvoiceLine>[] = [
    { key: 'item', header: t('invoices.item'), cell: (l) => <ItemCell name={l.kind === 'shipping' ? `${t('invoices.shipping')}: ${l.name}` : l.name} sku={l.sku} inline={inlineSku} /> },
    { key: 'qty', header: t('invoices.qty'), end: true, cell: (l) => l.quantity },
    { key: 'unit', header: t('invoices.unitPrice'), end: true, cell: (l) => fmt.money(l.unitPrice) },
    { key: 'tax', header: t('invoices.tax'), end: true, cell: (l) => fmt.money(l.taxAmount) },
    { key: 'amount', header: t('invoices.amount'), end: true, cell: (l) => fmt.money(l.lineTotal) },
  ];
  return <ListTable testId={testId} variant="lines" rows={lines} rowKey="lineNo" columns={columns} />;
}
