import { describe, expect, it } from 'vitest';
import { checkTransition, findTransition, nextStatuses, ORDER_STATUSES, TRANSITIONS, type GuardSubject, type OrderStatus } from './lifecycle.ts';

const buyer = (...p: string[]): GuardSubject => ({ kind: 'buyer', grants: new Set(p) });
const staff = (...p: string[]): GuardSubject => ({ kind: 'staff', grants: new Set(p) });
const system: GuardSubject = { kind: 'system', grants: new Set() };

describe('order lifecycle', () => {
  it('follows placed → confirmed → partially shipped → shipped → delivered', () => {
    const path: OrderStatus[] = ['placed', 'confirmed', 'partially_shipped', 'shipped', 'delivered'];
    for (let i = 1; i < path.length; i++) expect(checkTransition(path[i - 1]!, path[i]!, system).result).toBe('ok');
  });

  it.each<[OrderStatus, OrderStatus]>([
    ['delivered', 'placed'],
    ['shipped', 'cancelled'],
    ['cancelled', 'placed'],
    ['partially_shipped', 'cancelled'],
    ['placed', 'delivered'],
    ['delivered', 'cancelled'],
  ])('has no edge %s → %s', (from, to) => {
    expect(checkTransition(from, to, system).result).toBe('invalid');
  });

  it('lets a buyer cancel while placed or confirmed, never after shipping starts', () => {
    const b = buyer('company.orders:create');
    expect(checkTransition('placed', 'cancelled', b).result).toBe('ok');
    expect(checkTransition('confirmed', 'cancelled', b).result).toBe('ok');
    expect(nextStatuses('partially_shipped', b)).toEqual([]);
  });

  it('refuses a viewer who lacks the ordering permission', () => {
    expect(checkTransition('placed', 'cancelled', buyer('company.orders:read')).result).toBe('forbidden');
  });

  it('keeps confirming, holding and releasing to staff with orders:write', () => {
    expect(checkTransition('placed', 'confirmed', buyer('company.orders:create', 'company.orders:approve')).result).toBe('forbidden');
    expect(checkTransition('placed', 'confirmed', staff('orders:read')).result).toBe('forbidden');
    expect(checkTransition('placed', 'confirmed', staff('orders:write')).result).toBe('ok');
    expect(checkTransition('placed', 'on_hold', staff('orders:write')).result).toBe('ok');
    expect(checkTransition('on_hold', 'placed', staff('orders:write')).result).toBe('ok');
    expect(checkTransition('on_hold', 'placed', buyer('company.orders:create')).result).toBe('forbidden');
  });

  it('emits order.placed when an order reaches placed and order.cancelled when a placed order is cancelled', () => {
    expect(findTransition('on_hold', 'placed')?.emits).toContain('order.placed');
    expect(findTransition('pending_approval', 'placed')?.emits).toContain('order.placed');
    expect(findTransition('placed', 'cancelled')?.emits).toContain('order.cancelled');
    expect(findTransition('placed', 'confirmed')?.emits).toEqual([]);
  });

  it('only names known statuses and never loops to itself', () => {
    for (const t of TRANSITIONS) {
      expect(ORDER_STATUSES).toContain(t.from);
      expect(ORDER_STATUSES).toContain(t.to);
      expect(t.from).not.toBe(t.to);
    }
  });

  it('offers staff the buttons of a placed order', () => {
    expect(nextStatuses('placed', staff('orders:write')).map((n) => n.action)).toEqual(['confirm', 'hold', 'cancel', 'ship_partially', 'ship']);
  });
});
