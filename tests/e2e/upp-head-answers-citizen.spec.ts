import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../server/catalog/catalog.seed';
import { artifact, launchBrowser } from '../helpers/browser';
import { buildAgency, buildForum, buildUpp, buildUser, PASSWORD } from '../helpers/factories';
import { Client } from '../helpers/http';
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

describe('the loop closes: a UPP head answers, the citizen sees it live and confirms', () => {
  it('routes a live-forum input to the UPP head, whose reply reaches the citizen page without reloading', async () => {
    const agency = await buildAgency();
    const host = await buildUpp(agency._id, { name: 'Kecamatan Harapan' });
    const pupr = await buildUpp(agency._id, {
      name: 'Dinas PUPR Harapan',
      serviceCodes: ['LNG-0117-02'],
      timeZone: 'Asia/Jayapura',
    });
    const head = await buildUser('upp_head', { uppIds: [pupr._id] });
    const facilitator = await buildUser('facilitator', { uppIds: [host._id] });
    const forum = await buildForum(host, {
      type: 'live',
      title: 'Forum Konsultasi Publik Kecamatan Harapan',
    });

    // The citizen submits in the live forum; the facilitator approves it (pre-moderation).
    const citizen = await (
      await browser.newContext({ viewport: { width: 412, height: 915 } })
    ).newPage();
    await citizen.goto(`${app.baseUrl}/j/${forum.code}`);
    await citizen.waitForURL('**/f/**');
    const text =
      'Jalan utama depan pasar Harapan berlubang besar dan sering bikin motor jatuh, mohon ditambal';
    await citizen.getByTestId('input-text').fill(text);
    await citizen.getByTestId('input-submit').click();
    await citizen.getByTestId('my-input').filter({ hasText: 'Menunggu moderasi' }).waitFor();
    const fac = new Client(app.baseUrl);
    await fac.login(facilitator.email, PASSWORD);
    const queue = await fac.get<{ inputs: { id: string }[] }>(`/api/forums/${forum._id}/queue`);
    expect((await fac.post(`/api/inputs/${queue.body.inputs[0]!.id}/approve`)).status).toBe(200);

    // The UPP head of the responsible UPP logs in and finds it in the inbox.
    const upp = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 } })
    ).newPage();
    await upp.goto(app.baseUrl + '/login');
    await upp.getByTestId('login-email').fill(head.email);
    await upp.getByTestId('login-password').fill(PASSWORD);
    await upp.getByTestId('login-submit').click();
    await upp.waitForURL('**/upp');
    const item = upp.getByTestId('inbox-item').filter({ hasText: 'pasar Harapan berlubang' });
    await item.waitFor();
    // The unit is in Papua: its deadline is shown on its own clock, in WIT.
    expect(await item.getByTestId('inbox-deadline').textContent()).toMatch(/\d{2}[.:]\d{2} WIT$/);
    await item.getByTestId('inbox-open').click();
    const reply = 'Terima kasih. Tim Bina Marga menambal lubang di depan pasar pada Senin pagi.';
    await upp.getByTestId('inbox-reply-text').fill(reply);
    await upp.getByTestId('inbox-reply-resolve').check();
    await upp.getByTestId('inbox-reply-submit').click();
    await upp.getByText(reply).first().waitFor();
    await upp.screenshot({ path: artifact('upp-inbox.png') });

    // The citizen page shows the reply without reloading, and the citizen confirms.
    await citizen.getByTestId('case-reply').filter({ hasText: 'Tim Bina Marga' }).first().waitFor();
    await citizen.getByTestId('case-confirm').first().click();
    await citizen.getByText('Dikonfirmasi warga').first().waitFor();
    await citizen.screenshot({ path: artifact('citizen-confirmed.png'), fullPage: true });
    const list = await new Client(app.baseUrl);
    await list.login(head.email, PASSWORD);
    const inbox = await list.get<{ items: { status: string; text: string }[] }>('/api/inbox');
    expect(inbox.body.items.find((i) => i.text === text)?.status).toBe('citizen_confirmed');
  });
});
