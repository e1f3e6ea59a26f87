import { inArray } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { systemCtx } from '../modules/accounts/index.ts';
import { setGroupTerms, type PaymentTermsCode } from '../modules/credit/index.ts';
import { customerGroups } from '../modules/segments/index.ts';

/**
 * Payment terms on two of the demo's customer groups, so a group's "Payment terms" tab has a story
 * to show: key accounts are trusted with Net 60, Pakistani construction companies get Net 30. A
 * company in both takes the key-account terms (higher priority); companies with terms of their own
 * (every named demo company) keep them — the generated ones without any inherit these.
 */
export const DEMO_GROUP_TERMS: readonly { group: string; paymentTerms: PaymentTermsCode; priority: number }[] = [
  { group: 'Key accounts', paymentTerms: 'net60', priority: 20 },
  { group: 'Construction, Pakistan', paymentTerms: 'net30', priority: 10 },
];

/**
 * Sets the demo groups' terms through the credit service (run after the groups are loaded and
 * after `seedCheckoutSettings`, which clears group terms). Groups a data set lacks are skipped.
 * Returns how many groups got terms.
 */
export async function seedDemoGroupTerms(database: Database): Promise<number> {
  const ctx = systemCtx(database.db);
  const groups = await database.db
    .select({ id: customerGroups.id, name: customerGroups.name })
    .from(customerGroups)
    .where(inArray(customerGroups.name, DEMO_GROUP_TERMS.map((g) => g.group)));
  let set = 0;
  for (const spec of DEMO_GROUP_TERMS) {
    const group = groups.find((g) => g.name === spec.group);
    if (!group) continue;
    await setGroupTerms(ctx, group.id, { paymentTerms: spec.paymentTerms, priority: spec.priority });
    set++;
  }
  return set;
}
