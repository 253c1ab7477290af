import { writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, type AxeFinding } from '../helpers/axe';
import { artifact, launchBrowser } from '../helpers/browser';
import { pagesFor, ROLES, world, type World } from '../helpers/everyPage';
import { DESKTOP, logIn, PHONE } from '../helpers/hall';
import type { TestApp } from '../helpers/testApp';
import { startWebApp } from '../helpers/webApp';

let app: TestApp;
let browser: Browser;
let w: World;

beforeAll(async () => {
  app = await startWebApp();
  w = await world(app);
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const VIEWPORTS = { phone: PHONE, desktop: DESKTOP };

describe('every page passes axe-core for every role, on a phone and a desktop', () => {
  it('has no violation of any impact', { timeout: 300_000 }, async () => {
    const findings: AxeFinding[] = [];
    let checked = 0;
    for (const [device, viewport] of Object.entries(VIEWPORTS)) {
      for (const role of ROLES) {
        const context = await browser.newContext({ viewport });
        const page = await context.newPage();
        if (role !== 'anonymous') await logIn(page, app.baseUrl, w.accounts[role].email);
        for (const check of pagesFor(w, role)) {
          await page.goto(app.baseUrl + check.path);
          if (check.then) await check.then(page);
          const found = await axe(page, `${device} ${role} ${check.path}`);
          for (const v of found) {
            console.log(
              `[axe] ${v.page}: ${v.rule} (${v.impact}) ${v.help} -> ${v.targets.join(' | ')}`,
            );
          }
          findings.push(...found);
          checked += 1;
        }
        await context.close();
      }
    }
    const summary = { checked, violations: findings.length, findings };
    writeFileSync(artifact('axe.json'), JSON.stringify(summary, null, 2));
    console.log(
      `[axe] ${checked} page views checked (6 roles x 2 viewports), ${findings.length} violations`,
    );
    expect(findings).toEqual([]);
  });
});
