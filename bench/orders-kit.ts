/**
 * What the checkout and order-history benchmarks share: SQL on the bench database, buyer sign-in
 * and calls over HTTP, and latency runs (concurrent workers, percentiles).
 */
import pg from 'pg';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';
import { median } from './processes.ts';

export interface Session { cookie: string; csrf: string }

export async function query<T extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text, params)).rows;
  } finally {
    await c.end();
  }
}

export async function signIn(base: string, email: string): Promise<Session> {
  const res = await fetch(`${base}/api/store/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  if (!res.ok) throw new Error(`sign-in of ${email} answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: body.csrfToken };
}

export function headers(s: Session, extra: Record<string, string> = {}): Record<string, string> {
  return { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json', ...extra };
}

export async function call<T>(base: string, s: Session, method: string, p: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${p}`, { method, headers: headers(s), ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${p} answered ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

export interface Run { p50: number; p90: number; p99: number; mean: number; failed: number; n: number }

/** Runs `jobs` on `workers` concurrent workers (each takes the next job); latencies of each job in ms. */
export async function concurrent(workers: number, jobs: readonly (() => Promise<Response>)[], onFail?: (status: number, body: string) => void): Promise<Run> {
  const times: number[] = [];
  let failed = 0;
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      const t0 = performance.now();
      const res = await job();
      const body = await res.text();
      times.push(performance.now() - t0);
      if (!res.ok) {
        failed++;
        onFail?.(res.status, body);
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { p50: median(times), p90: at(0.9), p99: at(0.99), mean: times.reduce((a, b) => a + b, 0) / Math.max(1, times.length), failed, n: times.length };
}

export const fmt = (r: Run) => `median ${r.p50.toFixed(1)} ms, p90 ${r.p90.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms (${r.n} requests${r.failed ? `, ${r.failed} failed` : ''})`;
