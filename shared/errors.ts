/**
 * The catalogue of error reasons: one stable id per thing that can go wrong, with parameters and
 * its text in Bahasa Indonesia and English. The API sends `{ error: { code, reason, params,
 * message } }`: `code` is the coarse class (shared/schemas/common.ts ERROR_CODES, what a program
 * branches on), `reason` a key of this catalogue, `params` the values its text needs, `message`
 * the Indonesian text for API consumers that don't translate. The web client renders
 * `errorMessage(reason, params, lang)`.
 *
 * Placeholders are `{name}`; a plural choice is `{count, plural, one {…} other {…}}` decided by
 * Intl.PluralRules of the language.
 */
import { ERROR_TEXTS } from './error-texts';

export { ERROR_TEXTS };

export type ErrorParams = Record<string, string | number>;
export type Lang = 'id' | 'en';

export type ErrorReason = keyof typeof ERROR_TEXTS;

export function isErrorReason(x: unknown): x is ErrorReason {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(ERROR_TEXTS, x);
}

const pluralRules: Record<Lang, Intl.PluralRules> = {
  id: new Intl.PluralRules('id'),
  en: new Intl.PluralRules('en'),
};

/** Fills `{name}` and `{name, plural, one {…} other {…}}` (with `#` for the number). */
export function formatText(template: string, params: ErrorParams = {}, lang: Lang = 'id'): string {
  const plural = /\{(\w+), plural,((?:\s*\w+\s*\{[^{}]*\})+)\s*\}/g;
  const withPlurals = template.replace(plural, (_m, name: string, forms: string) => {
    const n = Number(params[name] ?? 0);
    const options = new Map<string, string>();
    for (const f of forms.matchAll(/(\w+)\s*\{([^{}]*)\}/g)) options.set(f[1]!, f[2]!);
    const form = options.get(pluralRules[lang].select(n)) ?? options.get('other') ?? '';
    return form.replace(/#/g, new Intl.NumberFormat(lang).format(n));
  });
  return withPlurals.replace(/\{(\w+)\}/g, (m, name: string) =>
    params[name] === undefined ? m : String(params[name]),
  );
}

/** The text of an error reason in a language. */
export function errorMessage(
  reason: ErrorReason,
  params: ErrorParams = {},
  lang: Lang = 'id',
): string {
  return formatText(ERROR_TEXTS[reason][lang], params, lang);
}
