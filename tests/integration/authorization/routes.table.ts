import { readFileSync } from 'node:fs';
import type { ServiceInput } from '../../../shared/schemas/catalog';
import { SHIPPED_CATALOG } from '../../../server/catalog/catalog.seed';
import { HolidayModel } from '../../../server/holidays/holiday.model';
import { ModelVersionModel } from '../../../server/routing/routing.models';
import type { Who, World } from './world';

/**
 * Expected outcome per identity, in the column order of IDENTITIES:
 *   none  part  other  citizen | fac-this fac-other head-this head-other | adm-this adm-other | platform
 * Y: allowed (2xx, or the row's `ok` statuses), U: 401, F: 403, N: 404 (existence not shown).
 */
export const Y = 'Y Y Y Y Y Y Y Y Y Y Y';
const PLATFORM = 'U U U F F F F F F F Y';
const ADMINS = 'U U U F F F F F Y Y Y';
const AGENCY_THIS = 'U U U F F F F F Y F Y';
const STAFF = 'U U U F Y Y Y Y Y Y Y';
const MODERATE = 'U U U F Y F F F Y F Y';
const INBOX_THIS = 'U U U F Y F Y F Y F Y';
const MODERATORS_ANY = 'U U U F Y Y F F Y Y Y';
const DRAFT = 'N N N N Y N N N Y N Y';
const SIGNED_IN = 'U U U Y Y Y Y Y Y Y Y';
const AUTHOR = 'F Y F F F F F F F F F';

