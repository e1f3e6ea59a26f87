import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema.d.ts';

export type { paths, components } from './schema.d.ts';

/** An RFC 9457 problem answered by the API, typed so forms can point at the field at fault. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly field: string | undefined;
  readonly errors: { field: string; message: string }[];

  constructor(status: number, body: unknown) {
    const p = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
    const detail = str(p.detail) ?? str(p.title) ?? `Request failed with status ${status}`;
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = str(p.code) ?? (status >= 500 ? 'INTERNAL' : 'UNKNOWN');
    this.title = str(p.title) ?? detail;
    this.detail = detail;
    this.field = str(p.field);
    this.errors = Array.isArray(p.errors) ? (p.errors as { field: string; message: string }[]) : [];
  }
}

export function isApiError(e: unknown, code?: string): e is ApiError {
  return e instanceof ApiError && (code === undefined || e.code === code);
}

/**
 * CSRF tokens, one per session cookie: buyers (`precis_sid`, /api/store) and staff
 * (`precis_staff_sid`, /api/admin) are separate sessions. Login and /me answers carry the token;
 * it lives in memory only (a reload asks /me again).
 */
const csrfTokens: { store: string | null; admin: string | null } = { store: null, admin: null };

export function setCsrfToken(surface: 'store' | 'admin', token: string | null | undefined): void {
  csrfTokens[surface] = token ?? null;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    // The server's messages and defaults follow the reader's chosen language, not the browser's.
    const lang = typeof document === 'undefined' ? '' : document.documentElement.lang;
    if (lang) request.headers.set('accept-language', lang);
    if (!UNSAFE.has(request.method)) return request;
    const path = new URL(request.url, window.location.origin).pathname;
    const token = path.startsWith('/api/admin/') ? csrfTokens.admin : path.startsWith('/api/store/') ? csrfTokens.store : null;
    if (token) request.headers.set('x-csrf-token', token);
    return request;
  },
};

/** The typed client: paths, parameters and bodies checked against the server's OpenAPI document. */
export const api = createClient<paths>({
  baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
  credentials: 'same-origin',
  headers: { accept: 'application/json' },
});
api.use(csrfMiddleware);

/**
 * Unwraps an openapi-fetch result: the data on success, an `ApiError` (problem+json) otherwise.
 * `await unwrap(api.GET('/api/store/products', { params: { query } }))`
 */
export async function unwrap<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await pending;
  if (!response.ok || error !== undefined) throw new ApiError(response.status, error);
  return data as T;
}

/** For calls that answer 204: resolves when the server accepted, throws the problem otherwise. */
export async function expectOk(pending: Promise<{ error?: unknown; response: Response }>): Promise<void> {
  const { error, response } = await pending;
  if (!response.ok) throw new ApiError(response.status, error);
}

type JsonBody<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type SuccessOf<Op> = Op extends { responses: infer Rs } ? (200 extends keyof Rs ? JsonBody<Rs[200]> : 201 extends keyof Rs ? JsonBody<Rs[201]> : never) : never;

/** The JSON a successful call answers, straight from the OpenAPI types: `ResponseOf<'/api/store/products', 'get'>`. */
export type ResponseOf<P extends keyof paths, M extends keyof paths[P]> = SuccessOf<paths[P][M]>;

/** The JSON body an operation takes. */
export type BodyOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody?: infer B } ? JsonBody<NonNullable<B>> : never;
