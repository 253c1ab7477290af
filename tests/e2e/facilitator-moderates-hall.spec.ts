import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForumModel } from '../../server/forums/forum.model';
import { InputModel } from '../../server/forums/input.model';
import { artifact, launchBrowser } from '../helpers/browser';
import { buildHall, closeAll, DESKTOP, logIn } from '../helpers/hall';
import { Client } from '../helpers/http';
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

const LONG =
  'Antrean pendaftaran di loket Puskesmas sudah mengular sejak subuh setiap Senin dan Kamis, ' +
  'banyak lansia yang berdiri lebih dari dua jam; mohon disediakan nomor antrean daring, kursi ' +
  'tunggu tambahan dan petugas yang membantu warga yang tidak memiliki ponsel pintar.';

async function submitPending(baseUrl: string, forumId: string, texts: string[]) {
  for (const text of texts) {
    const r = await new Client(baseUrl).post(`/api/forums/${forumId}/inputs`, {
      text,
      kind: 'question',
      idempotencyKey: randomBytes(12).toString('hex'),
    });
    expect(r.status).toBe(201);
  }
}

const active = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid'));

describe('a facilitator moderates a full hall', () => {
  it('is offered only what the server accepts, sees refusals next to the action, and confirms before closing', async () => {
    const hall = await buildHall(app.baseUrl, ['Mohon jadwal dokter gigi diumumkan di papan']);
    await submitPending(app.baseUrl, hall.forumId, [
      'Kapan KTP elektronik saya jadi? Sudah tiga bulan menunggu',
      'KTP-el saya belum jadi sejak tiga bulan, kapan selesai?',
      'Mohon parkir motor di depan Puskesmas ditata',
      'Apakah ada layanan vaksin untuk lansia di akhir pekan?',
    ]);
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await logIn(page, app.baseUrl, hall.world.facilitator.email);
    await page.goto(`${app.baseUrl}/console/forums/${hall.forumId}`);
    const queue = page.getByTestId('queue-item');
    await expect.poll(() => queue.count()).toBe(4);

    // No spotlight on pending items: neither the button nor the `s` shortcut.
    expect(await queue.getByTestId('spotlight-button').count()).toBe(0);
    const spotlightBefore = await page.getByTestId('spotlight').getAttribute('data-input-id');
    await queue.first().focus();
    await page.keyboard.press('s');
    await page.waitForTimeout(300);
    expect(await page.getByTestId('spotlight').getAttribute('data-input-id')).toBe(spotlightBefore);

    // Escape in the reject form puts focus back on the button that opened it.
    const third = queue.filter({ hasText: 'parkir motor' });
    await third.getByTestId('reject').click();
    await expect.poll(() => active(page)).toBe('reject-reason');
    await page.keyboard.press('Escape');
    await expect.poll(() => active(page)).toBe('reject');
    expect(await third.getByTestId('mod-form-reject').count()).toBe(0);

    // Two pending duplicates: approve-and-merge in one step, said on the button.
    for (const text of ['KTP elektronik', 'KTP-el']) {
      await queue.filter({ hasText: text }).getByTestId('merge-select').check();
    }
    const mergeButton = page.getByTestId('merge');
    expect(await mergeButton.textContent()).toContain('Setujui dan gabungkan (2)');
    await page.getByTestId('merge-approves').waitFor();
    await mergeButton.click();
    await expect.poll(() => queue.count()).toBe(2);
    const merged = page.getByTestId('mod-item').filter({ hasText: 'KTP' });
    await expect.poll(() => merged.count()).toBe(1);
    expect(await page.getByTestId('merge-error').count()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('mod-item');
    expect(await InputModel.countDocuments({ forumId: hall.forum._id, status: 'merged' })).toBe(1);

    // A refusal appears next to the action that caused it (and is announced).
    const published = page.getByTestId('mod-item').filter({ hasText: 'dokter gigi' });
    await published.getByTestId('edit').click();
    await published.getByTestId('edit-text').fill('ok');
    await published.getByTestId('edit-reason').fill('uji penolakan');
    await published.getByTestId('mod-form-submit').click();
    const err = published.getByTestId('mod-item-error');
    await err.waitFor();
    expect(await err.getAttribute('role')).toBe('alert');
    expect(await err.textContent()).toMatch(/terlalu pendek/);

    // A live forum never shows "Buka forum"; ending the session says what it does.
    const statusButtons = page.getByRole('group', { name: 'Ubah status forum' });
    expect(await statusButtons.textContent()).not.toContain('Buka forum');
    expect(await page.getByTestId('status-open').textContent()).toContain('Akhiri sesi langsung');

    // Closing asks first, with the number of inputs still waiting.
    await page.getByTestId('status-closed').click();
    const confirm = page.getByTestId('status-confirm');
    await confirm.waitFor();
    expect(await page.getByTestId('status-confirm-pending').textContent()).toContain(
      '2 masukan belum dimoderasi',
    );
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(await active(page)).toBe('status-closed');
    expect((await ForumModel.findById(hall.forum._id))?.status).toBe('live');
    await page.getByTestId('status-closed').click();
    await page.getByTestId('status-confirm-do').click();
    await page.getByTestId('forum-status').filter({ hasText: 'Ditutup' }).waitFor();
    expect((await ForumModel.findById(hall.forum._id))?.status).toBe('closed');
    await page.screenshot({ path: artifact('console-closed.png'), fullPage: true });
    await closeAll(context);
  });

  it('shows the top five on a 1920x1080 projector with text of at least 40 px', async () => {
    const texts = Array.from({ length: 7 }, (_, i) => `${i + 1}. ${LONG}`);
    const hall = await buildHall(app.baseUrl, texts);
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/f/${hall.forumId}/projector`);
    await page.getByTestId('spotlight').waitFor();
    const items = page.getByTestId('projector-top').getByTestId('input-item');
    await expect.poll(() => items.count()).toBe(5);
    const layout = await page.evaluate(() => {
      const px = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
      const texts = Array.from(
        document.querySelectorAll('main p, main li, main h1, main h2, main span'),
      )
        .filter((e) => (e.textContent ?? '').trim().length > 0)
        .map(px);
      const bottoms = Array.from(document.querySelectorAll('[data-testid="projector-top"] li')).map(
        (li) => li.getBoundingClientRect().bottom,
      );
      return {
        scrollHeight: document.documentElement.scrollHeight,
        smallestText: Math.min(...texts),
        lowestItem: Math.max(...bottoms),
        main: document.querySelectorAll('main').length,
      };
    });
    console.log('[projector 1920x1080]', JSON.stringify(layout));
    await page.screenshot({ path: artifact('projector-1920.png') });
    expect(layout.main).toBe(1);
    expect(layout.scrollHeight).toBeLessThanOrEqual(1080);
    expect(layout.lowestItem).toBeLessThanOrEqual(1080);
    expect(layout.smallestText).toBeGreaterThanOrEqual(40);
    await closeAll(context);
  });
});
