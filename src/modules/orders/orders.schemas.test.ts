import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES } from './domain/lifecycle.ts';
import { OrderStatus } from './orders.schemas.ts';

describe('order status schema', () => {
  it('lists exactly the lifecycle statuses, so the API accepts and answers every status and no other', () => {
    const literals = (OrderStatus.anyOf as { const: string }[]).map((s) => s.const);
    expect(literals).toEqual([...ORDER_STATUSES]);
  });
});
