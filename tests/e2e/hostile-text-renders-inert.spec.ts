import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../server/catalog/catalog.seed';
import { artifact, launchBrowser } from '../helpers/browser';
import { PASSWORD } from '../helpers/factories';
import { Client } from '../helpers/http';
import type { TestApp } from '../helpers/testApp';
import { startWebApp } from '../helpers/webApp';
import { PAYLOADS, seedHostile } from './hostile/seed';

let app: TestApp;
let browser: Browser;
let seeded: Awaited<ReturnType<typeof seedHostile>>;
const views: string[] = [];

/** Set in every page before its own scripts: any dialog or payload marks it. */
const TRAP = `
  window.__xss = 0;
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    const original = window[name];
    window[name] = function (...args) { window.__xss += 1; return original.apply(window, args); };
  }
`;

beforeAll(async () => {
  app = await startWebApp();
  await seedCatalog();
  seeded = await seedHostile(app);
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function contextAs(email: string | null): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(TRAP);
  if (email) {
    const page = await context.newPage();
    await page.goto(app.baseUrl + '/login');
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => u.pathname !== '/login');
    await page.close();
  }
  return context;
}

/**
 * Opens a page, waits until it shows at least `min` payload markers, moves the mouse over it
 * and scrolls it through (handlers on hover, lazy images), and checks that nothing ran.
 */
async function inert(
  context: BrowserContext,
  path: string,
  min: number,
  act?: (page: Page) => Promise<void>,
): Promise<void> {
  const page = await context.newPage();
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    d.dismiss().catch(() => undefined); // the page may already be closing
  });
  try {
    await check(page, path, min, act, () => dialogs);
  } finally {
    await page.close();
  }
}

async function check(
  page: Page,
  path: string,
  min: number,
  act: ((page: Page) => Promise<void>) | undefined,
  dialogs: () => number,
): Promise<void> {
  await page.goto(app.baseUrl + path);
  await act?.(page);
  const markers = () =>
    page.evaluate(() => (document.body.innerText.match(/XSS\d+/g) ?? []).length);
  await expect.poll(markers, { timeout: 20_000 }).toBeGreaterThanOrEqual(min);
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 800) {
      window.scrollTo(0, y);
      await new Promise((r) => requestAnimationFrame(() => r(null)));
    }
  });
  for (const [x, y] of [
    [200, 200],
    [640, 450],
    [900, 700],
  ] as const) {
    await page.mouse.move(x, y);
  }
  // Let queued error and load events (of images a payload might have created) be handled.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  const fired = await page.evaluate(() => (window as unknown as { __xss: number }).__xss);
  const injected = await page.evaluate(
    () =>
      document.querySelectorAll(
        '[onerror],[onload],[onmouseover],[onfocus],[ontoggle],iframe,object,embed',
      ).length,
  );
  views.push(`${path} (${await markers()} markers)`);
  expect({ path, fired, dialogs: dialogs(), injected }).toEqual({
    path,
    fired: 0,
    dialogs: 0,
    injected: 0,
  });
}

/** Runs `fn` with a browser context signed in as `email` (or anonymous), closing it after. */
async function as(email: string | null, fn: (c: BrowserContext) => Promise<void>): Promise<void> {
  const context = await contextAs(email);
  try {
    await fn(context);
  } finally {
    await context.close();
  }
}

describe('hostile text renders as text everywhere', () => {
  it('shows the corpus on citizen pages without running any of it', async () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(200);
    await as(null, async (ctx) => {
      await inert(ctx, `/f/${seeded.forumId}`, 250);
      await inert(ctx, `/f/${seeded.forumId}/projector`, 5);
      await inert(ctx, `/f/${seeded.rawForumId}`, 300);
      await inert(ctx, `/f/${seeded.rawForumId}/projector`, 5);
      await inert(ctx, '/forums', 1);
      await inert(ctx, '/skor', 60);
      await inert(ctx, `/skor/${seeded.upp.slug}`, 1);
    });
  });

  it('shows it in the console, the triage, the inbox and the dashboard', async () => {
    await as(seeded.fac.email, async (fac) => {
      await inert(fac, '/console', 50);
      await inert(fac, `/console/forums/${seeded.forumId}`, 250);
      await inert(fac, `/console/forums/${seeded.rawForumId}`, 300);
      await inert(fac, '/triage', 1);
    });
    await as(seeded.head.email, async (head) => {
      await inert(head, '/upp', 5, async (page) => {
        await page.getByTestId('inbox-open').first().click();
        await page.getByTestId('inbox-detail').waitFor();
      });
      await inert(head, '/upp/dashboard', 0);
    });
  });

  it('shows it in every admin tab', async () => {
    await as(seeded.platform.email, async (admin) => {
      for (const [tab, min] of [
        ['agencies', 300],
        ['upps', 60],
        ['staff', 10],
        ['catalog', 15],
        ['holidays', 100],
        ['audit', 1],
      ] as const) {
        await inert(admin, '/admin', min, async (page) => {
          await page.getByTestId(`admin-tab-${tab}`).click();
        });
      }
    });
  });

  it('writes the minutes (berita acara) as text, with no script in the PDF', async () => {
    const fac = new Client(app.baseUrl);
    await fac.login(seeded.fac.email, PASSWORD);
    const r = await fetch(`${app.baseUrl}/api/forums/${seeded.forumId}/berita-acara.pdf`, {
      headers: { cookie: fac.cookieHeader() },
    });
    expect(r.status).toBe(200);
    const pdf = Buffer.from(await r.arrayBuffer());
    expect(pdf.toString('latin1')).not.toMatch(/\/JavaScript|\/JS\s|\/Launch|\/OpenAction|\/AA\s/);
    const file = artifact('berita-acara-hostile.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
    });
    expect((text.match(/XSS\d+/g) ?? []).length).toBeGreaterThan(100);
    console.log(
      `[xss] ${PAYLOADS.length} payloads; stored per field: ${JSON.stringify(seeded.counts)}; ` +
        `${views.length} page views: ${views.join(', ')}`,
    );
  });
});
