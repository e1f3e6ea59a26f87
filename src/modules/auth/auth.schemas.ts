import { Type } from 'typebox';

export const Email = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+$', description: 'Email address (case-insensitive)' });

export const LoginBody = Type.Object(
  { email: Email, password: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);

export const ResetRequestBody = Type.Object({ email: Email }, { additionalProperties: false });

export const ResetConfirmBody = Type.Object(
  {
    token: Type.String({ minLength: 1, maxLength: 200, description: 'The token from the emailed link' }),
    password: Type.String({ minLength: 1, maxLength: 256, description: 'New password, at least 10 characters' }),
  },
  { additionalProperties: false },
);

export const SwitchCompanyBody = Type.Object({ companyId: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });

export const BuyerSession = Type.Object(
  {
    user: Type.Object({ id: Type.String(), email: Type.String(), name: Type.String(), locale: Type.String() }),
    company: Type.Object({ id: Type.String(), legalName: Type.String() }),
    companies: Type.Array(Type.Object({ id: Type.String(), legalName: Type.String(), role: Type.String() })),
    role: Type.String(),
    permissions: Type.Array(Type.String()),
    csrfToken: Type.String(),
  },
  { additionalProperties: false },
);

export const StaffSession = Type.Object(
  {
    staff: Type.Object({ id: Type.String(), email: Type.String(), name: Type.String(), role: Type.String() }),
    permissions: Type.Array(Type.String()),
    csrfToken: Type.String(),
  },
  { additionalProperties: false },
);

export const ApiKeySchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    prefix: Type.String({ description: 'The first characters of the key, to tell keys apart' }),
    scopes: Type.Array(Type.String()),
    createdBy: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { additionalProperties: false },
);
