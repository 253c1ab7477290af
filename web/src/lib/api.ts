import type { ForumStatus, ForumType, RejectReason } from '$shared/domain/forum';
import type { Sector } from '$shared/domain/sectors';
import type { SessionUser, MeResponse } from '$shared/schemas/auth';
import type { ErrorCode } from '$shared/schemas/common';
import type { Forum, ForumCreate, ForumSignal, ForumUpdate } from '$shared/schemas/forum';
import type { CitizenCase, Dashboard, Scoreboard } from '$shared/schemas/inbox';
import type { z } from 'zod';
import type {
  ForumSnapshot,
  Input,
  InputCreate,
  ModerationLogEntry,
  SimilarInput,
} from '$shared/schemas/input';
import { t } from './i18n.svelte';

/** An error from the API (`{ error: { code, message } }`), or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network' | 'timeout',
    message: string,
    /** Seconds to wait before trying again (429). */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type ErrorDetails = { retryAfter?: unknown; limit?: unknown } | undefined;

/** The message of an error body in the current language (limits and accounts are localized). */
function localized(code: ErrorCode, message: string, details: ErrorDetails): string {
  const seconds = typeof details?.retryAfter === 'number' ? details.retryAfter : null;
  if (code === 'rate_limited' && seconds !== null) {
    return details?.limit === 'slow_mode'
      ? t('error.slowMode', { seconds })
      : t('error.rateLimited', { seconds });
  }
  if (code === 'account_required') return t('error.accountRequired');
  return message;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Query = Record<string, string | number | boolean | undefined | null>;

function isErrorBody(
  v: unknown,
): v is { error: { code: ErrorCode; message: string; details?: ErrorDetails } } {
  if (typeof v !== 'object' || v === null || !('error' in v)) return false;
  const e = (v as { error: unknown }).error;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as { message?: unknown }).message === 'string' &&
    typeof (e as { code?: unknown }).code === 'string'
  );
}

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
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

/**
 * Calls `/api${path}` and returns the parsed JSON body; throws ApiError on failure (`timeout`
 * after `timeoutMs`, `network` when the server cannot be reached).
 */
export async function request<T>(
  method: Method,
  path: string,
  opts: {
    body?: unknown;
    text?: string;
    query?: Query;
    signal?: AbortSignal;
    timeoutMs?: number;
  } = {},
): Promise<T> {
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
    if (limit.timedOut()) throw new ApiError(0, 'timeout', t('error.timeout'));
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', t('error.network'));
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
    if (isErrorBody(data)) {
      const { code, message, details } = data.error;
      const retry = typeof details?.retryAfter === 'number' ? details.retryAfter : null;
      throw new ApiError(res.status, code, localized(code, message, details), retry);
    }
    throw new ApiError(res.status, 'internal', t('error.http', { status: res.status }));
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  del: <T>(path: string) => request<T>('DELETE', path),
  /** POST of raw text (e.g. an uploaded CSV), sent as text/plain. */
  postText: <T>(path: string, text: string, query?: Query) =>
    request<T>('POST', path, { text, query }),
};

/** The message to show for any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error && err.message) return err.message;
  return t('error.unknown');
}

export const authApi = {
  me: () => api.get<MeResponse>('/auth/me'),
  login: (email: string, password: string) =>
    api.post<{ user: SessionUser }>('/auth/login', { email, password }),
  register: (email: string, password: string, displayName: string) =>
    api.post<{ user: SessionUser }>('/auth/register', { email, password, displayName }),
  logout: () => api.post<undefined>('/auth/logout'),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<undefined>('/auth/password', { currentPassword, newPassword }),
};

/** A random key for idempotent submissions (works without a secure context). */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export type ForumListFilter = {
  status?: 'active' | 'all' | ForumStatus;
  type?: ForumType;
  mine?: boolean;
};
export type CatalogService = { code: string; name: string; sector: Sector };
export type UppRef = { id: string; name: string };
export type VoteResult = { inputId: string; votes: number; voted: boolean };

export const enc = encodeURIComponent;