export interface Req {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteRow {
  expect: string;
  /** Builds the request (creating what it changes, so every allowed call can succeed). */
  req: (w: World, who: Who) => Req | Promise<Req>;
  /** Statuses that also count as allowed (a domain answer reached only past the policy). */
  ok?: number[];
  /** Runs on a fresh session of the identity (routes that end or replace the session). */
  freshSession?: boolean;
  /** The request depends on the identity (never shared between refused identities). */
  perIdentity?: boolean;
}

const get = (path: string): Req => ({ method: 'GET', path });
const post = (path: string, body: unknown = {}): Req => ({ method: 'POST', path, body });
const future = () => new Date(Date.now() + 7 * 86_400_000).toISOString();
const service = (): ServiceInput =>
  (JSON.parse(readFileSync(SHIPPED_CATALOG, 'utf8')) as ServiceInput[])[0]!;
let serial = 10;
const freeDate = () => {
  serial += 1;
  return `2031-${String(1 + (serial % 12)).padStart(2, '0')}-${String(1 + (serial % 28)).padStart(2, '0')}`;
};

/** One row per route name in the registry: a route without a row fails the matrix test. */
export const ROUTES: Record<string, RouteRow> = {
  'health.get': { expect: Y, req: () => get('/api/health') },
  // From loopback without METRICS_TOKEN (the test's case) anyone may read; elsewhere 403
  // (tests/integration/logs-and-metrics.test.ts).
  'metrics.get': { expect: Y, req: () => get('/api/metrics') },
  'auth.login': {
    expect: Y,
    freshSession: true,
    req: (w) =>
      post('/api/auth/login', { email: w.loginTarget.email, password: 'password-for-tests-123' }),
  },
  'auth.register': {
    expect: Y,
    freshSession: true,
    req: (w) =>
      post('/api/auth/register', {
        email: `warga-${w.uid()}@uji.test`,
        password: 'sandi-warga-12345',
        displayName: 'Warga Baru',
      }),
  },
  'auth.logout': { expect: Y, freshSession: true, req: () => post('/api/auth/logout') },
  'auth.password': {
    expect: SIGNED_IN,
    ok: [400],
    freshSession: true,
    req: () =>
      post('/api/auth/password', {
        currentPassword: 'not-my-password',
        newPassword: 'x-new-pass-123',
      }),
  },
  'auth.me': { expect: Y, req: () => get('/api/auth/me') },
  'agency.list': { expect: ADMINS, req: () => get('/api/admin/agencies') },
  'agency.create': {
    expect: PLATFORM,
    req: (w) =>
      post('/api/admin/agencies', {
        name: 'Pemerintah Kabupaten Matriks',
        slug: `kab-${w.uid()}`,
        level: 'kab/kota',
        region: 'Kabupaten Matriks',
      }),
  },
  'agency.update': {
    expect: AGENCY_THIS,
    req: (w) => ({
      method: 'PATCH',
      path: `/api/admin/agencies/${w.ids(w.agencyA)}`,
      body: { region: 'Kota Uji Baru' },
    }),
  },
  'upp.list': { expect: STAFF, req: () => get('/api/admin/upps') },
  'upp.create': {
    expect: AGENCY_THIS,
    req: (w) =>
      post('/api/admin/upps', {
        agencyId: w.ids(w.agencyA),
        name: 'UPP Matriks',
        slug: `upp-${w.uid()}`,
        uppType: 'Dinas Uji',
        region: 'Kota Uji',
      }),
  },
  'upp.update': {
    expect: AGENCY_THIS,
    req: (w) => ({
      method: 'PATCH',
      path: `/api/admin/upps/${w.ids(w.uppB)}`,
      body: { address: 'Jl. Baru 1' },
    }),
  },
  'staff.list': { expect: ADMINS, req: () => get('/api/admin/users') },
  'staff.create': {
    expect: AGENCY_THIS,
    req: (w) =>
      post('/api/admin/users', {
        email: `staf-${w.uid()}@uji.test`,
        displayName: 'Staf Baru',
        role: 'facilitator',
        password: 'sandi-staf-12345',
        uppIds: [w.ids(w.uppA)],
      }),
  },
  'staff.update': {
    expect: AGENCY_THIS,
    req: (w) => ({
      method: 'PATCH',
      path: `/api/admin/users/${w.ids(w.staffTarget)}`,
      body: { displayName: 'Nama Baru' },
    }),
  },
  'catalog.list': { expect: ADMINS, req: () => get('/api/admin/catalog') },
  'catalog.create': {
    expect: PLATFORM,
    req: () =>
      post('/api/admin/catalog', {
        ...service(),
        code: `${service().code.slice(0, 9)}${((serial += 1) % 90) + 10}`,
      }),
  },
  'catalog.update': {
    expect: PLATFORM,
    req: () => ({ method: 'PUT', path: `/api/admin/catalog/${service().code}`, body: service() }),
  },
  'catalog.import': {
    expect: PLATFORM,
    req: () => ({
      method: 'POST',
      path: '/api/admin/catalog/import?format=json&mode=preview',
      body: JSON.stringify([service()]),
      headers: { 'content-type': 'text/plain' },
    }),
  },
  'catalog.export': { expect: ADMINS, req: () => get('/api/admin/catalog/export.csv') },
  'audit.list': { expect: ADMINS, req: () => get('/api/admin/audit') },
  'holiday.list': { expect: STAFF, req: () => get('/api/admin/holidays') },
  'holiday.create': {
    expect: PLATFORM,
    req: () => post('/api/admin/holidays', { date: freeDate(), name: 'Libur Matriks' }),
  },
  'holiday.delete': {
    expect: PLATFORM,
    req: async () => {
      const date = freeDate();
      await HolidayModel.create({ date, name: 'Libur sementara' });
      return { method: 'DELETE', path: `/api/admin/holidays/${date}` };
    },
  },
  'service.list': { expect: Y, req: () => get('/api/catalog/services') },
  'upp.mine': { expect: STAFF, req: () => get('/api/upps/mine') },
  'forum.list': { expect: Y, req: () => get('/api/forums?status=all') },
  'forum.create': {
    expect: MODERATE,
    req: (w) =>
      post('/api/forums', {
        hostUppId: w.ids(w.uppA),
        title: 'Forum matriks baru',
        type: 'async',
        schedule: { opensAt: new Date().toISOString(), closesAt: future() },
      }),
  },
  'forum.byCode': { expect: Y, req: (w) => get(`/api/forums/by-code/${w.live.code}`) },
  'forum.get': { expect: DRAFT, req: (w) => get(`/api/forums/${w.ids(w.draft)}`) },
  'forum.update': {
    expect: MODERATE,
    req: (w) => ({
      method: 'PATCH',
      path: `/api/forums/${w.F}`,
      body: { title: 'Forum matriks (diubah)' },
    }),
  },
  'forum.status': {
    expect: MODERATE,
    req: async (w) =>
      post(`/api/forums/${w.ids(await w.fresh.draftForum())}/status`, { status: 'open' }),
  },
  'forum.spotlight': {
    expect: MODERATE,
    req: (w) => post(`/api/forums/${w.F}/spotlight`, { inputId: w.spotlightable }),
  },
  'forum.signals': { expect: MODERATE, req: (w) => get(`/api/forums/${w.F}/signals`) },
  'forum.log': { expect: DRAFT, req: (w) => get(`/api/forums/${w.ids(w.draft)}/log`) },
  'forum.qr': { expect: DRAFT, req: (w) => get(`/api/forums/${w.ids(w.draft)}/qr.svg`) },
  'input.create': {
    expect: Y,
    req: (w) =>
      post(`/api/forums/${w.F}/inputs`, {
        text: 'Jalan di depan pasar berlubang dan tergenang',
        kind: 'complaint',
        idempotencyKey: `mx-${w.uid()}${w.uid()}`,
      }),
  },
  'input.mine': { expect: Y, req: (w) => get(`/api/forums/${w.F}/mine`) },
  'input.similar': { expect: Y, req: (w) => get(`/api/forums/${w.F}/similar?text=antrian%20KTP`) },
  'input.queue': { expect: MODERATE, req: (w) => get(`/api/forums/${w.F}/queue`) },
  'input.vote': { expect: Y, req: (w) => post(`/api/inputs/${w.votable}/vote`, { voted: true }) },
  'input.merge': {
    expect: MODERATE,
    req: async (w) =>
      post(`/api/forums/${w.F}/merge`, {
        targetId: await w.fresh.published(),
        sourceIds: [await w.fresh.published()],
      }),
  },
  'input.approve': {
    expect: MODERATE,
    req: async (w) => post(`/api/inputs/${await w.fresh.pending()}/approve`),
  },
  'input.reject': {
    expect: MODERATE,
    req: async (w) =>
      post(`/api/inputs/${await w.fresh.pending()}/reject`, { reason: 'off_topic' }),
  },
  'input.hide': {
    expect: MODERATE,
    req: async (w) => post(`/api/inputs/${await w.fresh.published()}/hide`, { reason: 'spam' }),
  },
  'input.edit': {
    expect: MODERATE,
    req: async (w) =>
      post(`/api/inputs/${await w.fresh.pending()}/edit`, {
        text: 'Antrian pelayanan KTP terlalu panjang (disunting)',
        reason: 'privasi',
      }),
  },
  'input.answer': {
    expect: MODERATE,
    req: async (w) =>
      post(`/api/inputs/${await w.fresh.published()}/answer`, { note: 'Dijawab langsung.' }),
  },
  'input.pin': {
    expect: MODERATE,
    req: (w) => post(`/api/inputs/${w.spotlightable}/pin`, { pinned: true }),
  },
  'report.upp': { expect: INBOX_THIS, req: (w) => get(`/api/reports/upp/${w.ids(w.uppA)}`) },
  'report.agency': {
    expect: AGENCY_THIS,
    req: (w) => get(`/api/reports/agency/${w.ids(w.agencyA)}`),
  },
  'scoreboard.list': { expect: Y, req: () => get('/api/public/upps') },
  'scoreboard.get': { expect: Y, req: (w) => get(`/api/public/scoreboard/${w.uppA.slug}`) },
  // The forum is live: its minutes are public only once it closes.
  'forum.beritaAcara': {
    expect: 'F F F F Y F F F Y F Y',
    req: (w) => get(`/api/forums/${w.ids(w.quiet)}/berita-acara.pdf`),
  },
  'forum.export': {
    expect: MODERATE,
    req: (w) => get(`/api/forums/${w.ids(w.quiet)}/export.csv`),
  },
  'routing.classify': {
    expect: STAFF,
    req: () => post('/api/routing/classify', { text: 'Antrian KTP di Dukcapil sangat panjang' }),
  },
  'routing.triage': { expect: MODERATORS_ANY, req: () => get('/api/routing/triage') },
  // Each caller routes to a UPP of its own scope: another agency's admin must not take over.
  'input.route': {
    expect: MODERATE,
    perIdentity: true,
    req: async (w, who) =>
      post(`/api/inputs/${await w.fresh.published()}/route`, {
        sector: 'kependudukan',
        serviceCode: null,
        uppId: w.ids(
          who.id === 'agencyAdminOther' ? w.uppX : who.id.endsWith('OtherUpp') ? w.uppB : w.uppA,
        ),
        reason: 'matriks',
      }),
  },
  'routing.corrections': { expect: MODERATORS_ANY, req: () => get('/api/routing/corrections') },
  'routing.models': { expect: PLATFORM, req: () => get('/api/routing/models') },
  'routing.activate': {
    expect: PLATFORM,
    req: async () => {
      const v = await ModelVersionModel.findOne({ source: 'shipped' });
      return post(`/api/routing/models/${v!.versionId}/activate`);
    },
  },
  // Starts a training job (stopped with the app); kept last in the run.
  'routing.train': { expect: PLATFORM, req: () => post('/api/routing/models/train') },
  'inbox.list': { expect: STAFF, req: () => get('/api/inbox') },
  'inbox.get': {
    expect: INBOX_THIS,
    req: async (w) => get(`/api/inbox/${(await w.fresh.inboxCase()).caseId}`),
  },
  'inbox.bulk': {
    expect: INBOX_THIS,
    req: async (w) =>
      post('/api/inbox/bulk', { ids: [(await w.fresh.inboxCase()).caseId], status: 'in_progress' }),
  },
  'inbox.status': {
    expect: INBOX_THIS,
    req: async (w) =>
      post(`/api/inbox/${(await w.fresh.inboxCase()).caseId}/status`, { status: 'verified' }),
  },
  'inbox.reply': {
    expect: INBOX_THIS,
    req: async (w) =>
      post(`/api/inbox/${(await w.fresh.inboxCase()).caseId}/reply`, {
        text: 'Sedang kami tindak lanjuti.',
      }),
  },
  'inbox.reroute': {
    expect: INBOX_THIS,
    req: async (w) =>
      post(`/api/inbox/${(await w.fresh.inboxCase()).caseId}/reroute`, {
        uppId: w.ids(w.uppB),
        sector: 'kependudukan',
        serviceCode: null,
        reason: 'bukan wewenang kami',
      }),
  },
  'input.followup': {
    expect: MODERATE,
    req: async (w) =>
      post(`/api/inputs/${await w.fresh.published()}/followup`, {
        uppId: w.ids(w.uppA),
        owner: 'Kasi Pelayanan',
        what: 'Menambah loket pelayanan KTP',
        dueAt: future(),
      }),
  },
  'input.confirm': {
    expect: AUTHOR,
    req: async (w) => post(`/api/inputs/${(await w.fresh.inboxCase('resolved')).inputId}/confirm`),
  },
  'input.reopen': {
    expect: AUTHOR,
    req: async (w) =>
      post(`/api/inputs/${(await w.fresh.inboxCase('resolved')).inputId}/reopen`, {
        reason: 'Antrian masih panjang',
      }),
  },
  'notification.list': { expect: SIGNED_IN, req: () => get('/api/notifications') },
  'notification.read': { expect: SIGNED_IN, req: () => post('/api/notifications/read') },
};
