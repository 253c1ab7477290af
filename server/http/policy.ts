import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import type { Role } from '../../shared/domain/roles';
import type { AuthUser } from '../auth/types';
import { scopeOf, type StaffScope } from '../auth/policies';

/**
 * What a route acts on. Every route names one, with the rule that decides who may act on it:
 * - `public`: nothing private (health, public lists, scoreboards);
 * - `own`: the caller's own things (account, notifications, a participant's inputs and votes);
 * - `platform`: platform data (catalog, holidays, routing models, every agency);
 * - `agency`, `upp`, `forum`, `input`, `case`, `staff`: one loaded resource and its scope;
 * - `scoped`: a list filtered to the caller's scope (their agency, their UPPs).
 */
export type ResourceKind =
  | 'public'
  | 'own'
  | 'platform'
  | 'agency'
  | 'upp'
  | 'forum'
  | 'input'
  | 'case'
  | 'staff'
  | 'scoped';

/** Who may call a route at all, checked before anything is parsed or loaded. */
export type Gate = 'public' | 'user' | readonly Role[];

/**
 * What a policy's loader sees: the caller, the request, and the parts of the parsed request it
 * names in `I` (e.g. `{ params: { id: string } }`): a route without them does not compile.
 */
export type PolicyInput<U, I = unknown> = I & { user: U; req: Request };

/**
 * A route's authorization: who may call at all (`gate`), what the route acts on (`load`) and
 * whether the caller may act on it (`allow`). `U` is the caller: `AuthUser` behind a gate that
 * needs a session, `AuthUser | undefined` on public routes.
 */
export interface Policy<U extends AuthUser | undefined, R, I = unknown> {
  readonly gate: [U] extends [AuthUser] ? 'user' | readonly Role[] : 'public';
  readonly resource: ResourceKind;
  /** The rule in one line (OpenAPI `x-policy`, docs/SECURITY.md). */
  readonly rule: string;
  /** Loads the resource the route acts on (404 when it does not exist). */
  load(input: PolicyInput<U, I>): Promise<R> | R;
  /** Whether the caller may act on it. */
  allow(user: U, resource: R): boolean;
  /** Denied: 403, or 404 where the resource's existence must not leak. */
  readonly deny?: 'forbidden' | 'not_found';
}

/** Anyone may call; the user may be absent. */
export type PublicPolicy<R, I = unknown> = Policy<AuthUser | undefined, R, I>;

/** A signed-in user (of the gate's roles) may call; the route's `user` is never undefined. */
export type UserPolicy<R, I = unknown> = Policy<AuthUser, R, I>;

/** Anyone, nothing to load: health, login, public lists. */
export function anyone(rule = 'anyone'): PublicPolicy<undefined> {
  return { gate: 'public', resource: 'public', rule, load: () => undefined, allow: () => true };
}

/** Anyone, acting on their own things (a participant's cookie or an account). */
export function ownThings(rule: string): PublicPolicy<undefined> {
  return { gate: 'public', resource: 'own', rule, load: () => undefined, allow: () => true };
}

/** Any signed-in user, on their own account. */
export function signedIn(rule = 'any signed-in user, on their own account'): UserPolicy<AuthUser> {
  return { gate: 'user', resource: 'own', rule, load: ({ user }) => user, allow: () => true };
}

/** Platform admins only: platform data (catalog, holidays, routing models, agencies). */
export function platformOnly(rule = 'platform admins'): UserPolicy<undefined> {
  return {
    gate: ['platform_admin'],
    resource: 'platform',
    rule,
    load: () => undefined,
    allow: (u) => u.role === 'platform_admin',
  };
}

/**
 * These roles, each on what its scope covers: the handler gets the caller's scope and lists
 * only what lies in it (the platform, one agency, some UPPs).
 */
export function scopedTo(roles: readonly Role[], rule: string): UserPolicy<StaffScope> {
  return {
    gate: roles,
    resource: 'scoped',
    rule,
    load: ({ user }) => scopeOf(user),
    allow: () => true,
  };
}

/** Platform data that these roles may read (the catalog, the holiday calendar). */
export function platformData(roles: readonly Role[], rule: string): UserPolicy<undefined> {
  return { gate: roles, resource: 'platform', rule, load: () => undefined, allow: () => true };
}

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Whether a request may read the metrics: with METRICS_TOKEN set, only with
 * `Authorization: Bearer <token>`; without it, only from this machine and not through a
 * proxy (a reverse proxy on loopback forwards the internet: its requests carry
 * X-Forwarded-For or Forwarded and are refused).
 */
export function mayReadMetrics(req: Request, token: string | undefined): boolean {
  if (token) {
    const given = Buffer.from(req.headers.authorization ?? '');
    const wanted = Buffer.from(`Bearer ${token}`);
    return given.length === wanted.length && timingSafeEqual(given, wanted);
  }
  const proxied = ['x-forwarded-for', 'forwarded', 'x-real-ip'].some((h) => h in req.headers);
  return !proxied && LOOPBACK_ADDRESSES.has(req.socket.remoteAddress ?? '');
}

/** `/api/metrics`: this machine only, or a scraper with METRICS_TOKEN. */
export function metricsReaders(token: string | undefined): PublicPolicy<boolean> {
  return {
    gate: 'public',
    resource: 'platform',
    rule: 'this machine only (loopback, not proxied), or Authorization: Bearer METRICS_TOKEN',
    load: ({ req }) => mayReadMetrics(req, token),
    allow: (_user, ok) => ok,
    deny: 'forbidden',
  };
}
