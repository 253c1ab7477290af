import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../server/catalog/catalog.seed';
import { artifact, launchBrowser } from '../helpers/browser';
import { buildAgency, buildForum, buildUpp, buildUser, PASSWORD } from '../helpers/factories';
import type { TestApp } from '../helpers/testApp';
import { startWebApp } from '../helpers/webApp';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startWebApp({ routing: false });
  await seedCatalog();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(app.baseUrl + '/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => u.pathname !== '/login');
}

describe('scopes and limits, as people meet them', () => {
  it('an agency admin manages its own agency only, and reads platform data', async () => {
    const mine = await buildAgency({ name: 'Pemerintah Kota Milik Sendiri' });
    await buildAgency({ name: 'Pemerintah Kabupaten Tetangga' });
    const admin = await buildUser('agency_admin', { agencyId: mine._id });
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 } })
    ).newPage();
    await signIn(page, admin.email);
    await page.waitForURL('**/admin');
    await page.getByText('Admin instansi').first().waitFor();
    const rows = page.getByTestId('agency-row');
    await rows.first().waitFor();
    expect(await rows.allInnerTexts()).toEqual([expect.stringContaining('Kota Milik Sendiri')]);
    expect(await page.locator('#agency-new').count()).toBe(0);
    expect(await page.getByTestId('admin-tab-routing').count()).toBe(0);
    await page.getByTestId('admin-tab-catalog').click();
    await page.getByTestId('catalog-row').first().waitFor();
    expect(await page.getByTestId('catalog-edit').count()).toBe(0);
    await page.getByText('Hanya admin platform yang dapat mengubah data ini.').first().waitFor();
    await page.screenshot({ path: artifact('agency-admin.png'), fullPage: true });
  });

  it('a citizen sees slow mode, waits the seconds it says, and reads the limit in English too', async () => {
    const agency = await buildAgency();
    const upp = await buildUpp(agency._id);
    const forum = await buildForum(upp, {
      settings: { moderation: 'post', slowModeSeconds: 120 },
    });
    const page = await (
      await browser.newContext({ viewport: { width: 412, height: 915 } })
    ).newPage();
    await page.goto(`${app.baseUrl}/f/${forum._id}`);
    await page.getByTestId('slow-mode').filter({ hasText: '120 detik' }).waitFor();
    await page
      .getByTestId('input-text')
      .fill('Mohon jadwal posyandu diumumkan lebih awal di balai warga');
    await page.getByTestId('input-submit').click();
    await page.getByTestId('slow-wait').waitFor();
    expect(await page.getByTestId('input-submit').isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('slow-mode').filter({ hasText: 'Slow mode is on' }).waitFor();
    await page.getByTestId('slow-wait').filter({ hasText: 'You can send again in' }).waitFor();
    await page.screenshot({ path: artifact('slow-mode.png'), fullPage: true });
  });
});
