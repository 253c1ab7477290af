import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Upp } from '../../server/admin/upp.model';
import { User } from '../../server/auth/user.model';
import { artifact, launchBrowser } from '../helpers/browser';
import { buildUser, PASSWORD } from '../helpers/factories';
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

describe('an admin sets up an agency in the admin screens', () => {
  it('creates an agency, a UPP and a facilitator assigned to it, who can then log in', async () => {
    const admin = await buildUser('platform_admin');
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 1000 } })
    ).newPage();
    await page.goto(app.baseUrl + '/login');
    await page.getByTestId('login-email').fill(admin.email);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/admin');

    await page.locator('#a-name').fill('Pemerintah Kabupaten Maju Jaya');
    await page.locator('#a-slug').fill('kab-maju-jaya');
    await page.locator('#a-region').fill('Kabupaten Maju Jaya, Jawa Tengah');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByTestId('agency-row').filter({ hasText: 'Kabupaten Maju Jaya' }).waitFor();

    await page.getByTestId('admin-tab-upps').click();
    await page.locator('#u-agency').selectOption({ label: 'Pemerintah Kabupaten Maju Jaya' });
    await page.locator('#u-name').fill('Puskesmas Maju Jaya');
    await page.locator('#u-slug').fill('puskesmas-maju-jaya');
    await page.locator('#u-type').fill('Puskesmas');
    await page.locator('#u-region').fill('Kabupaten Maju Jaya');
    await page.locator('#u-svc').fill('SHT-0125-01, LHR-0125-03');
    await page.locator('#u-tz').selectOption({ label: 'WITA (Waktu Indonesia Tengah, UTC+8)' });
    await page.getByRole('button', { name: 'Simpan' }).click();
    const row = page.getByTestId('upp-row').filter({ hasText: 'Puskesmas Maju Jaya' });
    await row.waitFor();
    expect(await row.getByTestId('upp-timezone').inputValue()).toBe('Asia/Makassar');
    // The unit moves to WIT: only its zone changes, its services stay.
    await row.getByTestId('upp-timezone').selectOption({ label: 'WIT' });
    await page.getByText('Puskesmas Maju Jaya: WIT').waitFor();

    await page.getByTestId('admin-tab-staff').click();
    await page.locator('#s-email').fill('fasilitator@majujaya.test');
    await page.locator('#s-name').fill('Dewi Fasilitator');
    await page.locator('#s-role').selectOption('facilitator');
    await page.locator('#s-pw').fill('sandi-fasilitator-1');
    await page.getByLabel('Puskesmas Maju Jaya').check();
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByTestId('staff-row').filter({ hasText: 'fasilitator@majujaya.test' }).waitFor();
    await page.screenshot({ path: artifact('admin-staff.png'), fullPage: true });

    const upp = await Upp.findOne({ slug: 'puskesmas-maju-jaya' });
    expect(upp?.serviceCodes).toEqual(['SHT-0125-01', 'LHR-0125-03']);
    expect(upp?.timeZone).toBe('Asia/Jayapura');
    const user = await User.findOne({ email: 'fasilitator@majujaya.test' });
    expect(user?.uppIds.map(String)).toEqual([upp!._id.toString()]);
    const fac = new Client(app.baseUrl);
    await fac.login('fasilitator@majujaya.test', 'sandi-fasilitator-1');
    const mine = await fac.get<{ upps: { name: string }[] }>('/api/upps/mine');
    expect(mine.body.upps.map((u) => u.name)).toEqual(['Puskesmas Maju Jaya']);
  });

  it('lets a staff member change their own password on the account page', async () => {
    const user = await buildUser('facilitator');
    const page = await (await browser.newContext()).newPage();
    await page.goto(app.baseUrl + '/login');
    await page.getByTestId('login-email').fill(user.email);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/console');
    await page.goto(app.baseUrl + '/akun');
    await page.locator('#current').fill(PASSWORD);
    await page.locator('#next').fill('kata-sandi-baru-99');
    await page.locator('#confirm').fill('kata-sandi-lain-99');
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await page.getByText('tidak sama').waitFor();
    await page.locator('#confirm').fill('kata-sandi-baru-99');
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await page.getByText('Kata sandi berhasil diganti.').waitFor();
    const again = new Client(app.baseUrl);
    await again.login(user.email, 'kata-sandi-baru-99');
  });
});
