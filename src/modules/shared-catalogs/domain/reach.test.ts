import { describe, expect, it } from 'vitest';
import { reachReasons } from './reach.ts';
import type { Assignment, CompanyPlace } from './types.ts';

// Holding > Region > Branch; the branch is in group G.
const branch: CompanyPlace = { id: 'cmp_branch', ancestorIds: ['cmp_holding', 'cmp_region'], groupIds: ['grp_g'] };

describe('reachReasons', () => {
  const cases: [string, Assignment[], CompanyPlace | null, ReturnType<typeof reachReasons>][] = [
    ['everyone reaches a company', [{ type: 'everyone' }], branch, [{ via: 'everyone' }]],
    ['everyone reaches a caller without company', [{ type: 'everyone' }], null, [{ via: 'everyone' }]],
    ['a group reaches its members', [{ type: 'group', groupId: 'grp_g' }], branch, [{ via: 'group', groupId: 'grp_g' }]],
    ['a group does not reach others', [{ type: 'group', groupId: 'grp_h' }], branch, []],
    ['groups and companies never reach a caller without company', [{ type: 'group', groupId: 'grp_g' }, { type: 'company', companyId: 'cmp_branch', includeDescendants: true }], null, []],
    ['a company assignment reaches the company', [{ type: 'company', companyId: 'cmp_branch', includeDescendants: false }], branch, [{ via: 'company' }]],
    ['an ancestor without "include descendants" does not reach', [{ type: 'company', companyId: 'cmp_holding', includeDescendants: false }], branch, []],
    ['an ancestor with "include descendants" reaches at any depth', [{ type: 'company', companyId: 'cmp_holding', includeDescendants: true }], branch, [{ via: 'ancestor', companyId: 'cmp_holding' }]],
    ['a descendant never reaches its ancestor', [{ type: 'company', companyId: 'cmp_child', includeDescendants: true }], branch, []],
    [
      'every reason is listed',
      [{ type: 'everyone' }, { type: 'group', groupId: 'grp_g' }, { type: 'company', companyId: 'cmp_region', includeDescendants: true }],
      branch,
      [{ via: 'everyone' }, { via: 'group', groupId: 'grp_g' }, { via: 'ancestor', companyId: 'cmp_region' }],
    ],
  ];
  it.each(cases)('%s', (_name, assignments, company, expected) => {
    expect(reachReasons(assignments, company)).toEqual(expected);
  });
});
