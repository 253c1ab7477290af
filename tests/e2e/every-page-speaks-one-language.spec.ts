import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ENGLISH_WORDS, INDONESIAN_UI_WORDS, wordsFrom } from '../../shared/i18n/words';
import { ALL_TEXTS } from '../../web/src/lib/messages/all';
import { artifact } from '../helpers/browser';
import { pagesFor, ROLES, useEveryPageWorld } from '../helpers/everyPage';
import { logIn, PHONE } from '../helpers/hall';

const sweepWorld = useEveryPageWorld();

const KEYS = Object.keys(ALL_TEXTS.id);
const PREFIXES = [...new Set(KEYS.map((k) => k.split('.')[0]!))];
/** A dictionary key shown as it is (`forum.notFound`): a text that was not translated. */
const KEY_PATTERN = new RegExp(
  `\\b(?:${PREFIXES.join('|')})\\.[a-z][A-Za-z_]*(?:\\.[A-Za-z_]+)*\\b`,
  'g',
);

/** What a person sees on the page: its title and the visible text. */
async function visibleText(page: Page): Promise<string> {
  // Staff pages fill in after their requests: wait for the network to rest (sockets stay open).
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  return page.evaluate(() => `${document.title}\n${document.body.innerText}`);
}

type Finding = { lang: string; role: string; path: string; what: string };

async function sweep(lang: 'id' | 'en'): Promise<{ checked: number; findings: Finding[] }> {
  const findings: Finding[] = [];
  let checked = 0;
  for (const role of ROLES) {
    const context = await sweepWorld.browser.newContext({ viewport: PHONE });
    await context.addCookies([{ name: 'fp_lang', value: lang, url: sweepWorld.app.baseUrl }]);
    const page = await context.newPage();
    if (role !== 'anonymous')
      await logIn(page, sweepWorld.app.baseUrl, sweepWorld.w.accounts[role].email);
    for (const check of pagesFor(sweepWorld.w, role)) {
      await page.goto(sweepWorld.app.baseUrl + check.path);
      if (check.then) await check.then(page);
      const text = await visibleText(page);
      const at = { lang, role, path: check.path };
      for (const key of new Set(text.match(KEY_PATTERN) ?? [])) {
        findings.push({ ...at, what: `untranslated key ${key}` });
      }
      const foreign =
        lang === 'id' ? wordsFrom(text, ENGLISH_WORDS) : wordsFrom(text, INDONESIAN_UI_WORDS);
      for (const word of foreign) findings.push({ ...at, what: `word "${word}"` });
      checked += 1;
    }
    await context.close();
  }
  for (const f of findings) console.log(`[lang] ${f.lang} ${f.role} ${f.path}: ${f.what}`);
  writeFileSync(artifact(`languages-${lang}.json`), JSON.stringify({ checked, findings }, null, 2));
  return { checked, findings };
}

describe('every page speaks one language, for every role', () => {
  it(
    'in Bahasa Indonesia: no untranslated key, no English word',
    { timeout: 300_000 },
    async () => {
      const r = await sweep('id');
      expect(r.checked).toBeGreaterThan(30);
      expect(r.findings).toEqual([]);
    },
  );

  it(
    'in English: no untranslated key, no Indonesian word of the interface',
    { timeout: 300_000 },
    async () => {
      const r = await sweep('en');
      expect(r.findings).toEqual([]);
    },
  );
});
