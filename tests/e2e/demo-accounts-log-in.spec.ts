import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_HOME } from '../../shared/domain/roles';
import { seedDemo } from '../../server/seed/demo';
import { seedCatalog } from '../../server/catalog/catalog.seed';
import { DEMO_ACCOUNTS } from '../../server/seed/demo-data';
import { artifact, launchBrowser } from '../helpers/browser';
import { startWebApp } from '../helpers/webApp';
import type { TestApp } from '../helpers/testApp';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startWebApp();
  await seedCatalog();
  await seedDemo({ ctx: app.ctx });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('a newcomer opens the demo', () => {
  it('renders the home page with the open demo forums', async () => {
    const page = await browser.newPage();
    await page.goto(app.baseUrl + '/');
    await expect.poll(() => page.getByTestId('join-code').count()).toBe(1);
    await page.getByText('Layanan KTP-el, KK dan Akta Kelahiran').first().waitFor();
    await page.screenshot({ path: artifact('home.png'), fullPage: true });
    await page.close();
  });

  for (const account of DEMO_ACCOUNTS) {
    it(`logs in as the demo ${account.role} and lands on that role's home`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(app.baseUrl + '/login');
      await page.getByTestId('login-email').fill(account.email);
      await page.getByTestId('login-password').fill(account.password);
      await page.getByTestId('login-submit').click();
      await page.waitForURL((url) => url.pathname === ROLE_HOME[account.role]);
      await page.getByText(account.displayName).first().waitFor();
      await page.screenshot({ path: artifact(`home-${account.role}.png`) });
      await context.close();
    });
  }

  it('shows a clear error for a wrong password and stays on the login page', async () => {
    const page = await browser.newPage();
    await page.goto(app.baseUrl + '/login');
    await page.getByTestId('login-email').fill(DEMO_ACCOUNTS[0]!.email);
    await page.getByTestId('login-password').fill('salah-sekali-123');
    await page.getByTestId('login-submit').click();
    await page.getByText('Email atau kata sandi salah.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.close();
  });
});
