import type { MessageKey } from './messages/id';
import { idCitizen } from './messages/id-citizen';
import { idHall } from './messages/id-hall';
import { idSafety } from './messages/id-safety';

export type Lang = 'id' | 'en';
export type { MessageKey };

/** The language cookie: read by the server to render citizen pages in the chosen language. */
export const LANG_COOKIE = 'fp_lang';
const STORAGE_KEY = 'fp.lang';
const YEAR_S = 365 * 24 * 3600;

type Dictionary = Partial<Record<MessageKey, string>>;
/**
 * Loaded texts by language. Every page ships the Bahasa Indonesia texts of the citizen's pages;
 * English and the texts of the other pages are separate chunks loaded when needed, so the page
 * behind the QR code stays small.
 */
const dictionaries: Record<Lang, Dictionary> = {
  id: { ...idCitizen, ...idHall, ...idSafety },
  en: {},
};
/**
 * The catalogue of the API's error reasons (shared/errors.ts), loaded with the English texts and
 * with the staff pages: the Indonesian citizen page shows the server's Indonesian message, which
 * is the same text.
 */
let reasons: typeof import('$shared/errors') | null = null;
/** Chunks already merged in (not reactive: loading happens before a render). */
const loaded: Record<string, true> = { 'id:citizen': true };
/** Whether the other pages' texts are needed (one was opened): kept when switching language. */
let withRest = false;

export function isLang(v: unknown): v is Lang {
  return v === 'id' || v === 'en';
}

function cookieLang(): Lang | null {
  const m = globalThis.document?.cookie.match(/(?:^|;\s*)fp_lang=(id|en)\b/);
  return m ? (m[1] as Lang) : null;
}

function initialLang(): Lang {
  const fromCookie = cookieLang();
  if (fromCookie) return fromCookie;
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // localStorage may be unavailable (private mode); fall back to Bahasa Indonesia.
  }
  return 'id';
}

/** The current language; read `i18n.lang` inside components to stay reactive. */
export const i18n = $state<{ lang: Lang }>({ lang: initialLang() });

async function part(lang: Lang, name: 'citizen' | 'rest'): Promise<void> {
  const key = `${lang}:${name}`;
  if (loaded[key]) return;
  const texts: Dictionary[] =
    lang === 'en' && name === 'citizen'
      ? [
          (await import('./messages/en-citizen')).enCitizen,
          (await import('./messages/en-hall')).enHall,
          (await import('./messages/en-safety')).enSafety,
          (await import('./messages/en-errors')).enErrors,
        ]
      : lang === 'en'
        ? [
            (await import('./messages/en')).enPublic,
            (await import('./messages/en-staff')).enStaff,
            (await import('./messages/en-console')).enConsole,
          ]
        : [
            (await import('./messages/id')).idPublic,
            (await import('./messages/id-staff')).idStaff,
            (await import('./messages/id-console')).idConsole,
            (await import('./messages/id-errors')).idErrors,
          ];
  for (const t of texts) Object.assign(dictionaries[lang], t);
  if (lang === 'en' || name === 'rest') reasons ??= await import('$shared/errors');
  loaded[key] = true;
}

/** Makes the texts of `lang` available (with the other pages' texts when `all`). */
export async function loadLang(lang: Lang, all = false): Promise<void> {
  withRest ||= all;
  await part(lang, 'citizen');
  if (withRest) await part(lang, 'rest');
  // Missing English texts fall back to Bahasa Indonesia.
  if (withRest && lang !== 'id') await part('id', 'rest');
}

/** Switches the language (also for the server: the cookie) once its texts are loaded. */
export async function setLang(lang: Lang): Promise<void> {
  await loadLang(lang);
  i18n.lang = lang;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
    if (globalThis.document) {
      document.cookie = `${LANG_COOKIE}=${lang}; path=/; max-age=${YEAR_S}; samesite=lax`;
      document.documentElement.lang = lang;
    }
  } catch {
    // ignore
  }
}

