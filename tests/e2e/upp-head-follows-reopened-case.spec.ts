import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../server/catalog/catalog.seed';
import { artifact, launchBrowser } from '../helpers/browser';
import { buildAgency, buildForum, buildUpp, buildUser } from '../helpers/factories';
import { closeAll, DESKTOP, logIn, phone } from '../helpers/hall';
import type { TestApp } from '../helpers/testApp';
import { startWebApp } from '../helpers/webApp';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startWebApp();
  await seedCatalog();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Submits as the citizen of this page (its cookies), as the form would. */
async function submitAs(page: Page, forumId: string, body: Record<string, unknown>) {
  const r = await page.request.post(`${app.baseUrl}/api/forums/${forumId}/inputs`, {
    data: {
      kind: 'complaint',
      idempotencyKey: `k${Date.now()}${Math.random()}`.replace('.', ''),
      ...body,
    },
  });
  expect(r.status()).toBe(201);
}

describe('a UPP head and a citizen in one thread', () => {
  it('confirms a reply that resolves, follows the citizen reopening and confirming live, and shows the reason in both threads', async () => {
    const agency = await buildAgency();
    const pupr = await buildUpp(agency._id, {
      name: 'Dinas PUPR Alur',
      serviceCodes: ['LNG-0117-02'],
    });
    const head = await buildUser('upp_head', { uppIds: [pupr._id] });
    const forum = await buildForum(pupr, { settings: { moderation: 'post' } });
    const forumId = forum._id.toString();

    const citizen = await phone(browser);
    await citizen.page.goto(`${app.baseUrl}/f/${forumId}`);
    const text = 'Jalan Teratai berlubang dalam di depan masjid, mohon ditambal';
    await submitAs(citizen.page, forumId, { text, serviceCode: 'LNG-0117-02' });
    await citizen.page.reload();
    await citizen.page.getByTestId('my-input').filter({ hasText: text }).waitFor();

    const ctx = await browser.newContext({ viewport: DESKTOP });
    const upp = await ctx.newPage();
    await logIn(upp, app.baseUrl, head.email);
    await upp.goto(`${app.baseUrl}/upp`);
    await upp
      .getByTestId('inbox-item')
      .filter({ hasText: 'Jalan Teratai' })
      .getByTestId('inbox-open')
      .click();
    const detail = upp.getByTestId('inbox-detail');
    await detail.waitFor();

    // A reply that resolves: said in words, focused, and the case stays open in the panel.
    await upp
      .getByTestId('inbox-reply-text')
      .fill('Lubang sudah ditambal tim Bina Marga pagi ini.');
    await upp.getByTestId('inbox-reply-resolve').check();
    await upp.getByTestId('inbox-reply-submit').click();
    const done = upp.getByTestId('inbox-reply-done');
    await done.waitFor();
    expect(await done.textContent()).toContain('Selesai');
    await expect
      .poll(() => upp.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('inbox-reply-done');
    await upp.getByTestId('inbox-outside-filter').waitFor();
    await expect
      .poll(() => upp.getByTestId('inbox-item').filter({ hasText: 'Jalan Teratai' }).count())
      .toBe(0);
    expect(await detail.getByTestId('case-status').getAttribute('data-status')).toBe('resolved');

    // The citizen hears the reply, and reopens with a reason.
    await expect
      .poll(() => citizen.page.getByTestId('announcer').textContent())
      .toContain('Balasan baru dari Dinas PUPR Alur');
    const mine = citizen.page.getByTestId('my-input').filter({ hasText: text });
    await mine.getByTestId('case-reopen').click();
    const reason = 'Tambalan sudah amblas lagi setelah hujan semalam';
    await mine.getByTestId('case-reopen-reason').fill(reason);
    await mine.getByTestId('case-reopen-submit').click();
    await mine
      .getByTestId('case-step')
      .filter({ hasText: 'Anda membuka kembali' })
      .filter({ hasText: reason })
      .waitFor();

    // The UPP's open panel follows without a reload: status and the reason in the thread.
    await detail
      .getByTestId('case-step')
      .filter({ hasText: 'Warga membuka kembali' })
      .filter({ hasText: reason })
      .waitFor();
    await expect
      .poll(() => detail.getByTestId('case-status').getAttribute('data-status'))
      .toBe('in_progress');

    // Resolved again; the citizen confirms; the panel shows it live.
    await upp.getByTestId('inbox-reply-text').fill('Sudah ditambal ulang dengan aspal hotmix.');
    await upp.getByTestId('inbox-reply-resolve').check();
    await upp.getByTestId('inbox-reply-submit').click();
    await mine.getByTestId('case-confirm').click();
    await mine.getByTestId('case-step').filter({ hasText: 'Anda mengonfirmasi' }).waitFor();
    await detail.getByTestId('case-step').filter({ hasText: 'Warga mengonfirmasi' }).waitFor();
    await upp.screenshot({ path: artifact('upp-follows-case.png'), fullPage: true });
    await closeAll(citizen.context, ctx);
  });

  it('preselects the only UPP that delivers the chosen service in triage', async () => {
    const agency = await buildAgency();
    const host = await buildUpp(agency._id, { name: 'Kecamatan Triase' });
    // The only UPP of this test's database that delivers waste collection.
    const only = await buildUpp(agency._id, {
      name: 'Dinas Satu-satunya',
      serviceCodes: ['LNG-0140-01'],
    });
    const facilitator = await buildUser('facilitator', { uppIds: [host._id] });
    const forum = await buildForum(host, { settings: { moderation: 'post' } });
    const citizen = await phone(browser);
    await citizen.page.goto(`${app.baseUrl}/f/${forum._id}`);
    await submitAs(citizen.page, forum._id.toString(), { text: 'xqzt vrrp blonk mrrf' });

    const ctx = await browser.newContext({ viewport: DESKTOP });
    const page = await ctx.newPage();
    await logIn(page, app.baseUrl, facilitator.email);
    await page.goto(`${app.baseUrl}/triage`);
    const item = page.getByTestId('triage-item').filter({ hasText: 'xqzt vrrp' });
    await item.waitFor();
    await item.getByTestId('route-sector').selectOption('lingkungan');
    await item.getByTestId('route-service').selectOption('LNG-0140-01');
    await expect.poll(() => item.getByTestId('route-upp').inputValue()).toBe(only._id.toString());
    await item.getByTestId('route-upp-single').waitFor();
    await closeAll(citizen.context, ctx);
  });
});
