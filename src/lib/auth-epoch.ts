/**
 * A process-wide counter of changes that can sign someone out or change what they may do: a
 * suspended company, a disabled login, a lost membership or role, a deleted session. The session
 * cache (auth module) drops every entry cached before the latest bump. Services that make such
 * changes bump it right after their transaction commits, so the next request in this process sees
 * the change at once; other processes learn of it through the `precis_auth` notification that
 * database triggers send (migration 0017), which bumps their counter too.
 */
let epoch = 0;

/** Call after committing a change to sessions, logins, memberships, roles or company status. */
export function authChanged(): void {
  epoch++;
}

export function authEpoch(): number {
  return epoch;
}
