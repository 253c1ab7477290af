import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Dashboard,
  InboxItem,
  InboxList,
  Notification,
  Scoreboard,
} from '../../shared/schemas/inbox';
import type { Input } from '../../shared/schemas/input';
import { seedCatalog } from '../../server/catalog/catalog.seed';
import { ManualClock } from '../../server/clock';
import { CaseModel } from '../../server/inbox/case.model';
import { runEscalation } from '../../server/inbox/escalation';
import { flushOutbox, type MailTransport } from '../../server/notify/mailer';
import { OutboxModel } from '../../server/notify/notification.model';
import { buildAgency, buildForum, buildUpp, buildUser, PASSWORD } from '../helpers/factories';
import { Client } from '../helpers/http';
import { eventually, openSocket, type TestSocket } from '../helpers/sockets';
import { startTestApp, type TestApp } from '../helpers/testApp';

// Thursday 17 December 2026, 10:00 WIB.
const clock = new ManualClock(new Date('2026-12-17T10:00:00+07:00'));
const sent: { to: string; subject: string }[] = [];
let smtpDown = true;
const transport: MailTransport = {
  send: async (m) => {
    if (smtpDown) throw new Error('ECONNREFUSED smtp');
    sent.push(m);
  },
};

let app: TestApp;
let w: Awaited<ReturnType<typeof world>>;
const sockets: TestSocket[] = [];

async function world() {
  const agency = await buildAgency();
  const pupr = await buildUpp(agency._id, {
    name: 'Dinas PUPR Uji',
    serviceCodes: ['LNG-0117-02'],
  });
  const other = await buildUpp(agency._id, { name: 'DLH Uji', serviceCodes: ['LNG-0140-01'] });
  const head = await buildUser('upp_head', { uppIds: [pupr._id] });
  const otherHead = await buildUser('upp_head', { uppIds: [other._id] });
  const admin = await buildUser('agency_admin', { agencyId: agency._id });
  const facilitator = await buildUser('facilitator', { uppIds: [pupr._id] });
  const forum = await buildForum(pupr, { settings: { moderation: 'post' } });
  return { agency, pupr, other, head, otherHead, admin, facilitator, forum };
}

beforeAll(async () => {
  app = await startTestApp({ clock, mail: transport });
  await seedCatalog();
  w = await world();
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await app.stop();
});

async function login(email: string) {
  const c = new Client(app.baseUrl);
  await c.login(email, PASSWORD);
  return c;
}

async function citizenSubmits(text: string, key: string, contactEmail = '') {
  const http = new Client(app.baseUrl);
  await http.get('/api/auth/me');
  const r = await http.post<{ input: Input }>(`/api/forums/${w.forum._id}/inputs`, {
    text,
    kind: 'complaint',
    idempotencyKey: key,
    contactEmail,
  });
  expect(r.status).toBe(201);
  const socket = await openSocket(http);
  sockets.push(socket);
  return { http, socket, input: r.body.input };
}

