/**
 * Polls `check` until it passes or `ms` elapse: changes that reach other processes' caches by
 * NOTIFY (membership, company moves, another instance's writes) get a bounded wait — the contract
 * is "within a second".
 */
export async function eventually(check: () => Promise<void>, ms = 1_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
