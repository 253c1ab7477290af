import { describe, expect, it } from 'vitest';
import { ERROR_TEXTS, errorMessage, formatText, isErrorReason, type ErrorReason } from './errors';

/** The parameter names a text uses: `{name}` and `{name, plural, …}`. */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]!))].sort();
}

const reasons = Object.keys(ERROR_TEXTS) as ErrorReason[];

describe('the error catalogue', () => {
  it.each(reasons)('%s has an Indonesian and an English text with the same placeholders', (r) => {
    const { id, en } = ERROR_TEXTS[r];
    expect(id.trim().length).toBeGreaterThan(3);
    expect(en.trim().length).toBeGreaterThan(3);
    expect(id).not.toBe(en);
    expect(placeholders(en)).toEqual(placeholders(id));
  });

  it('leaves no placeholder unfilled when every parameter is given', () => {
    for (const r of reasons) {
      const params = Object.fromEntries(placeholders(ERROR_TEXTS[r].id).map((p) => [p, 2]));
      for (const lang of ['id', 'en'] as const) {
        expect(errorMessage(r, params, lang), `${r} (${lang})`).not.toMatch(/[{}]/);
      }
    }
  });

  it('chooses the plural form by the number, per language', () => {
    expect(errorMessage('rate_submit', { seconds: 1 }, 'en')).toMatch(/Wait 1 second\.$/);
    expect(errorMessage('rate_submit', { seconds: 12 }, 'en')).toMatch(/Wait 12 seconds\.$/);
    expect(errorMessage('rate_submit', { seconds: 12 }, 'id')).toMatch(/Tunggu 12 detik\.$/);
    expect(formatText('{n, plural, one {# item} other {# items}}', { n: 1 }, 'en')).toBe('1 item');
  });

  it('knows its reasons and nothing else', () => {
    expect(isErrorReason('forum_not_found')).toBe(true);
    expect(isErrorReason('toString')).toBe(false);
    expect(isErrorReason('Forum tidak ditemukan.')).toBe(false);
  });
});
