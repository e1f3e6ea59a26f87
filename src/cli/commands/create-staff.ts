import { randomBytes } from 'node:crypto';
import { createStaff, STAFF_ROLES, systemCtx, type StaffRole } from '../../modules/accounts/index.ts';
import { UsageError, withDatabase } from '../io.ts';
import type { Command } from './command.ts';

/** "jane.doe-smith" → "Jane Doe Smith": a readable default name from an email. */
function nameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? email;
  return local.split(/[._-]+/).filter(Boolean).map((w) => w[0]?.toUpperCase() + w.slice(1)).join(' ') || email;
}

export const createStaffCommand: Command = {
  name: 'create-staff',
  summary: 'Create a member of staff who can sign in to /admin',
  usage: [
    'precis create-staff <email> --role <role> [--name <name>] [--password <password>]',
    '',
    `  --role      one of ${STAFF_ROLES.join(', ')}`,
    '  --name      display name (default: from the email)',
    '  --password  at least 10 characters; when absent a strong one is generated and printed once',
  ].join('\n'),
  options: { role: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
  async run({ positionals, values }, io) {
    const [email, extra] = positionals;
    if (!email || extra !== undefined) throw new UsageError(email ? `Unexpected argument: ${extra}` : 'Give the email of the new member of staff');
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new UsageError(`Not an email address: ${email}`);
    const role = values.role;
    if (typeof role !== 'string') throw new UsageError('--role is required');
    if (!(STAFF_ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${STAFF_ROLES.join(', ')}, got "${role}"`);
    const given = typeof values.password === 'string' ? values.password : undefined;
    const password = given ?? randomBytes(15).toString('base64url');
    return withDatabase(io, async (database) => {
      const staff = await createStaff(systemCtx(database.db), {
        email,
        name: typeof values.name === 'string' ? values.name : nameFromEmail(email),
        role: role as StaffRole,
        password,
      });
      io.out(`Created ${staff.role} ${staff.email} (${staff.id}).\n`);
      if (!given) io.out(`Generated password (shown once): ${password}\n`);
      return 0;
    });
  },
};
