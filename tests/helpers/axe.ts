import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
/** axe-core's browser build, injected into each page under test (never fetched by the page). */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  page: string;
  rule: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Waits until nothing on the page says it is loading. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  // Client-rendered pages: their main landmark, then their data.
  await page.waitForSelector('main', { timeout: 15_000 });
  // Every page has a level-one heading once rendered (axe reports it if one never comes).
  await page.waitForSelector('h1', { timeout: 5000 }).catch(() => undefined);
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, {
    timeout: 15_000,
  });
}

/**
 * Runs every axe-core rule (WCAG 2.x A/AA and best practices) on the page as it is now and
 * returns the violations, whatever their impact.
 */
export async function axe(page: Page, name: string): Promise<AxeFinding[]> {
  await settled(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run(
          ctx: Document,
          opts: object,
        ): Promise<{
          violations: {
            id: string;
            impact: string | null;
            help: string;
            nodes: { target: unknown[] }[];
          }[];
        }>;
      };
    };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 4).map((n) => n.target.map(String).join(' ')),
    }));
  });
  return violations.map((v) => ({ page: name, ...v }));
}
