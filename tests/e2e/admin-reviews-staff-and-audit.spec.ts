import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { User } from '../../server/auth/user.model';
import { launchBrowser } from '../helpers/browser';
import { buildAgency, buildForum, buildUpp, buildUser, PASSWORD } from '../helpers/factories';
import { closeAll, DESKTOP, logIn } from '../helpers/hall';
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

describe('an admin reviews staff and the audit log', () => {
  it('keeps the tab in the address, reads the log in words with filters, and confirms before deactivating', async () => {
    const agency = await buildAgency();
    const upp = await buildUpp(agency._id);
    const admin = await buildUser('platform_admin');
    const fac = await buildUser('facilitator', { uppIds: [upp._id] });
    const forum = await buildForum(upp, { status: 'open' });
    const f = new Client(app.baseUrl);
    await f.login(fac.email, PASSWORD);
    await f.post(`/api/forums/${forum._id}/status`, { status: 'live' });

    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await logIn(page, app.baseUrl, admin.email);

    // The tab is in the URL: linkable, and the back button returns to it.
    await page.goto(`${app.baseUrl}/admin?tab=audit`);
    await page.getByTestId('audit-table').waitFor();
    expect(await page.getByTestId('admin-tab-audit').getAttribute('aria-selected')).toBe('true');
    await page.getByTestId('admin-tab-staff').click();
    await page.waitForURL(/tab=staff/);
    await page.goBack();
    await page.waitForURL(/tab=audit/);
    await page.getByTestId('audit-table').waitFor();

    // Readable actions, filtered by action and by actor.
    const row = page.getByTestId('audit-row').filter({ hasText: 'Mengubah status forum' });
    await row.first().waitFor();
    await page.getByTestId('audit-action').selectOption('forum.status');
    await expect
      .poll(
        async () =>
          new Set(
            await page
              .getByTestId('audit-row')
              .evaluateAll((rs) => rs.map((r) => r.getAttribute('data-action'))),
          ),
      )
      .toEqual(new Set(['forum.status']));
    await page.getByTestId('audit-action').selectOption('');
    await page.getByTestId('audit-actor').selectOption(admin._id.toString());
    await expect
      .poll(async () => page.getByTestId('audit-row').filter({ hasText: fac.displayName }).count())
      .toBe(0);

    // Deactivating asks first; the button names the action, the state is shown beside it.
    await page.getByTestId('admin-tab-staff').click();
    const staffRow = page.getByTestId('staff-row').filter({ hasText: fac.email });
    await staffRow.getByTestId('staff-state').filter({ hasText: 'Aktif' }).waitFor();
    expect(await staffRow.getByTestId('staff-active').textContent()).toContain('Nonaktifkan');
    await staffRow.getByTestId('staff-active').click();
    await staffRow.getByTestId('staff-deactivate-cancel').click();
    expect((await User.findById(fac._id))?.active).toBe(true);
    await staffRow.getByTestId('staff-active').click();
    await staffRow.getByTestId('staff-deactivate-do').click();
    await staffRow.getByTestId('staff-state').filter({ hasText: 'Nonaktif' }).waitFor();
    expect(await staffRow.getByTestId('staff-active').textContent()).toContain('Aktifkan kembali');
    expect((await User.findById(fac._id))?.active).toBe(false);
    await closeAll(context);
  });
});
