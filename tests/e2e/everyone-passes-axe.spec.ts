import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { axe, type AxeFinding } from '../helpers/axe';
import { artifact } from '../helpers/browser';
import { pagesFor, ROLES, useEveryPageWorld } from '../helpers/everyPage';
import { DESKTOP, logIn, PHONE } from '../helpers/hall';

const sweepWorld = useEveryPageWorld();

const VIEWPORTS = { phone: PHONE, desktop: DESKTOP };

describe('every page passes axe-core for every role, on a phone and a desktop', () => {
  it('has no violation of any impact', { timeout: 300_000 }, async () => {
    const findings: AxeFinding[] = [];
    let checked = 0;
    for (const [device, viewport] of Object.entries(VIEWPORTS)) {
      for (const role of ROLES) {
        const context = await sweepWorld.browser.newContext({ viewport });
        const page = await context.newPage();
        if (role !== 'anonymous')
          await logIn(page, sweepWorld.app.baseUrl, sweepWorld.w.accounts[role].email);
        for (const check of pagesFor(sweepWorld.w, role)) {
          await page.goto(sweepWorld.app.baseUrl + check.path);
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