describe('the UPP inbox closes the loop with the citizen', () => {
  it('computes the deadline from the service standard in working days', async () => {
    const { input } = await citizenSubmits(
      'Jalan Mawar berlubang besar di depan pasar, mohon ditambal sebelum musim hujan',
      'inbox-deadline-01',
    );
    const c = await CaseModel.findOne({ inputId: input.id });
    expect(c?.uppId.toString()).toBe(w.pupr._id.toString());
    // Road repairs: 5 working days; from Thursday 17 Dec, skipping the weekend -> Thu 24 Dec.
    expect(c?.deadline.toISOString()).toBe(new Date('2026-12-24T23:59:59.999+07:00').toISOString());
  });

  it('tells open inboxes of the UPP in real time, and notifies its head', async () => {
    const head = await login(w.head.email);
    const socket = await openSocket(head);
    sockets.push(socket);
    const changed: string[] = [];
    const notes: string[] = [];
    socket.on('inbox.changed', (p) => changed.push(p.uppId));
    socket.on('notification.new', (n) => notes.push(n.kind));
    await citizenSubmits(
      'Jalan di Gang Nangka rusak parah berlubang, mohon diaspal ulang',
      'inbox-live-00001',
    );
    await eventually(() => changed.includes(w.pupr._id.toString()) && notes.includes('case.new'));
  });

  it('a reply reaches the citizen live and by e-mail (kept through an SMTP outage); the citizen confirms', async () => {
    const { http, socket, input } = await citizenSubmits(
      'Gorong-gorong di Jl. Kenanga tersumbat, air meluap ke jalan tiap hujan',
      'inbox-reply-0001',
      'warga@contoh.test',
    );
    const mine: Input[] = [];
    socket.on('input.mine', (i) => mine.push(i));
    const head = await login(w.head.email);
    const list = await head.get<InboxList>('/api/inbox?status=open&sort=deadline');
    const item = list.body.items.find((i) => i.inputId === input.id)!;
    expect(item.status).toBe('received');

    const r = await head.post<{ item: InboxItem }>(`/api/inbox/${item.id}/reply`, {
      text: 'Terima kasih. Tim drainase dijadwalkan membersihkan gorong-gorong pada Senin, 21 Desember.',
      resolve: true,
    });
    expect(r.status).toBe(200);
    expect(r.body.item.status).toBe('resolved');
    await eventually(() => mine.some((i) => i.case?.replies.length === 1 && i.case.canConfirm));

    // The mail server is down: nothing is lost, the message waits and is retried.
    expect((await flushOutbox(clock, transport)).sent).toBe(0);
    const queued = await OutboxModel.findOne({ to: 'warga@contoh.test' });
    expect(queued).toMatchObject({ status: 'pending', attempts: 1 });
    smtpDown = false;
    clock.advance(61_000);
    await flushOutbox(clock, transport);
    expect(sent.map((m) => m.to)).toContain('warga@contoh.test');

    // Another browser cannot confirm someone else's input.
    const stranger = new Client(app.baseUrl);
    await stranger.get('/api/auth/me');
    expect((await stranger.post(`/api/inputs/${input.id}/confirm`)).status).toBe(403);
    const confirmed = await http.post<{ input: Input }>(`/api/inputs/${input.id}/confirm`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.input.case?.status).toBe('citizen_confirmed');
  });

  it('lets the citizen reopen a resolved item once, with a reason', async () => {
    const { http, input } = await citizenSubmits(
      'Jembatan kecil di Kampung Sawah retak, berbahaya untuk anak sekolah',
      'inbox-reopen-001',
    );
    const head = await login(w.head.email);
    const item = (await head.get<InboxList>('/api/inbox')).body.items.find(
      (i) => i.inputId === input.id,
    )!;
    await head.post(`/api/inbox/${item.id}/reply`, {
      text: 'Sudah diperbaiki kemarin sore.',
      resolve: true,
    });
    const reopened = await http.post<{ input: Input }>(`/api/inputs/${input.id}/reopen`, {
      reason: 'Retaknya masih ada, hanya ditutup papan.',
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body.input.case?.status).toBe('in_progress');
    await head.post(`/api/inbox/${item.id}/reply`, {
      text: 'Maaf, tim kembali besok pagi.',
      resolve: true,
    });
    const again = await http.post<{ error: { message: string } }>(
      `/api/inputs/${input.id}/reopen`,
      {
        reason: 'masih belum',
      },
    );
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/satu kali/);
  });

  it('escalates an overdue item once to the UPP head, then once to the agency admin', async () => {
    const { input } = await citizenSubmits(
      'Aspal jalan Flamboyan mengelupas dan berlubang sepanjang 50 meter, sudah lapor RT tapi belum ada tindakan',
      'inbox-escalate-01',
    );
    const c = (await CaseModel.findOne({ inputId: input.id }))!;
    clock.set(new Date(c.deadline.getTime() + 60_000));
    const first = await runEscalation(app.ctx);
    expect(first.level1).toBeGreaterThanOrEqual(1);
    const again = await runEscalation(app.ctx);
    expect(again).toMatchObject({ level1: 0, level2: 0, examined: 0 });
    expect((await CaseModel.findById(c._id))?.escalationLevel).toBe(1);

    const head = await login(w.head.email);
    const notes = await head.get<{ notifications: Notification[] }>('/api/notifications');
    expect(
      notes.body.notifications.filter(
        (n) => n.kind === 'case.overdue' && n.caseId === c._id.toString(),
      ),
    ).toHaveLength(1);
    const overdue = await head.get<InboxList>('/api/inbox?overdue=true');
    expect(overdue.body.items.find((i) => i.id === c._id.toString())?.overdue).toBe(true);

    // Three working days later it goes to the agency admin, once.
    clock.set(new Date(c.deadline.getTime() + 6 * 86_400_000));
    expect((await runEscalation(app.ctx)).level2).toBeGreaterThanOrEqual(1);
    expect((await runEscalation(app.ctx)).level2).toBe(0);
    const admin = await login(w.admin.email);
    const adminNotes = await admin.get<{ notifications: Notification[] }>('/api/notifications');
    expect(
      adminNotes.body.notifications.filter(
        (n) => n.kind === 'case.escalated' && n.caseId === c._id.toString(),
      ),
    ).toHaveLength(1);
    const log = await admin.get<{ entries: { action: string; target: string }[] }>(
      '/api/admin/audit',
    );
    expect(
      log.body.entries
        .filter((e) => e.target === `case:${c._id}`)
        .map((e) => e.action)
        .sort(),
    ).toEqual(['case.escalate.1', 'case.escalate.2']);
  });

  it('"bukan wewenang" moves the item to another UPP and records a routing correction', async () => {
    const { input } = await citizenSubmits(
      'Jalan depan rumah tergenang karena saluran tersumbat sampah dari pasar',
      'inbox-reroute-001',
    );
    const head = await login(w.head.email);
    const item = (await head.get<InboxList>('/api/inbox')).body.items.find(
      (i) => i.inputId === input.id,
    )!;
    const r = await head.post<{ item: InboxItem }>(`/api/inbox/${item.id}/reroute`, {
      uppId: w.other._id.toString(),
      sector: 'lingkungan',
      serviceCode: 'LNG-0140-01',
      reason: 'Sumber masalah sampah pasar, wewenang DLH',
    });
    expect(r.status).toBe(200);
    expect(r.body.item.uppId).toBe(w.other._id.toString());
    const otherInbox = await (await login(w.otherHead.email)).get<InboxList>('/api/inbox');
    expect(otherInbox.body.items.map((i) => i.inputId)).toContain(input.id);
    const corrections = await (
      await login(w.facilitator.email)
    ).get<{ corrections: { inputId: string; kind: string }[] }>('/api/routing/corrections');
    expect(corrections.body.corrections).toContainEqual(
      expect.objectContaining({ inputId: input.id, kind: 'not_our_authority' }),
    );
  });

  it('requires a reason to postpone, and refuses another UPP', async () => {
    const { input } = await citizenSubmits(
      'Jalan aspal di Jl. Melati amblas dan berlubang dalam, mohon ditambal',
      'inbox-postpone-1',
    );
    const head = await login(w.head.email);
    const item = (await head.get<InboxList>('/api/inbox')).body.items.find(
      (i) => i.inputId === input.id,
    )!;
    expect((await head.post(`/api/inbox/${item.id}/status`, { status: 'postponed' })).status).toBe(
      400,
    );
    const ok = await head.post<{ item: InboxItem }>(`/api/inbox/${item.id}/status`, {
      status: 'postponed',
      reason: 'Menunggu anggaran perubahan',
    });
    expect(ok.body.item).toMatchObject({
      status: 'postponed',
      postponedReason: 'Menunggu anggaran perubahan',
    });
    const other = await login(w.otherHead.email);
    expect((await other.post(`/api/inbox/${item.id}/status`, { status: 'resolved' })).status).toBe(
      403,
    );
  });

  it('turns an input answered in the forum into a follow-up commitment in the inbox', async () => {
    const { input } = await citizenSubmits(
      'Lampu dan marka di jalan lingkar sudah pudar, jalan berlubang di tikungan',
      'inbox-followup-01',
    );
    const fac = await login(w.facilitator.email);
    const due = new Date(clock.now().getTime() + 30 * 86_400_000).toISOString();
    const r = await fac.post<{ item: InboxItem }>(`/api/inputs/${input.id}/followup`, {
      uppId: w.pupr._id.toString(),
      owner: 'Kabid Bina Marga',
      what: 'Survei dan penambalan jalan lingkar sebelum akhir Januari',
      dueAt: due,
    });
    expect(r.status).toBe(201);
    expect(r.body.item).toMatchObject({ type: 'followup', owner: 'Kabid Bina Marga', dueAt: due });
    const inbox = await (await login(w.head.email)).get<InboxList>('/api/inbox?sort=received');
    expect(inbox.body.items.map((i) => i.id)).toContain(r.body.item.id);
    const citizenTry = new Client(app.baseUrl);
    await citizenTry.get('/api/auth/me');
    expect((await citizenTry.post(`/api/inputs/${input.id}/followup`, {})).status).toBe(401);
  });

  it('reports per UPP and publishes a scoreboard without personal data', async () => {
    const head = await login(w.head.email);
    const d = await head.get<Dashboard>(`/api/reports/upp/${w.pupr._id}`);
    expect(d.status).toBe(200);
    expect(d.body.total).toBeGreaterThanOrEqual(5);
    expect(d.body.volumeByWeek).toHaveLength(12);
    expect(d.body.topSectors[0]?.key).toBe('pekerjaan_umum');
    expect(d.body.withinStandardShare).not.toBeNull();
    expect(
      (await (await login(w.otherHead.email)).get(`/api/reports/upp/${w.pupr._id}`)).status,
    ).toBe(403);

    const board = await new Client(app.baseUrl).get<Scoreboard>(
      `/api/public/scoreboard/${w.pupr.slug}`,
    );
    expect(board.status).toBe(200);
    expect(board.body.received).toBeGreaterThanOrEqual(4);
    expect(board.body.answered).toBeGreaterThanOrEqual(2);
    expect(board.body.perService[0]?.serviceCode).toBe('LNG-0117-02');
    expect(JSON.stringify(board.body)).not.toMatch(/warga@contoh\.test|authorKey|Jl\. Kenanga/);
  });
});