export const forumApi = {
  list: (f: ForumListFilter = {}) =>
    api.get<{ forums: Forum[] }>('/forums', {
      status: f.status ?? 'active',
      type: f.type,
      mine: f.mine ? 'true' : undefined,
    }),
  create: (body: ForumCreate) => api.post<{ forum: Forum }>('/forums', body),
  get: (id: string) => api.get<ForumSnapshot>(`/forums/${enc(id)}`),
  byCode: (code: string) => api.get<{ forum: Forum }>(`/forums/by-code/${enc(code)}`),
  setStatus: (id: string, status: ForumStatus) =>
    api.post<{ forum: Forum }>(`/forums/${enc(id)}/status`, { status }),
  similar: (id: string, text: string, signal?: AbortSignal) =>
    api.get<{ similar: SimilarInput[] }>(`/forums/${enc(id)}/similar`, { text }, signal),
  mine: (id: string) => api.get<{ inputs: Input[] }>(`/forums/${enc(id)}/mine`),
  queue: (id: string) => api.get<{ inputs: Input[] }>(`/forums/${enc(id)}/queue`),
  log: (id: string) => api.get<{ entries: ModerationLogEntry[] }>(`/forums/${enc(id)}/log`),
  submit: (id: string, body: z.input<typeof InputCreate>) =>
    api.post<{ input: Input }>(`/forums/${enc(id)}/inputs`, body),
  merge: (id: string, targetId: string, sourceIds: string[]) =>
    api.post<{ input: Input }>(`/forums/${enc(id)}/merge`, { targetId, sourceIds }),
  update: (id: string, body: ForumUpdate) =>
    api.patch<{ forum: Forum }>(`/forums/${enc(id)}`, body),
  signals: (id: string) => api.get<{ signals: ForumSignal[] }>(`/forums/${enc(id)}/signals`),
  spotlight: (id: string, inputId: string | null) =>
    api.post<{ forum: Forum }>(`/forums/${enc(id)}/spotlight`, { inputId }),
  qrUrl: (id: string) => `/api/forums/${enc(id)}/qr.svg`,
};

export type InputRes = Promise<{ input: Input }>;
export const inputApi = {
  vote: (id: string, voted: boolean) => api.post<VoteResult>(`/inputs/${enc(id)}/vote`, { voted }),
  approve: (id: string): InputRes => api.post(`/inputs/${enc(id)}/approve`),
  reject: (id: string, reason: RejectReason, note: string): InputRes =>
    api.post(`/inputs/${enc(id)}/reject`, { reason, note }),
  hide: (id: string, reason: RejectReason, note: string): InputRes =>
    api.post(`/inputs/${enc(id)}/hide`, { reason, note }),
  edit: (id: string, text: string, reason: string): InputRes =>
    api.post(`/inputs/${enc(id)}/edit`, { text, reason }),
  answer: (id: string, note: string): InputRes => api.post(`/inputs/${enc(id)}/answer`, { note }),
  pin: (id: string, pinned: boolean): InputRes => api.post(`/inputs/${enc(id)}/pin`, { pinned }),
};

export const catalogApi = {
  services: () => api.get<{ services: CatalogService[] }>('/catalog/services'),
  myUpps: () => api.get<{ upps: UppRef[] }>('/upps/mine'),
};

/**
 * An input with the citizen's view of its case. The server adds `case` to every Input it sends
 * (HTTP and socket); reading it through this type also works while the schema does not list it.
 */
export type CaseInput = Input & { case?: CitizenCase | null };

/** The case behind an input, or null when it has not been routed to a UPP. */
export function caseOf(input: Input): CitizenCase | null {
  return (input as CaseInput).case ?? null;
}

export const citizenApi = {
  confirm: (id: string): InputRes => api.post(`/inputs/${enc(id)}/confirm`),
  reopen: (id: string, reason: string): InputRes =>
    api.post(`/inputs/${enc(id)}/reopen`, { reason }),
};

export type PublicUpp = { id: string; slug: string; name: string; agencyName: string };

export const reportApi = {
  upp: (id: string) => api.get<Dashboard>(`/reports/upp/${enc(id)}`),
  agency: (id: string) => api.get<Dashboard>(`/reports/agency/${enc(id)}`),
  publicUpps: () => api.get<{ upps: PublicUpp[] }>('/public/upps'),
  scoreboard: (slug: string) => api.get<Scoreboard>(`/public/scoreboard/${enc(slug)}`),
  beritaAcaraUrl: (forumId: string) => `/api/forums/${enc(forumId)}/berita-acara.pdf`,
  forumExportUrl: (forumId: string, format: 'csv' | 'json') =>
    `/api/forums/${enc(forumId)}/export.${format}`,
};
