import { describe, expect, it } from 'vitest';
import { ERROR_TEXTS } from '$shared/errors';
import { ENGLISH_WORDS, INDONESIAN_WORDS, wordsFrom } from '$shared/i18n/words';
import { ALL_TEXTS } from './all';

const { id, en } = ALL_TEXTS;
const errorsId = Object.fromEntries(Object.entries(ERROR_TEXTS).map(([k, v]) => [k, v.id]));
const errorsEn = Object.fromEntries(Object.entries(ERROR_TEXTS).map(([k, v]) => [k, v.en]));

/** `{name}` placeholders and `{name, plural, ...}` choices of a text, sorted. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)(?:,\s*plural)?/g)].map((m) => m[1]!).sort();
}

function differences(a: Record<string, string>, b: Record<string, string>) {
  return Object.keys(a)
    .filter((k) => b[k] !== undefined)
    .filter((k) => placeholders(a[k]!).join() !== placeholders(b[k]!).join())
    .map((k) => `${k}: ${placeholders(a[k]!).join()} / ${placeholders(b[k]!).join()}`);
}

describe('the dictionaries', () => {
  it('have the same keys in Bahasa Indonesia and English', () => {
    expect(Object.keys(en).filter((k) => !(k in id))).toEqual([]);
    expect(Object.keys(id).filter((k) => !(k in en))).toEqual([]);
  });

  it('have the same placeholders in both languages (texts and error reasons)', () => {
    expect(differences(id, en)).toEqual([]);
    expect(differences(errorsId, errorsEn)).toEqual([]);
  });

  it('give every counted phrase both plural forms', () => {
    const bases = Object.keys(id)
      .filter((k) => /\.(one|other)$/.test(k))
      .map((k) => k.replace(/\.(one|other)$/, ''));
    const missing = [...new Set(bases)].filter((b) => !(`${b}.one` in id && `${b}.other` in id));
    expect(missing).toEqual([]);
  });

  it('hold no English words in the Indonesian texts', () => {
    const hits = Object.entries({ ...id, ...errorsId })
      .map(([k, v]) => [k, wordsFrom(v, ENGLISH_WORDS)] as const)
      .filter(([, words]) => words.length > 0)
      .map(([k, words]) => `${k}: ${words.join(', ')}`);
    expect(hits).toEqual([]);
  });

  it('hold no Indonesian words in the English texts', () => {
    const hits = Object.entries({ ...en, ...errorsEn })
      .map(([k, v]) => [k, wordsFrom(v, INDONESIAN_WORDS)] as const)
      .filter(([, words]) => words.length > 0)
      .map(([k, words]) => `${k}: ${words.join(', ')}`);
    expect(hits).toEqual([]);
  });
});
