import type { ForumStatus, ForumType, RejectReason } from '$shared/domain/forum';
import {
  API_PATHS,
  fillPath,
  type ApiName,
  type ApiPath,
  type PathParams,
} from '$shared/api/paths';
import type { BodyOf, QueryOf, ResponseOf, RouteSchemas } from '$shared/api/contract';
import type { ErrorCode } from '$shared/schemas/common';
import type { CitizenCase } from '$shared/schemas/inbox';
import type { Input } from '$shared/schemas/input';
import { t, translateError } from './i18n.svelte';

/** Codes of failures that never reached the server. */
export type ClientErrorCode = 'network' | 'timeout';

/** An error from the API (`{ error: { code, reason, params, message } }`), or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    /** Seconds to wait before trying again (429). */
    readonly retryAfter: number | null = null,
    /** The precise reason (a key of shared/errors.ts) and its parameters, when the server sent one. */
    readonly reason: string | null = null,
    readonly params: Record<string, string | number> = {},
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type ErrorDetails = { retryAfter?: unknown; limit?: unknown } | undefined;
type WireError = {
  code: ErrorCode;
  message: string;
  reason?: unknown;
  params?: unknown;
  details?: ErrorDetails;
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function errorOf(v: unknown): WireError | null {
  if (!isObject(v) || !isObject(v.error)) return null;
  const e = v.error;
  if (typeof e.message !== 'string' || typeof e.code !== 'string') return null;
  return {
    code: e.code as ErrorCode,
    message: e.message,
    reason: e.reason,
    params: e.params,
    details: isObject(e.details) ? e.details : undefined,
  };
}

function paramsOf(v: unknown): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (!isObject(v)) return out;
  for (const [k, x] of Object.entries(v)) {
    if (typeof x === 'string' || typeof x === 'number') out[k] = x;
  }
  return out;
}

function withQuery(path: string, query?: object): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      if (v !== '') qs.set(k, String(v));
    }
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

/** How long a request may take before it fails as `timeout` (a phone on a hall's Wi-Fi). */
export const REQUEST_TIMEOUT_MS = 15_000;

/** Whether retrying the same request later may succeed (the network, a busy or restarting server). */
export function isRetryable(err: unknown): boolean {
  if (!(err instanceof ApiError)) return false;
  return (
    err.code === 'network' ||
    err.code === 'timeout' ||
    err.code === 'db_unavailable' ||
    err.status === 408 ||
    err.status === 429 ||
    err.status >= 500
  );
}

/** A signal that aborts after `ms` or when `outer` aborts; `timedOut()` tells which. */
function deadline(ms: number, outer?: AbortSignal) {
  const ctrl = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    ctrl.abort();
  }, ms);
  const onAbort = () => ctrl.abort();
  outer?.addEventListener('abort', onAbort, { once: true });
  if (outer?.aborted) ctrl.abort();
  return {
    signal: ctrl.signal,
    timedOut: () => expired,
    done: () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    },
  };
}

type RequestOptions = {
  body?: unknown;
  /** Raw text sent as text/plain (an uploaded CSV) instead of a JSON body. */
  text?: string;
  query?: object;
  signal?: AbortSignal;
  timeoutMs?: number;
};

/**
 * Calls `/api${path}` and returns the parsed JSON body (unknown: `call` types it); throws
 * ApiError on failure (`timeout` after `timeoutMs`, `network` when the server cannot be reached).
 */
async function request(method: string, path: string, opts: RequestOptions): Promise<unknown> {
  let res: Response;
  let text: string;
  const limit = deadline(opts.timeoutMs ?? REQUEST_TIMEOUT_MS, opts.signal);
  const contentType: Record<string, string> =
    opts.text !== undefined
      ? { 'Content-Type': 'text/plain; charset=utf-8' }
      : opts.body !== undefined
        ? { 'Content-Type': 'application/json' }
        : {};
  try {
    res = await fetch(withQuery(`/api${path}`, opts.query), {
      method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...contentType },
      body: opts.text ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined),
      signal: limit.signal,
    });
    text = await res.text();
  } catch (err) {
    if (limit.timedOut()) throw new ApiError(0, 'timeout', t('error.timeout'), null, 'timeout');
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', t('error.network'), null, 'network');
  } finally {
    limit.done();
  }
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const e = errorOf(data);
    if (e) {
      const retry = typeof e.details?.retryAfter === 'number' ? e.details.retryAfter : null;
      const reason = typeof e.reason === 'string' ? e.reason : null;
      throw new ApiError(
        res.status,
        e.code,
        e.message,
        retry,
        reason,
        paramsOf(e.params),
        e.details,
      );
    }
    throw new ApiError(res.status, 'internal', t('error.http', { status: res.status }));
  }
  return data;
}

