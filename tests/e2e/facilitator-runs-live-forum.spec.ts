import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifact, launchBrowser } from '../helpers/browser';
import { buildWorld, PASSWORD } from '../helpers/factories';
import type { TestApp } from '../helpers/testApp';
import { startWebApp } from '../helpers/webApp';

let app: TestApp;
let browser: Browser;
let world: Awaited<ReturnType<typeof buildWorld>>;

beforeAll(async () => {
  app = await startWebApp();
  world = await buildWorld();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 } });
  return context.newPage();
}

describe('a live forum in the hall', () => {
  it('facilitator creates it, citizens join by code, input is approved, spotlighted and upvoted live', async () => {
    // The facilitator logs in and creates a live forum.
    const fac = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 } })
    ).newPage();
    await fac.goto(app.baseUrl + '/login');
    await fac.getByTestId('login-email').fill(world.facilitator.email);
    await fac.getByTestId('login-password').fill(PASSWORD);
    await fac.getByTestId('login-submit').click();
    await fac.waitForURL('**/console');
    await fac.getByTestId('forum-host').selectOption(world.upp._id.toString());
    await fac.getByTestId('forum-title').fill('Forum Konsultasi Publik Layanan Puskesmas');
    await fac.getByTestId('forum-type').selectOption('live');
    await fac.getByTestId('forum-create').click();
    const code = (await fac.getByTestId('join-code-display').first().textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    await fac.getByTestId('forum-created-link').click();
    await fac.waitForURL('**/console/forums/**');
    await fac.getByTestId('status-live').click();
    await fac.getByText('Sedang berlangsung').first().waitFor();

    // Citizen A joins by typing the code, and submits an input.
    const a = await newPage();
    await a.goto(app.baseUrl + '/');
    await a.getByTestId('join-code').fill(code.toLowerCase());
    await a.getByTestId('join-submit').click();
    await a.waitForURL('**/f/**');
    const text =
      'Antrian pendaftaran di loket Puskesmas mulai subuh, mohon ada nomor antrian online';
    await a.getByTestId('input-text').fill(text);
    await a.getByTestId('input-submit').click();
    await a.getByTestId('my-input').filter({ hasText: 'Menunggu moderasi' }).waitFor();

    // The facilitator sees it arrive in the queue without reloading, approves and spotlights it.
    const item = fac.getByTestId('queue-item').filter({ hasText: 'nomor antrian online' });
    await item.waitFor();
    await item.getByTestId('approve').click();
    const published = fac.getByTestId('mod-item').filter({ hasText: 'nomor antrian online' });
    await published.waitFor();
    await published.getByTestId('spotlight-button').click();

    // Citizen A sees the input published and spotlighted without reloading.
    await a.getByTestId('spotlight').filter({ hasText: 'nomor antrian online' }).waitFor();
    await a.getByTestId('my-input').filter({ hasText: 'Ditayangkan' }).waitFor();

    // Citizen B opens the QR link (/j/CODE) and upvotes it.
    const b = await newPage();
    await b.goto(`${app.baseUrl}/j/${code}`);
    await b.waitForURL('**/f/**');
    await b.getByTestId('spotlight').filter({ hasText: 'nomor antrian online' }).waitFor();
    const bItem = b.getByTestId('input-item').filter({ hasText: 'nomor antrian online' });
    await bItem.getByTestId('vote-button').click();
    await expect.poll(() => bItem.getByTestId('vote-count').textContent()).toBe('1');
    expect(await bItem.getByTestId('vote-button').getAttribute('aria-pressed')).toBe('true');

    // Citizen A's page shows the new count without reloading.
    const aItem = a.getByTestId('input-item').filter({ hasText: 'nomor antrian online' });
    await expect
      .poll(() => aItem.getByTestId('vote-count').textContent(), { timeout: 5000 })
      .toBe('1');
    await a.screenshot({ path: artifact('citizen-forum-page.png'), fullPage: true });

    // The projector view shows the code, the spotlight and the top input.
    const forumId = new URL(a.url()).pathname.split('/')[2];
    const proj = await (
      await browser.newContext({ viewport: { width: 1920, height: 1080 } })
    ).newPage();
    await proj.goto(`${app.baseUrl}/f/${forumId}/projector`);
    await proj.getByText(code).first().waitFor();
    await proj.getByTestId('spotlight').filter({ hasText: 'nomor antrian online' }).waitFor();
    await proj.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('img[src*="qr.svg"]');
      return !!img && img.complete && img.naturalWidth > 0;
    });
    await proj.screenshot({ path: artifact('projector-view.png') });
  });
});