function fill(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

/** Translates a key; `{name}` placeholders are replaced from `params`. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return fill(dictionaries[i18n.lang][key] ?? dictionaries.id[key] ?? key, params);
}

/** An error as the API, a socket ack or the citizen port reports it. */
export interface ReportedError {
  code?: string;
  reason?: string | null;
  params?: Record<string, string | number>;
  message: string;
  details?: unknown;
}

const CODE_KEYS: Record<string, MessageKey> = {
  network: 'error.network',
  timeout: 'error.timeout',
  offline: 'error.network',
  rate_limited: 'error.tooMany',
  account_required: 'error.accountRequired',
  not_found: 'error.notFound',
  invalid_id: 'error.notFound',
  internal: 'error.unknown',
  db_unavailable: 'error.unavailable',
  unauthenticated: 'error.unauthenticated',
  forbidden: 'error.forbidden',
  csrf: 'error.forbidden',
  validation: 'error.invalid',
  bad_request: 'error.invalid',
  bad_json: 'error.invalid',
  conflict: 'error.conflict',
  too_large: 'error.tooLarge',
  closed: 'error.closed',
};

/**
 * An error's text in the current language: the reason's text (shared/errors.ts) with its
 * parameters when the reason is known; in Bahasa Indonesia the server's own message otherwise
 * (it is that text); in English the text of the error's class.
 */
export function translateError(e: ReportedError): string {
  const lang = i18n.lang;
  if (e.reason && reasons?.isErrorReason(e.reason)) {
    return reasons.errorMessage(e.reason, e.params ?? {}, lang);
  }
  const retry = (e.details as { retryAfter?: unknown; limit?: unknown } | undefined) ?? {};
  if (e.code === 'rate_limited' && typeof retry.retryAfter === 'number') {
    const seconds = retry.retryAfter;
    return retry.limit === 'slow_mode'
      ? tn('error.slowMode', seconds)
      : tn('error.rateLimited', seconds);
  }
  const key = e.code ? CODE_KEYS[e.code] : undefined;
  const loadedKey = key && dictionaries[lang][key] !== undefined ? key : undefined;
  if (loadedKey && (lang !== 'id' || !e.message || e.code === 'network' || e.code === 'timeout')) {
    return t(loadedKey);
  }
  return e.message || t('error.unknown');
}

const pluralRules: Partial<Record<Lang, Intl.PluralRules>> = {};

/**
 * A counted phrase: `key.one` or `key.other` by the language's plural rules (Intl.PluralRules),
 * with `{n}` set to the count.
 */
export function tn(key: PluralKey, n: number, params?: Record<string, string | number>): string {
  const rules = (pluralRules[i18n.lang] ??= new Intl.PluralRules(locale()));
  const form = rules.select(n) === 'one' ? 'one' : 'other';
  return t(`${key}.${form}` as MessageKey, { n, ...params });
}

type PluralBase<K> = K extends `${infer P}.one` ? P : never;
/** Keys that have `.one` and `.other` forms. */
export type PluralKey = PluralBase<MessageKey>;

/** Picks the current language from a shared `{ id, en }` label. */
export function label(l: { id: string; en: string } | undefined): string {
  if (!l) return '';
  return l[i18n.lang];
}

export function locale(): string {
  return i18n.lang === 'id' ? 'id-ID' : 'en-GB';
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

export function formatTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return new Intl.DateTimeFormat(locale(), { timeStyle: 'short' }).format(ms);
}

const ROLE_KEYS: Record<string, MessageKey> = {
  platform_admin: 'role.platform_admin',
  agency_admin: 'role.agency_admin',
  facilitator: 'role.facilitator',
  upp_head: 'role.upp_head',
  citizen: 'role.citizen',
  admin: 'role.admin',
  system: 'role.system',
};

/** The name of a role (also of roles in old log entries) in the current language. */
export function roleLabel(role: string): string {
  const key = ROLE_KEYS[role];
  return key ? t(key) : role;
}
