import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputModel } from '../../server/forums/input.model';
import { VoteModel } from '../../server/forums/vote.model';
import { artifact, launchBrowser } from '../helpers/browser';
import { buildHall, closeAll, phone } from '../helpers/hall';
import type { TestApp } from '../helpers/testApp';
import { startWebApp } from '../helpers/webApp';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('a citizen asks and votes through a flaky hall Wi-Fi', () => {
  it('keeps inputs and votes while offline, shows them waiting, and sends each exactly once', async () => {
    const hall = await buildHall(app.baseUrl, [
      'Mohon disediakan kursi roda di pintu masuk Puskesmas untuk lansia',
    ]);
    const target = hall.published[0]!;
    const { context, page } = await phone(browser);
    await page.goto(`${app.baseUrl}/j/${hall.forum.code}`);
    await page.locator('[data-testid="input-form"][data-enhanced]').waitFor();

    // Offline: the input and the vote stay on the phone, visibly.
    await context.setOffline(true);
    const a = 'Ditulis tanpa sinyal: kapan posyandu lansia dibuka kembali di RW 05?';
    await page.getByTestId('input-text').fill(a);
    await page.getByTestId('input-submit').click();
    await page
      .getByTestId('my-input')
      .filter({ hasText: a })
      .filter({ hasText: 'Menunggu dikirim' })
      .waitFor();
    const item = page.getByTestId('input-item').filter({ hasText: target.text });
    await item.getByTestId('vote-button').click();
    const status = page.getByTestId('outbox-status');
    await expect.poll(() => status.textContent()).toContain('1 masukan menunggu dikirim');
    await expect.poll(() => status.textContent()).toContain('1 dukungan menunggu dikirim');
    expect(await item.getByTestId('vote-count').textContent()).toBe('1');
    expect(await item.getByTestId('vote-button').getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(() => page.getByTestId('announcer').textContent())
      .toContain('Belum terkirim');
    await page.screenshot({ path: artifact('citizen-offline-waiting.png') });
    expect(await InputModel.countDocuments({ text: a })).toBe(0);
    expect(await VoteModel.countDocuments({ inputId: target.id })).toBe(0);

    // Back online: both are sent, once, and the list shows the stored input's status.
    await context.setOffline(false);
    await page
      .getByTestId('my-input')
      .filter({ hasText: a })
      .filter({ hasText: 'Menunggu moderasi' })
      .waitFor();
    await status.waitFor({ state: 'detached' });
    await expect.poll(() => VoteModel.countDocuments({ inputId: target.id })).toBe(1);
    expect(await InputModel.countDocuments({ text: a })).toBe(1);
    expect(await item.getByTestId('vote-count').textContent()).toBe('1');

    // A submission whose answer is lost (stored on the server, the phone never hears back),
    // then a reload while the network still fails: the queue and the draft survive, and the
    // resend with the same idempotency key stores nothing twice.
    const b = 'Jawaban hilang di jalan: apakah ada layanan antar obat untuk pasien TBC?';
    let reached = 0;
    await page.route('**/api/forums/*/inputs', async (route) => {
      reached += 1;
      if (reached === 1) await route.fetch(); // the server stores it...
      await route.abort('connectionreset'); // ...but the answer never arrives
    });
    await page.getByTestId('input-text').fill(b);
    await page.getByTestId('input-submit').click();
    await expect.poll(() => status.textContent()).toContain('1 masukan menunggu dikirim');
    await expect.poll(() => InputModel.countDocuments({ text: b })).toBe(1);
    const draft = 'Draf yang belum dikirim tetap ada setelah halaman dimuat ulang';
    await page.getByTestId('input-text').fill(draft);
    await page.waitForTimeout(400); // the draft is saved 300 ms after the last keystroke
    await page.reload();
    await page.locator('[data-testid="input-form"][data-enhanced]').waitFor();
    await page
      .getByTestId('my-input')
      .filter({ hasText: b })
      .filter({ hasText: 'Menunggu dikirim' })
      .waitFor();
    await expect.poll(() => page.getByTestId('input-text').inputValue()).toBe(draft);

    await page.unroute('**/api/forums/*/inputs');
    await page
      .getByTestId('my-input')
      .filter({ hasText: b })
      .filter({ hasText: 'Menunggu moderasi' })
      .waitFor({ timeout: 40_000 });
    expect(reached).toBeGreaterThanOrEqual(2);
    expect(await InputModel.countDocuments({ text: b })).toBe(1);
    expect(await InputModel.countDocuments({ text: a })).toBe(1);
    expect(await VoteModel.countDocuments({ inputId: target.id })).toBe(1);
    await closeAll(context);
  });
});
