import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeJs } from '../../scripts/route-js.mjs';
import { ForumModel } from '../../server/forums/forum.model';
import { InputModel } from '../../server/forums/input.model';
import { artifact, launchBrowser } from '../helpers/browser';
import { buildHall, closeAll, PHONE, phone } from '../helpers/hall';
import type { TestApp } from '../helpers/testApp';
import { startWebApp } from '../helpers/webApp';

let app: TestApp;
let browser: Browser;
let hall: Awaited<ReturnType<typeof buildHall>>;

beforeAll(async () => {
  app = await startWebApp();
  hall = await buildHall(app.baseUrl, [
    'Obat hipertensi sering kosong di apotek Puskesmas, mohon stok ditambah',
    'Jam buka loket pendaftaran mohon dimajukan ke pukul tujuh pagi',
  ]);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const code = () => hall.forum.code!;

/** The textarea's box relative to the viewport, read in the page. */
async function textareaBox(page: Page) {
  return page.getByTestId('input-text').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, scrollY: window.scrollY };
  });
}

describe('a citizen asks from the QR code on a phone', () => {
  it('finds the question box without scrolling and sees the question at once with its status', async () => {
    const { context, page } = await phone(browser);
    await page.goto(`${app.baseUrl}/j/${code()}`);
    await page.waitForURL(`**/f/${hall.forumId}`);
    // The agenda, description and spotlight do not push the box below the fold.
    await page.getByTestId('spotlight').waitFor();
    const box = await textareaBox(page);
    expect(box.scrollY).toBe(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(PHONE.height);
    await page.screenshot({ path: artifact('citizen-phone-join.png') });

    await page.locator('[data-testid="input-form"][data-enhanced]').waitFor();
    const text = 'Apakah pemeriksaan gula darah gratis untuk lansia setiap bulan?';
    await page.getByTestId('input-text').fill(text);
    await page.getByTestId('input-submit').click();

    // At once in "Masukan saya", with its status, focused and announced.
    const mine = page.getByTestId('my-input').filter({ hasText: text });
    await mine.filter({ hasText: 'Menunggu moderasi' }).waitFor();
    await expect
      .poll(() =>
        page.evaluate(
          () => document.activeElement?.closest('[data-testid="my-input"]')?.textContent,
        ),
      )
      .toContain(text);
    await expect
      .poll(() => page.getByTestId('announcer').textContent())
      .toContain('Masukan terkirim');
    expect(await page.getByTestId('input-text').inputValue()).toBe('');
    expect(await InputModel.countDocuments({ text })).toBe(1);
    await page.screenshot({ path: artifact('citizen-phone-sent.png') });
    await closeAll(context);
  });

  it('works before JavaScript: the QR link and the form post are handled by the server', async () => {
    const { context, page } = await phone(browser, { javaScriptEnabled: false });
    await page.goto(`${app.baseUrl}/j/${code()}`);
    expect(new URL(page.url()).pathname).toBe(`/f/${hall.forumId}`);
    await expect.poll(() => page.getByTestId('feed').textContent()).toContain('Obat hipertensi');

    // A text the browser accepts but the server refuses: an inline error, the text kept.
    await page.getByTestId('input-text').fill('   ab    ');
    await page.getByTestId('input-submit').click();
    await page.getByTestId('input-error').waitFor();
    expect(await page.getByTestId('input-error').textContent()).toMatch(/minimal 5 karakter/);
    expect(await page.getByTestId('input-text').inputValue()).toContain('ab');

    const text = 'Tanpa JavaScript: mohon ruang tunggu Puskesmas diberi kipas angin';
    await page.getByTestId('input-text').fill(text);
    await page.getByTestId('input-submit').click();
    await page.waitForURL(/\?sent=/);
    await page
      .getByTestId('my-input')
      .filter({ hasText: text })
      .filter({ hasText: 'Menunggu moderasi' })
      .waitFor();
    expect(await page.getByTestId('sent-notice').textContent()).toContain('Masukan terkirim');
    // Reloading the page after the post does not send it again.
    await page.reload();
    expect(await InputModel.countDocuments({ text })).toBe(1);
    await closeAll(context);
  });

  it('keeps the text of a post that arrives after the forum closed', async () => {
    const { context, page } = await phone(browser, { javaScriptEnabled: false });
    const other = await buildHall(app.baseUrl);
    await page.goto(`${app.baseUrl}/j/${other.forum.code}`);
    const text = 'Pertanyaan yang terkirim tepat ketika forum ditutup oleh fasilitator';
    await page.getByTestId('input-text').fill(text);
    await ForumModel.updateOne({ _id: other.forum._id }, { $set: { status: 'closed' } });
    await app.ctx.live.cache.changed(other.forumId, {
      forum: (await ForumModel.findById(other.forum._id))!,
    });
    await page.getByTestId('input-submit').click();
    await page.getByTestId('input-error').waitFor();
    expect(await page.getByTestId('input-error').textContent()).toContain(text);
    expect(await InputModel.countDocuments({ text })).toBe(0);
    await closeAll(context);
  });

  it('is usable quickly on a slow phone network (figures printed, not asserted)', async () => {
    const figures = [];
    for (const cpu of [1, 4]) figures.push(await throttledLoad(cpu));
    const budget = routeJs('/f/[id]');
    const report = { network: 'Fast 3G (562 ms RTT, 1.44 Mbps down)', budget, figures };
    console.log('[citizen load]', JSON.stringify(report, null, 2));
    writeFileSync(artifact('citizen-load.json'), JSON.stringify(report, null, 2));
    // A size, not a time: the citizen route's JavaScript stays within its budget.
    expect(budget.gzipKB).toBeLessThan(60);
    for (const f of figures) expect(f.htmlHasForm).toBe(true);
  });
});

/** QR link to a usable form on an emulated Fast 3G phone, with CPU slowed down `cpu` times. */
async function throttledLoad(cpu: number) {
  const { context, page } = await phone(browser);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 562,
    downloadThroughput: 1_440_000 / 8,
    uploadThroughput: 675_000 / 8,
  });
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  const scripts: { url: string; body: Promise<Buffer> }[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push({ url: r.url(), body: r.body() });
  });
  let html = '';
  page.on('response', (r) => {
    if (r.request().resourceType() === 'document' && r.status() === 200)
      r.text().then(
        (t) => (html = t),
        () => undefined, // a page navigated away before its body was read
      );
  });
  const t0 = Date.now();
  await page.goto(`${app.baseUrl}/j/${code()}`, { waitUntil: 'commit' });
  await page.getByTestId('input-text').waitFor({ state: 'visible' });
  const laidOutMs = Date.now() - t0;
  await page.locator('[data-testid="input-form"][data-enhanced]').waitFor({ timeout: 30_000 });
  const hydratedMs = Date.now() - t0;
  const beforeHydration = scripts.length;
  // The live connection's chunk loads after hydration.
  await page.waitForTimeout(1500);
  const paint = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
  );
  const sizes = await Promise.all(
    scripts.map(
      async (s) => gzipSync(await s.body.catch(() => Buffer.alloc(0)), { level: 9 }).length,
    ),
  );
  const kb = (n: number) => +(n / 1024).toFixed(1);
  await closeAll(context);
  return {
    cpuSlowdown: cpu,
    // The form is in the server's HTML: usable once laid out and painted.
    usableMs: Math.max(laidOutMs, paint === null ? 0 : Math.round(paint)),
    firstContentfulPaintMs: paint === null ? null : Math.round(paint),
    hydratedMs,
    scripts: scripts.length,
    scriptsBeforeHydration: beforeHydration,
    jsGzipKBBeforeHydration: kb(sizes.slice(0, beforeHydration).reduce((a, b) => a + b, 0)),
    jsGzipKBTotal: kb(sizes.reduce((a, b) => a + b, 0)),
    htmlHasForm: html.includes('data-testid="input-form"'),
  };
}
