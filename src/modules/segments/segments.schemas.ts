import { Type } from 'typebox';
import { MAX_SOURCE_LENGTH } from './domain/parser.ts';

/** TypeBox schemas of the customer-group admin API. */
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Name = Type.String({ minLength: 1, maxLength: 200 });
const Description = Type.String({ maxLength: 2000 });
const Rule = Type.String({ minLength: 1, maxLength: MAX_SOURCE_LENGTH, description: 'Rule source in the segment rule language (see the segments README)' });
const closed = { additionalProperties: false } as const;

export const GroupParams = Type.Object({ id: Id }, closed);
export const GroupCompanyParams = Type.Object({ id: Id, companyId: Id }, closed);

export const GroupSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    description: Type.String(),
    rule: Type.Union([Type.String(), Type.Null()]),
    memberCount: Type.Integer(),
    staticCount: Type.Integer({ description: 'Companies added by hand' }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  closed,
);

export const GroupCreateBody = Type.Object(
  { name: Name, description: Type.Optional(Description), rule: Type.Optional(Type.Union([Rule, Type.Null()])) },
  closed,
);

export const GroupPatchBody = Type.Object(
  {
    name: Type.Optional(Name),
    description: Type.Optional(Description),
    rule: Type.Optional(Type.Union([Rule, Type.Null()], { description: 'A new rule (re-evaluates the group), or null to keep only static members' })),
  },
  closed,
);

export const MemberSchema = Type.Object(
  {
    companyId: Type.String(),
    legalName: Type.String(),
    since: Type.String({ format: 'date-time' }),
    reason: Type.String({ description: 'Why the company joined: the rule explanation at the time, or static membership' }),
    static: Type.Boolean(),
  },
  closed,
);

export const ExplanationSchema = Type.Object(
  {
    groupId: Type.String(),
    companyId: Type.String(),
    member: Type.Boolean({ description: 'In the materialised membership now' }),
    static: Type.Boolean(),
    since: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    sentence: Type.String(),
    reasons: Type.Array(Type.String()),
  },
  closed,
);

export const PreviewBody = Type.Object({ rule: Type.String({ maxLength: MAX_SOURCE_LENGTH }), groupId: Type.Optional(Id) }, closed);

const PreviewCompany = Type.Object({ id: Type.String(), legalName: Type.String() }, closed);
const RuleErrorSchema = Type.Object(
  {
    message: Type.String(),
    line: Type.Integer(),
    column: Type.Integer(),
    offset: Type.Integer(),
    length: Type.Integer(),
    expected: Type.Optional(Type.Array(Type.String())),
  },
  closed,
);

export const PreviewSchema = Type.Object(
  {
    count: Type.Integer({ description: 'Members after the change, static members included' }),
    joins: Type.Array(PreviewCompany, { description: 'First 50 companies that would join' }),
    leaves: Type.Array(PreviewCompany, { description: 'First 50 companies that would leave' }),
    joinCount: Type.Integer(),
    leaveCount: Type.Integer(),
    errors: Type.Array(RuleErrorSchema),
  },
  closed,
);

export const ReevaluateSchema = Type.Object({ joined: Type.Integer(), left: Type.Integer() }, closed);
