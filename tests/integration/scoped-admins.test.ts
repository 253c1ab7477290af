import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { User } from '../../server/auth/user.model';
import { migrateRoles } from '../../server/auth/roles.migration';
import { AuditModel } from '../../server/audit/audit.model';
import { InputModel } from '../../server/forums/input.model';
import { CaseModel } from '../../server/inbox/case.model';
import { buildAgency, buildForum, buildUpp, buildUser, PASSWORD } from '../helpers/factories';
import { Client } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/testApp';

let app: TestApp;
let w: Awaited<ReturnType<typeof world>>;

async function world() {
  const agencyA = await buildAgency();
  const agencyB = await buildAgency();
  const uppA = await buildUpp(agencyA._id);
  const uppB = await buildUpp(agencyB._id);
  const adminA = await buildUser('agency_admin', { agencyId: agencyA._id });
  const adminB = await buildUser('agency_admin', { agencyId: agencyB._id });
  const platform = await buildUser('platform_admin');
  const facA = await buildUser('facilitator', { uppIds: [uppA._id] });
  const facB = await buildUser('facilitator', { uppIds: [uppB._id] });
  const shared = await buildUser('facilitator', { uppIds: [uppA._id, uppB._id] });
  const login = async (u: { email: string }) => {
    const c = new Client(app.baseUrl);
    await c.login(u.email, PASSWORD);
    return c;
  };
  return {
    agencyA,
    agencyB,
    uppA,
    uppB,
    adminA,
    adminB,
    platform,
    facA,
    facB,
    shared,
    asA: await login(adminA),
    asB: await login(adminB),
    asPlatform: await login(platform),
    asFacA: await login(facA),
    asFacB: await login(facB),
  };
}

beforeAll(async () => {
  app = await startTestApp();
  w = await world();
});
afterAll(() => app.stop());

const id = (x: { _id: { toString(): string } }) => x._id.toString();

