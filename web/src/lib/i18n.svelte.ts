import { en } from './messages/en';
import { id, type MessageKey } from './messages/id';

export type Lang = 'id' | 'en';
export type { MessageKey };

const STORAGE_KEY = 'fp.lang';
const dictionaries: Record<Lang, Record<MessageKey, string>> = { id, en };

function initialLang(): Lang {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'id') return stored;
  } catch {
    // localStorage may be unavailable (private mode); fall back to Bahasa Indonesia.
  }
  return 'id';
}

/** The current language; read `i18n.lang` inside components to stay reactive. */
export const i18n = $state<{ lang: Lang }>({ lang: initialLang() });

export function setLang(lang: Lang): void {
  i18n.lang = lang;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // ignore
  }
}

/** Translates a key; `{name}` placeholders are replaced from `params`. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = dictionaries[i18n.lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

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