type ParamsArg<K extends ApiName> = keyof PathParams<ApiPath<K>> extends never
  ? { params?: undefined }
  : { params: PathParams<ApiPath<K>> };
type BodyArg<K extends ApiName> =
  BodyOf<K> extends undefined ? { body?: undefined } : { body: BodyOf<K> };

/** The arguments of route K: its path parameters, body and query, typed by the shared contract. */
export type CallArgs<K extends ApiName> = ParamsArg<K> &
  BodyArg<K> & {
    query?: QueryOf<K>;
    text?: string;
    signal?: AbortSignal;
    timeoutMs?: number;
  };

/**
 * Calls the route named K (shared/api/paths.ts) and answers with its response type from
 * shared/api/contract.ts. The route's method and path are written at the call and must equal
 * the table's (a type error otherwise): the table itself stays out of the page's JavaScript.
 * The JSON is trusted to match the response type here, at one place: the contract test
 * (tests/integration/api-contract.test.ts) holds the server's registered schemas equal to the
 * contract, and in development every answer is also parsed with its schema.
 */
export async function call<K extends ApiName>(
  name: K,
  route: (typeof API_PATHS)[K],
  ...[args]: keyof PathParams<ApiPath<K>> extends never
    ? BodyOf<K> extends undefined
      ? [args?: CallArgs<K>]
      : [args: CallArgs<K>]
    : [args: CallArgs<K>]
): Promise<ResponseOf<K>> {
  const [method, template] = route;
  const path = fillPath(template, args?.params ?? {});
  const body = args?.body ?? (method === 'GET' || method === 'DELETE' ? undefined : {});
  const data = await request(method, path, { ...args, body });
  if (import.meta.env.DEV) await devCheck(name, data);
  return data as ResponseOf<K>;
}

/** Development only: reports an answer that does not match its schema (not in the build). */
async function devCheck(name: ApiName, data: unknown): Promise<void> {
  const { API_CONTRACT } = await import('$shared/api/contract');
  const route: RouteSchemas = API_CONTRACT[name];
  const r = route.response?.safeParse(data);
  if (r && !r.success) console.error(`API ${name}: the answer does not match its schema`, r.error);
}

/** The message to show for any thrown value, in the current language. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return translateError(err);
  if (err instanceof Error && err.message) return err.message;
  return t('error.unknown');
}

/** A random key for idempotent submissions (works without a secure context). */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const enc = encodeURIComponent;

export const authApi = {
  me: () => call('auth.me', ['GET', '/auth/me']),
  login: (email: string, password: string) =>
    call('auth.login', ['POST', '/auth/login'], { body: { email, password } }),
  register: (email: string, password: string, displayName: string) =>
    call('auth.register', ['POST', '/auth/register'], { body: { email, password, displayName } }),
  logout: () => call('auth.logout', ['POST', '/auth/logout']),
  changePassword: (currentPassword: string, newPassword: string) =>
    call('auth.password', ['POST', '/auth/password'], { body: { currentPassword, newPassword } }),
};

export type ForumListFilter = {
  status?: 'active' | 'all' | ForumStatus;
  type?: ForumType;
  mine?: boolean;
};

export type VoteResult = ResponseOf<'input.vote'>;
export type CatalogService = ResponseOf<'service.list'>['services'][number];
export type UppRef = ResponseOf<'upp.mine'>['upps'][number];
export type PublicUpp = ResponseOf<'scoreboard.list'>['upps'][number];

const id = (forumId: string) => ({ params: { id: forumId } });