describe('an agency admin stays inside its agency', () => {
  it('cannot make itself, or an account it created, a platform admin', async () => {
    const self = `/api/admin/users/${id(w.adminA)}`;
    for (const body of [
      { agencyId: null },
      { role: 'platform_admin' },
      { role: 'platform_admin', agencyId: null },
      { agencyId: id(w.agencyB) },
    ]) {
      const r = await w.asA.patch(self, body);
      expect([400, 403], JSON.stringify(body)).toContain(r.status);
    }
    const created = await w.asA.post<{ user: { id: string } }>('/api/admin/users', {
      email: 'baru.a@uji.test',
      displayName: 'Fasilitator Baru',
      role: 'facilitator',
      password: 'sandi-baru-12345',
      uppIds: [id(w.uppA)],
    });
    expect(created.status).toBe(201);
    const up = await w.asA.patch(`/api/admin/users/${created.body.user.id}`, {
      role: 'platform_admin',
      uppIds: [],
    });
    expect(up.status).toBe(403);
    expect((await User.findById(created.body.user.id))?.role).toBe('facilitator');
    const me = await User.findById(w.adminA._id);
    expect(me?.role).toBe('agency_admin');
    expect(me?.agencyId?.toString()).toBe(id(w.agencyA));
  });

  it('creates and changes accounts of its own agency only', async () => {
    const base = { displayName: 'Orang', password: 'sandi-orang-12345' };
    const tries = [
      { role: 'platform_admin', email: 'p1@uji.test' },
      { role: 'agency_admin', agencyId: id(w.agencyB), email: 'p2@uji.test' },
      { role: 'facilitator', uppIds: [id(w.uppB)], email: 'p3@uji.test' },
      { role: 'facilitator', uppIds: [id(w.uppA), id(w.uppB)], email: 'p4@uji.test' },
    ];
    for (const t of tries) {
      expect((await w.asA.post('/api/admin/users', { ...base, ...t })).status, t.email).toBe(403);
    }
    expect(await User.countDocuments({ email: { $in: tries.map((t) => t.email) } })).toBe(0);
    // Its own agency admin (agency taken from its own) is fine.
    const own = await w.asA.post<{ user: { agencyId: string } }>('/api/admin/users', {
      ...base,
      role: 'agency_admin',
      email: 'p5@uji.test',
    });
    expect(own.status).toBe(201);
    expect(own.body.user.agencyId).toBe(id(w.agencyA));
    // Moving its facilitator into another agency's UPP, or editing other agencies' staff.
    expect(
      (await w.asA.patch(`/api/admin/users/${id(w.facA)}`, { uppIds: [id(w.uppB)] })).status,
    ).toBe(403);
    expect((await w.asA.patch(`/api/admin/users/${id(w.facB)}`, { displayName: 'X' })).status).toBe(
      403,
    );
    // An account shared by two agencies belongs to the platform.
    expect((await w.asA.patch(`/api/admin/users/${id(w.shared)}`, { active: false })).status).toBe(
      403,
    );
    expect(
      (await w.asPlatform.patch(`/api/admin/users/${id(w.shared)}`, { displayName: 'Bersama' }))
        .status,
    ).toBe(200);
  });

  it('keeps the agency invariant in the model: a forgotten field never makes a platform admin', async () => {
    const r = await w.asPlatform.post<{ error: { message: string } }>('/api/admin/users', {
      email: 'lupa@uji.test',
      displayName: 'Lupa Instansi',
      role: 'agency_admin',
      password: 'sandi-lupa-12345',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/instansi/);
    await expect(
      User.create({
        email: 'x1@uji.test',
        displayName: 'X',
        role: 'agency_admin',
        passwordHash: 'h',
      }),
    ).rejects.toThrow(/agency/);
    await expect(
      User.create({
        email: 'x2@uji.test',
        displayName: 'X',
        role: 'facilitator',
        agencyId: w.agencyA._id,
        passwordHash: 'h',
      }),
    ).rejects.toThrow(/agency/);
  });

  it("cannot take over another agency's input by routing it to its own UPP", async () => {
    const forum = await buildForum(w.uppA, { settings: { moderation: 'post' } });
    const citizen = new Client(app.baseUrl);
    const made = await citizen.post<{ input: { id: string } }>(`/api/forums/${forum._id}/inputs`, {
      text: 'Pelayanan akta kelahiran di kantor ini lambat sekali',
      kind: 'complaint',
      idempotencyKey: 'takeover-00000001',
    });
    const inputId = made.body.input.id;
    const routeTo = (c: Client, uppId: string) =>
      c.post(`/api/inputs/${inputId}/route`, {
        sector: 'kependudukan',
        serviceCode: null,
        uppId,
        reason: 'ambil alih',
      });
    expect((await routeTo(w.asB, id(w.uppB))).status).toBe(403);
    expect((await routeTo(w.asFacB, id(w.uppB))).status).toBe(403);
    expect((await InputModel.findById(inputId))?.routing?.uppId?.toString()).not.toBe(id(w.uppB));
    // Routed into A's inbox by A: B cannot re-route the case away from there either.
    expect((await routeTo(w.asA, id(w.uppA))).status).toBe(200);
    const c = await CaseModel.findOne({ inputId });
    const reroute = await w.asB.post(`/api/inbox/${c!._id}/reroute`, {
      uppId: id(w.uppB),
      sector: 'kependudukan',
      serviceCode: null,
      reason: 'ambil alih',
    });
    expect(reroute.status).toBe(403);
    expect((await CaseModel.findById(c!._id))?.uppId.toString()).toBe(id(w.uppA));
  });

  it('reads the audit log of its own agency only', async () => {
    await w.asFacA.post('/api/forums', {
      hostUppId: id(w.uppA),
      title: 'Forum audit A',
      type: 'async',
      schedule: {
        opensAt: new Date().toISOString(),
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    });
    const seen = async (c: Client) =>
      (await c.get<{ entries: { actorId: string | null }[] }>('/api/admin/audit')).body.entries.map(
        (e) => e.actorId,
      );
    expect(await seen(w.asA)).toContain(id(w.facA));
    expect(await seen(w.asB)).not.toContain(id(w.facA));
    expect(await seen(w.asPlatform)).toContain(id(w.facA));
    const total = await AuditModel.countDocuments();
    expect((await w.asB.get<{ total: number }>('/api/admin/audit')).body.total).toBeLessThan(total);
  });

  it('shows routing corrections to those who run the forum, masked, and withholds inputs rejected for personal data', async () => {
    const forum = await buildForum(w.uppA, { settings: { moderation: 'post' } });
    const citizen = new Client(app.baseUrl);
    const post = async (text: string, key: string) =>
      (
        await citizen.post<{ input: { id: string } }>(`/api/forums/${forum._id}/inputs`, {
          text,
          kind: 'complaint',
          idempotencyKey: key,
        })
      ).body.input.id;
    const withPhone = await post(
      'Hubungi saya di 0812-3456-7890 soal KTP yang hilang',
      'corr-000000001',
    );
    const personal = await post(
      'NIK saya 3201234567890123 belum terdaftar di kantor',
      'corr-000000002',
    );
    for (const i of [withPhone, personal]) {
      const r = await w.asFacA.post(`/api/inputs/${i}/route`, {
        sector: 'kependudukan',
        serviceCode: null,
        uppId: id(w.uppA),
        reason: 'koreksi',
      });
      expect(r.status).toBe(200);
    }
    expect(
      (await w.asFacA.post(`/api/inputs/${personal}/hide`, { reason: 'personal_data' })).status,
    ).toBe(200);
    type C = { corrections: { inputId: string; text: string }[] };
    const mine = (await w.asFacA.get<C>('/api/routing/corrections')).body.corrections;
    const phone = mine.find((c) => c.inputId === withPhone);
    expect(phone?.text).toMatch(/disamarkan/);
    expect(phone?.text).not.toMatch(/3456/);
    const hidden = mine.find((c) => c.inputId === personal);
    expect(hidden?.text).not.toMatch(/3201/);
    expect(hidden?.text).toMatch(/data pribadi/);
    const others = (await w.asFacB.get<C>('/api/routing/corrections')).body.corrections;
    expect(others.map((c) => c.inputId)).not.toContain(withPhone);
    const otherAgency = (await w.asB.get<C>('/api/routing/corrections')).body.corrections;
    expect(otherAgency.map((c) => c.inputId)).not.toContain(withPhone);
  });
});

describe('the role migration at start-up', () => {
  it('turns legacy admins into platform or agency admins and drops stray fields, once', async () => {
    const users = User.collection;
    const now = new Date();
    const base = { passwordHash: 'h', active: true, createdAt: now, updatedAt: now };
    await users.insertMany([
      { ...base, email: 'lama1@uji.test', displayName: 'Lama 1', role: 'admin', uppIds: [] },
      {
        ...base,
        email: 'lama2@uji.test',
        displayName: 'Lama 2',
        role: 'admin',
        agencyId: w.agencyA._id,
        uppIds: [],
      },
      {
        ...base,
        email: 'lama3@uji.test',
        displayName: 'Lama 3',
        role: 'facilitator',
        agencyId: w.agencyA._id,
        uppIds: [w.uppA._id],
      },
    ]);
    const first = await migrateRoles();
    expect(first.platformAdmins).toEqual(['lama1@uji.test']);
    expect(first.agencyAdmins).toBe(1);
    const byEmail = async (email: string) => User.findOne({ email });
    expect((await byEmail('lama1@uji.test'))?.role).toBe('platform_admin');
    expect((await byEmail('lama2@uji.test'))?.role).toBe('agency_admin');
    expect((await byEmail('lama2@uji.test'))?.agencyId?.toString()).toBe(id(w.agencyA));
    expect((await byEmail('lama3@uji.test'))?.agencyId).toBeUndefined();
    const second = await migrateRoles();
    expect(second).toEqual({ agencyAdmins: 0, platformAdmins: [], cleaned: 0 });
    // The migrated agency admin signs in and is scoped to its agency.
    await users.updateOne(
      { email: 'lama2@uji.test' },
      { $set: { passwordHash: w.adminA.passwordHash } },
    );
    const c = new Client(app.baseUrl);
    await c.login('lama2@uji.test', PASSWORD);
    const agencies = await c.get<{ agencies: { id: string }[] }>('/api/admin/agencies');
    expect(agencies.body.agencies.map((a) => a.id)).toEqual([id(w.agencyA)]);
  });
});
