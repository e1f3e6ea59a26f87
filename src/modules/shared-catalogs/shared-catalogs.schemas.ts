import { Type, type TProperties } from 'typebox';

/** TypeBox schemas of the shared-catalog admin API. */
const closed = { additionalProperties: false } as const;
const Obj = <T extends TProperties>(props: T) => Type.Object(props, closed);
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Timestamp = Type.String({ format: 'date-time' });
const Status = Type.Union([Type.Literal('draft'), Type.Literal('active')], { description: 'Only active catalogs affect the storefront' });
const Effect = Type.Union([Type.Literal('include'), Type.Literal('exclude')], { description: 'An exclude rule always wins over include rules' });
const Kind = Type.Union([Type.Literal('category'), Type.Literal('product'), Type.Literal('brand'), Type.Literal('tag')], {
  description: 'A category also selects its subcategories',
});

export const CatalogParams = Obj({ id: Id });
export const CompanyParams = Obj({ id: Id });

export const RuleInput = Obj({
  effect: Effect,
  kind: Kind,
  value: Type.String({ minLength: 1, maxLength: 100, description: 'The category, product or brand id, or the tag' }),
});

export const AssignmentInput = Type.Union([
  Obj({ type: Type.Literal('everyone') }),
  Obj({ type: Type.Literal('group'), groupId: Id }),
  Obj({ type: Type.Literal('company'), companyId: Id, includeDescendants: Type.Boolean({ description: 'Also reach every company below it' }) }),
]);

const Rules = Type.Array(RuleInput, { maxItems: 5000, description: 'Replaces every rule. No include rule = every product' });
const Assignments = Type.Array(AssignmentInput, { maxItems: 1000, description: 'Replaces every assignment' });
const Name = Type.String({ minLength: 1, maxLength: 200 });
const Description = Type.String({ maxLength: 2000 });

export const CatalogCreate = Obj({
  name: Name,
  description: Type.Optional(Description),
  status: Type.Optional(Status),
  rules: Type.Optional(Rules),
  assignments: Type.Optional(Assignments),
});

export const CatalogPatch = Obj({
  name: Type.Optional(Name),
  description: Type.Optional(Description),
  status: Type.Optional(Status),
  rules: Type.Optional(Rules),
  assignments: Type.Optional(Assignments),
});

export const RulesPreviewBody = Obj({ rules: Rules });

const Label = Type.String({ description: 'Name of the referenced category, product, brand, group or company' });
const RuleView = Obj({ effect: Effect, kind: Kind, value: Type.String(), label: Label });
const AssignmentView = Type.Union([
  Obj({ type: Type.Literal('everyone'), label: Label }),
  Obj({ type: Type.Literal('group'), groupId: Type.String(), label: Label }),
  Obj({ type: Type.Literal('company'), companyId: Type.String(), includeDescendants: Type.Boolean(), label: Label }),
]);

export const SharedCatalog = Obj({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  status: Status,
  version: Type.Integer({ description: 'Bumped by every change' }),
  rules: Type.Array(RuleView),
  assignments: Type.Array(AssignmentView),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const KindCounts = Obj({ category: Type.Integer(), product: Type.Integer(), brand: Type.Integer(), tag: Type.Integer() });

export const SharedCatalogSummary = Obj({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  status: Status,
  version: Type.Integer(),
  include: KindCounts,
  exclude: KindCounts,
  assignments: Obj({ everyone: Type.Boolean(), groups: Type.Integer(), companies: Type.Integer() }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const CatalogPreview = Obj({
  count: Type.Integer({ description: 'Active products the rules select, as if this catalog alone reached a buyer' }),
  products: Type.Array(Obj({ id: Type.String(), name: Type.String(), slug: Type.String() }), { description: 'The first 20 by name' }),
});

export const CompanyVisibility = Obj({
  companyId: Type.String(),
  publicCatalog: Type.Boolean({ description: 'No active catalog reaches the company: it sees every active product' }),
  catalogs: Type.Array(
    Obj({
      id: Type.String(),
      name: Type.String(),
      reasons: Type.Array(
        Obj({
          via: Type.Union([Type.Literal('everyone'), Type.Literal('company'), Type.Literal('ancestor'), Type.Literal('group')]),
          companyId: Type.Union([Type.String(), Type.Null()]),
          groupId: Type.Union([Type.String(), Type.Null()]),
          label: Type.String(),
        }),
      ),
    }),
  ),
  visibleProductCount: Type.Integer(),
});