export const forumApi = {
  list: (f: ForumListFilter = {}) =>
    call('forum.list', ['GET', '/forums'], {
      query: { status: f.status ?? 'active', type: f.type, mine: f.mine ? 'true' : undefined },
    }),
  create: (body: BodyOf<'forum.create'>) => call('forum.create', ['POST', '/forums'], { body }),
  get: (forumId: string) => call('forum.get', ['GET', '/forums/:id'], id(forumId)),
  byCode: (code: string) =>
    call('forum.byCode', ['GET', '/forums/by-code/:code'], { params: { code } }),
  setStatus: (forumId: string, status: ForumStatus) =>
    call('forum.status', ['POST', '/forums/:id/status'], { ...id(forumId), body: { status } }),
  similar: (forumId: string, text: string, signal?: AbortSignal) =>
    call('input.similar', ['GET', '/forums/:id/similar'], {
      ...id(forumId),
      query: { text },
      signal,
    }),
  mine: (forumId: string) => call('input.mine', ['GET', '/forums/:id/mine'], id(forumId)),
  queue: (forumId: string) => call('input.queue', ['GET', '/forums/:id/queue'], id(forumId)),
  log: (forumId: string) => call('forum.log', ['GET', '/forums/:id/log'], id(forumId)),
  submit: (forumId: string, body: BodyOf<'input.create'>) =>
    call('input.create', ['POST', '/forums/:id/inputs'], { ...id(forumId), body }),
  merge: (forumId: string, targetId: string, sourceIds: string[]) =>
    call('input.merge', ['POST', '/forums/:id/merge'], {
      ...id(forumId),
      body: { targetId, sourceIds },
    }),
  update: (forumId: string, body: BodyOf<'forum.update'>) =>
    call('forum.update', ['PATCH', '/forums/:id'], { ...id(forumId), body }),
  signals: (forumId: string) => call('forum.signals', ['GET', '/forums/:id/signals'], id(forumId)),
  spotlight: (forumId: string, inputId: string | null) =>
    call('forum.spotlight', ['POST', '/forums/:id/spotlight'], {
      ...id(forumId),
      body: { inputId },
    }),
  qrUrl: (forumId: string) => `/api/forums/${enc(forumId)}/qr.svg`,
};

export const inputApi = {
  vote: (inputId: string, voted: boolean) =>
    call('input.vote', ['POST', '/inputs/:id/vote'], { ...id(inputId), body: { voted } }),
  approve: (inputId: string) =>
    call('input.approve', ['POST', '/inputs/:id/approve'], { ...id(inputId), body: {} }),
  reject: (inputId: string, reason: RejectReason, note: string) =>
    call('input.reject', ['POST', '/inputs/:id/reject'], {
      ...id(inputId),
      body: { reason, note },
    }),
  hide: (inputId: string, reason: RejectReason, note: string) =>
    call('input.hide', ['POST', '/inputs/:id/hide'], { ...id(inputId), body: { reason, note } }),
  edit: (inputId: string, text: string, reason: string) =>
    call('input.edit', ['POST', '/inputs/:id/edit'], { ...id(inputId), body: { text, reason } }),
  answer: (inputId: string, note: string) =>
    call('input.answer', ['POST', '/inputs/:id/answer'], { ...id(inputId), body: { note } }),
  pin: (inputId: string, pinned: boolean) =>
    call('input.pin', ['POST', '/inputs/:id/pin'], { ...id(inputId), body: { pinned } }),
};

export const catalogApi = {
  services: () => call('service.list', ['GET', '/catalog/services']),
  myUpps: () => call('upp.mine', ['GET', '/upps/mine']),
};

/** The case behind an input, or null when it has not been routed to a UPP. */
export function caseOf(input: Input): CitizenCase | null {
  return input.case ?? null;
}

export const citizenApi = {
  confirm: (inputId: string) => call('input.confirm', ['POST', '/inputs/:id/confirm'], id(inputId)),
  reopen: (inputId: string, reason: string) =>
    call('input.reopen', ['POST', '/inputs/:id/reopen'], { ...id(inputId), body: { reason } }),
};

export const reportApi = {
  upp: (uppId: string) => call('report.upp', ['GET', '/reports/upp/:id'], id(uppId)),
  agency: (agencyId: string) => call('report.agency', ['GET', '/reports/agency/:id'], id(agencyId)),
  publicUpps: () => call('scoreboard.list', ['GET', '/public/upps']),
  scoreboard: (slug: string) =>
    call('scoreboard.get', ['GET', '/public/scoreboard/:slug'], { params: { slug } }),
  beritaAcaraUrl: (forumId: string) => `/api/forums/${enc(forumId)}/berita-acara.pdf`,
  forumExportUrl: (forumId: string, format: 'csv' | 'json') =>
    `/api/forums/${enc(forumId)}/export.${format}`,
};
