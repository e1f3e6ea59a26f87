import { Type } from 'typebox';
import { COMPANY_ROLES, STAFF_ROLES } from './domain/roles.ts';

/** TypeBox shapes of the accounts API (request and response), shared by its route files. */
const Nullable = <T extends ReturnType<typeof Type.String>>(s: T) => Type.Union([s, Type.Null()]);
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Country = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217' });
const Locale = Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$', maxLength: 35, description: 'BCP 47, e.g. en, ur-PK' });
const Timezone = Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Asia/Karachi' });
const DateTime = Type.String({ format: 'date-time' });
export const Email = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+$' });

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export const IdLocationParams = Type.Object({ id: Id, locationId: Id }, { additionalProperties: false });

export const CompanyRoleSchema = Type.Union([Type.Literal('admin'), Type.Literal('buyer'), Type.Literal('approver'), Type.Literal('viewer')], { description: COMPANY_ROLES.join(' | ') });
export const StaffRoleSchema = Type.Union(
  [Type.Literal('admin'), Type.Literal('catalog_manager'), Type.Literal('pricing_manager'), Type.Literal('sales_rep'), Type.Literal('credit_controller'), Type.Literal('support')],
  { description: STAFF_ROLES.join(' | ') },
);
const CompanyStatus = Type.Union([Type.Literal('active'), Type.Literal('suspended')]);
const LoginStatus = Type.Union([Type.Literal('active'), Type.Literal('disabled')]);

const CustomFields = Type.Record(Type.String({ maxLength: 64 }), Type.Union([Type.String({ maxLength: 1000 }), Type.Number(), Type.Boolean(), Type.Null()]), {
  maxProperties: 50,
  description: 'Seller-defined fields (scalar values)',
});

export const CompanySchema = Type.Object(
  {
    id: Type.String(),
    parentId: Nullable(Type.String()),
    legalName: Type.String(),
    taxId: Nullable(Type.String()),
    industry: Nullable(Type.String()),
    country: Type.String(),
    region: Nullable(Type.String()),
    currency: Type.String(),
    timezone: Type.String(),
    locale: Type.String(),
    tags: Type.Array(Type.String()),
    customFields: Type.Record(Type.String(), Type.Unknown()),
    status: CompanyStatus,
    salesRepId: Nullable(Type.String()),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { additionalProperties: false },
);

const companyFields = {
  parentId: Type.Optional(Nullable(Id)),
  legalName: Type.String({ minLength: 1, maxLength: 300 }),
  taxId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  industry: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  country: Country,
  region: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  currency: Currency,
  timezone: Type.Optional(Timezone),
  locale: Type.Optional(Locale),
  tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 50 })),
  customFields: Type.Optional(CustomFields),
  status: Type.Optional(CompanyStatus),
  salesRepId: Type.Optional(Nullable(Id)),
};

export const CompanyCreateBody = Type.Object(companyFields, { additionalProperties: false });
export const CompanyPatchBody = Type.Object(
  {
    ...companyFields,
    legalName: Type.Optional(companyFields.legalName),
    country: Type.Optional(Country),
    currency: Type.Optional(Currency),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const CompanyListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Part of the legal name' })),
    parentId: Type.Optional(Type.String({ maxLength: 64, description: 'A company id, or `root` for top-level companies' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const LocationSchema = Type.Object(
  {
    id: Type.String(),
    companyId: Type.String(),
    name: Type.String(),
    line1: Type.String(),
    line2: Nullable(Type.String()),
    city: Type.String(),
    region: Nullable(Type.String()),
    postalCode: Nullable(Type.String()),
    country: Type.String(),
    phone: Nullable(Type.String()),
    isBillTo: Type.Boolean(),
    isShipTo: Type.Boolean(),
    isDefault: Type.Boolean(),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { additionalProperties: false },
);

const locationFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  line1: Type.String({ minLength: 1, maxLength: 200 }),
  line2: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  city: Type.String({ minLength: 1, maxLength: 100 }),
  region: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  postalCode: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
  country: Country,
  phone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  isBillTo: Type.Optional(Type.Boolean()),
  isShipTo: Type.Optional(Type.Boolean()),
  isDefault: Type.Optional(Type.Boolean()),
};
export const LocationCreateBody = Type.Object(locationFields, { additionalProperties: false });
export const LocationPatchBody = Type.Object(
  {
    ...locationFields,
    name: Type.Optional(locationFields.name),
    line1: Type.Optional(locationFields.line1),
    city: Type.Optional(locationFields.city),
    country: Type.Optional(Country),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const CompanyUserSchema = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    name: Type.String(),
    locale: Type.String(),
    status: LoginStatus,
    companyId: Type.String(),
    role: CompanyRoleSchema,
    locationIds: Type.Array(Type.String()),
    createdAt: DateTime,
  },
  { additionalProperties: false },
);

const LocationIds = Type.Array(Id, { maxItems: 200, description: 'Locations the user may use; empty for all' });
export const CompanyUserCreateBody = Type.Object(
  {
    email: Email,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    role: CompanyRoleSchema,
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 256, description: 'Optional; without it the person sets one by password reset' })),
    locale: Type.Optional(Locale),
    locationIds: Type.Optional(LocationIds),
  },
  { additionalProperties: false },
);

export const StoreUserPatchBody = Type.Object(
  { role: Type.Optional(CompanyRoleSchema), locationIds: Type.Optional(LocationIds) },
  { additionalProperties: false, minProperties: 1 },
);

export const AdminUserPatchBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    locale: Type.Optional(Locale),
    status: Type.Optional(LoginStatus),
    companyId: Type.Optional(Id),
    role: Type.Optional(CompanyRoleSchema),
    locationIds: Type.Optional(LocationIds),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const StaffSchema = Type.Object(
  { id: Type.String(), email: Type.String(), name: Type.String(), role: StaffRoleSchema, status: LoginStatus, createdAt: DateTime },
  { additionalProperties: false },
);

export const StaffCreateBody = Type.Object(
  {
    email: Email,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    role: StaffRoleSchema,
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  },
  { additionalProperties: false },
);

export const StaffPatchBody = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), role: Type.Optional(StaffRoleSchema), status: Type.Optional(LoginStatus) },
  { additionalProperties: false, minProperties: 1 },
);
