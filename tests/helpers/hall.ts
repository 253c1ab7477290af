import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ForumModel } from '../../server/forums/forum.model';
import { buildForum, buildWorld, PASSWORD } from './factories';
import { Client } from './http';

export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1440, height: 900 } as const;

const key = () => randomBytes(12).toString('hex');

/** A live hall forum with an agenda, a description, published inputs and one in the spotlight. */
export async function buildHall(baseUrl: string, texts: string[] = []) {
  const world = await buildWorld();
  const forum = await buildForum(world.upp, {
    title: 'Forum Konsultasi Publik Pelayanan Puskesmas Kecamatan Harapan',
  });
  await ForumModel.updateOne(
    { _id: forum._id },
    {
      $set: {
        description:
          'Forum tatap muka untuk membahas antrean, obat dan jam layanan Puskesmas bersama warga.',
        agenda: [
          'Pembukaan',
          'Paparan kinerja layanan',
          'Tanya jawab warga',
          'Tanggapan UPP',
          'Penutup',
        ],
        location: 'Aula Kantor Kecamatan Harapan',
      },
    },
  );
  const fac = new Client(baseUrl);
  await fac.login(world.facilitator.email, PASSWORD);
  const published: { id: string; text: string }[] = [];
  for (const text of texts) {
    const citizen = new Client(baseUrl);
    const r = await citizen.post<{ input: { id: string } }>(`/api/forums/${forum._id}/inputs`, {
      text,
      kind: 'question',
      idempotencyKey: key(),
    });
    if (r.status !== 201) throw new Error(`submit failed: ${r.status} ${JSON.stringify(r.body)}`);
    const id = r.body.input.id;
    const a = await fac.post(`/api/inputs/${id}/approve`);
    if (a.status !== 200) throw new Error(`approve failed: ${a.status}`);
    published.push({ id, text });
  }
  if (published[0]) {
    await fac.post(`/api/forums/${forum._id}/spotlight`, { inputId: published[0].id });
  }
  return { world, forum, fac, published, forumId: forum._id.toString() };
}

/** A fresh browser context (its own cookies and storage), like another phone. */
export async function phone(browser: Browser, opts: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    ...opts,
  });
  return { context, page: await context.newPage() };
}

export async function logIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(baseUrl + '/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

export async function closeAll(...contexts: (BrowserContext | undefined)[]): Promise<void> {
  await Promise.all(contexts.map((c) => c?.close()));
}
