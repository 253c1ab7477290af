import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { InboxList } from '../../shared/schemas/inbox';
import { seedCatalog } from '../../server/catalog/catalog.seed';
import { buildAgency, buildForum, buildUpp, buildUser, PASSWORD } from './factories';
import { Client } from './http';
import { launchBrowser } from './browser';
import type { TestApp } from './testApp';
import { startWebApp } from './webApp';

/**
 * Every page of the web app for every role, over one world: the sweeps that visit them all
 * (axe-core, languages) take their list from here.
 */
/** A forum with published, pending, routed and answered inputs, a closed forum, every role. */
export async function world(app: TestApp) {
  await seedCatalog();
  const agency = await buildAgency();
  const upp = await buildUpp(agency._id, {
    name: 'Dinas PUPR Aksesibel',
    serviceCodes: ['LNG-0117-02'],
  });
  const accounts = {
    citizen: await buildUser('citizen'),
    facilitator: await buildUser('facilitator', { uppIds: [upp._id] }),
    upp_head: await buildUser('upp_head', { uppIds: [upp._id] }),
    agency_admin: await buildUser('agency_admin', { agencyId: agency._id }),
    platform_admin: await buildUser('platform_admin'),
  };
  const forum = await buildForum(upp, { title: 'Forum Jalan dan Drainase Kelurahan Aksesibel' });
  const closed = await buildForum(upp, { status: 'closed', title: 'Forum yang sudah ditutup' });
  const fac = new Client(app.baseUrl);
  await fac.login(accounts.facilitator.email, PASSWORD);
  const citizen = new Client(app.baseUrl);
  await citizen.login(accounts.citizen.email, PASSWORD);
  const texts = [
    'Jalan Kenari berlubang di depan sekolah, mohon segera ditambal sebelum musim hujan',
    'Saluran air di Gang Melati tersumbat sampah dan meluap ke rumah warga',
    'Trotoar Jalan Merpati rusak sehingga membahayakan pejalan kaki lansia',
  ];
  const ids: string[] = [];
  for (const [i, text] of texts.entries()) {
    const r = await citizen.post<{ input: { id: string } }>(`/api/forums/${forum._id}/inputs`, {
      text,
      kind: 'complaint',
      serviceCode: 'LNG-0117-02',
      idempotencyKey: `axe-input-${i}-0001`,
    });
    ids.push(r.body.input.id);
  }
  await citizen.post(`/api/forums/${forum._id}/inputs`, {
    text: 'xqzt vrrp blonk mrrf',
    kind: 'question',
    idempotencyKey: 'axe-triage-0001',
  });
  await fac.post(`/api/inputs/${ids[0]}/approve`);
  await fac.post(`/api/inputs/${ids[1]}/approve`);
  await fac.post(`/api/forums/${forum._id}/spotlight`, { inputId: ids[0] });
  const head = new Client(app.baseUrl);
  await head.login(accounts.upp_head.email, PASSWORD);
  const inbox = await head.get<InboxList>('/api/inbox');
  const first = inbox.body.items.find((i) => i.inputId === ids[0])!;
  await head.post(`/api/inbox/${first.id}/reply`, {
    text: 'Terima kasih, tim kami menambal lubang pada hari Jumat.',
    resolve: true,
  });
  return { upp, accounts, forum, closed, forumId: forum._id.toString() };
}

export type World = Awaited<ReturnType<typeof world>>;
export type Role = 'anonymous' | keyof World['accounts'];
/** A page to check, and optionally what to do on it before checking (an open form, a panel). */
export type Check = { path: string; then?: (page: Page) => Promise<void> };

export function pagesFor(w: World, role: Role): Check[] {
  const f = w.forumId;
  const common: Check[] = [{ path: '/akun' }];
  switch (role) {
    case 'anonymous':
      return [
        { path: '/' },
        { path: '/forums' },
        { path: `/j/${w.forum.code}` },
        { path: '/j/ZZZZZZ' },
        { path: `/f/${f}/log` },
        { path: `/f/${w.closed._id}` },
        { path: `/f/${f}/projector` },
        { path: '/skor' },
        { path: `/skor/${w.upp.slug}` },
        { path: '/login' },
        { path: '/register' },
        { path: '/halaman-yang-tidak-ada' },
        { path: '/f/abc' },
      ];
    case 'citizen':
      return [{ path: `/f/${f}` }, ...common];
    case 'facilitator':
      return [
        { path: '/console' },
        { path: `/console/forums/${f}` },
        {
          path: `/console/forums/${f}`,
          then: async (p) => {
            await p.getByTestId('queue-item').first().getByTestId('reject').click();
            await p.getByTestId('status-closed').click();
          },
        },
        { path: '/triage' },
        ...common,
      ];
    case 'upp_head':
      return [
        { path: '/upp' },
        {
          path: '/upp?status=',
          then: async (p) => {
            await p.getByTestId('inbox-open').first().click();
            await p.getByTestId('inbox-detail').waitFor();
          },
        },
        { path: '/upp/dashboard' },
        ...common,
      ];
    case 'agency_admin':
    case 'platform_admin': {
      // Routing models are platform data: their tab is the platform admin's only.
      const tabs = ['agencies', 'upps', 'staff', 'catalog', 'holidays', 'audit'];
      if (role === 'platform_admin') tabs.push('routing');
      return [
        ...tabs.map((t) => ({ path: `/admin?tab=${t}` })),
        { path: '/console' },
        { path: '/triage' },
        { path: '/upp' },
        { path: '/upp/dashboard' },
        ...common,
      ];
    }
  }
}

export const ROLES: Role[] = [
  'anonymous',
  'citizen',
  'facilitator',
  'upp_head',
  'agency_admin',
  'platform_admin',
];

/** Starts the web app, builds the world and opens a browser for a spec's tests (read the fields inside tests). */
export function useEveryPageWorld(): { app: TestApp; w: World; browser: Browser } {
  const state = {} as { app: TestApp; w: World; browser: Browser };
  beforeAll(async () => {
    state.app = await startWebApp();
    state.w = await world(state.app);
    state.browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await state.browser?.close();
    await state.app?.stop();
  });
  return state;
}
