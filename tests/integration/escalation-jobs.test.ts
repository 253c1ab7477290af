import os from 'node:os';
import path from 'node:path';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp, type App } from '../../server/app';
import { ManualClock } from '../../server/clock';
import { loadConfig } from '../../server/config';
import { CaseModel, type CaseFields } from '../../server/inbox/case.model';
import { runEscalation } from '../../server/inbox/escalation';
import { EscalationLogModel } from '../../server/inbox/escalation.model';
import { CalendarStore } from '../../server/holidays/holiday';
import type { MailTransport } from '../../server/notify/mailer';
import { NotificationModel, OutboxModel } from '../../server/notify/notification.model';
import { buildAgency, buildUpp, buildUser } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/testApp';

// Thursday 17 December 2026, 10:00 WIB.
const clock = new ManualClock(new Date('2026-12-17T10:00:00+07:00'));
const HOUR = 3_600_000;
const mail: MailTransport = { send: async () => undefined };
let app: TestApp;
/** A second app instance on the same database, with its own (in-memory) coordinator. */
let other: App;

beforeAll(async () => {
  app = await startTestApp({ clock, routing: false, mail });
  const calendar = new CalendarStore();
  await calendar.seedDefaults();
  other = createApp({
    config: loadConfig({
      NODE_ENV: 'test',
      SESSION_SECRET: 'test-secret-0123456789-0123456789-abcdef',
      DATA_DIR: path.join(os.tmpdir(), `forum-test-other-${app.dbName}`),
    }),
    clock,
    engine: null,
    calendar,
    mail,
  });
});
afterAll(async () => {
  await other?.close();
  await app.stop();
});

/** A UPP with two heads, its agency with one admin; the cases of earlier tests are answered. */
async function unit() {
  await CaseModel.updateMany({ status: 'received' }, { $set: { status: 'resolved' } });
  const agency = await buildAgency();
  const upp = await buildUpp(agency._id);
  const heads = [
    await buildUser('upp_head', { uppIds: [upp._id] }),
    await buildUser('upp_head', { uppIds: [upp._id] }),
  ];
  const admin = await buildUser('agency_admin', { agencyId: agency._id });
  return { agency, upp, heads, admin };
}

function caseDocs(
  u: Awaited<ReturnType<typeof unit>>,
  n: number,
  over: (i: number) => Partial<CaseFields>,
): Partial<CaseFields>[] {
  const forumId = new Types.ObjectId();
  return Array.from({ length: n }, (_, i) => ({
    type: 'input' as const,
    forumId,
    uppId: u.upp._id,
    agencyId: u.agency._id,
    text: `Masukan uji nomor ${i}`,
    status: 'received' as const,
    receivedAt: new Date(clock.now().getTime() - 10 * 24 * HOUR),
    ...over(i),
  }));
}

/** Notifications of a kind per case for these users: every count must be exactly `each`. */
async function perCase(kind: string, userIds: Types.ObjectId[]) {
  const rows = await NotificationModel.aggregate<{ _id: { c: unknown; u: unknown }; n: number }>([
    { $match: { kind, userId: { $in: userIds } } },
    { $group: { _id: { c: '$caseId', u: '$userId' }, n: { $sum: 1 } } },
  ]);
  return rows.map((r) => r.n);
}

describe('escalation cannot starve and happens once per level', () => {
  it(
    '600 overdue cases, 500 already escalated with earlier deadlines: one run escalates the 100 new ones',
    { timeout: 90_000 },
    async () => {
      const u = await unit();
      const now = clock.now().getTime();
      // Inserted first and due first: an unsorted limit(500) returned exactly these.
      await CaseModel.insertMany(
        caseDocs(u, 500, (i) => ({
          deadline: new Date(now - 30 * HOUR - i * 1000),
          escalationLevel: 1,
          escalations: [{ level: 1, at: new Date(now - 20 * HOUR) }],
          level2At: new Date('2026-12-21T23:59:59.999+07:00'),
        })),
      );
      await CaseModel.insertMany(
        caseDocs(u, 100, (i) => ({ deadline: new Date(now - 2 * HOUR - i * 1000) })),
      );
      const run = await runEscalation(app.ctx);
      expect(run).toMatchObject({ level1: 100, level2: 0, failed: 0 });
      expect(await CaseModel.countDocuments({ uppId: u.upp._id, escalationLevel: 0 })).toBe(0);
      const notes = await perCase(
        'case.overdue',
        u.heads.map((h) => h._id),
      );
      expect(notes).toHaveLength(200); // 100 new cases x 2 heads, once each
      expect(notes.every((n) => n === 1)).toBe(true);
      // Nothing left to do: a second run examines nothing.
      expect(await runEscalation(app.ctx)).toMatchObject({ examined: 0, level1: 0 });
    },
  );

  it('a case escalated before level2At existed gets it once, waits unselected, and reaches level 2 when due', async () => {
    const u = await unit();
    const deadline = new Date('2026-12-16T23:59:59.999+07:00'); // Wednesday night
    const { insertedId } = await CaseModel.collection.insertOne({
      ...caseDocs(u, 1, () => ({ deadline }))[0],
      escalationLevel: 1,
      escalations: [{ level: 1, at: new Date('2026-12-17T00:05:00+07:00') }],
      replies: [],
      citizen: { confirmedAt: null, reopenedAt: null, reopenReason: null },
    });
    expect((await CaseModel.collection.findOne({ _id: insertedId }))?.level2At).toBeUndefined();
    expect(await runEscalation(app.ctx)).toMatchObject({ examined: 1, level2: 0 });
    // Three working days after Wednesday: Thursday, Friday, Monday 21 December, end of day.
    const stored = await CaseModel.findById(insertedId);
    expect(stored?.level2At?.toISOString()).toBe(
      new Date('2026-12-21T23:59:59.999+07:00').toISOString(),
    );
    expect(await runEscalation(app.ctx)).toMatchObject({ examined: 0 });
    clock.set(new Date('2026-12-22T08:00:00+07:00'));
    expect(await runEscalation(app.ctx)).toMatchObject({ examined: 1, level2: 1 });
    expect(await perCase('case.escalated', [u.admin._id])).toEqual([1]);
    expect(
      await perCase(
        'case.overdue',
        u.heads.map((h) => h._id),
      ),
    ).toEqual([]);
    clock.set(new Date('2026-12-17T10:00:00+07:00'));
  });

  it('works in batches, oldest deadline first, and stops at the bound per run', async () => {
    const u = await unit();
    const now = clock.now().getTime();
    const docs = await CaseModel.insertMany(
      caseDocs(u, 30, (i) => ({ deadline: new Date(now - HOUR - (30 - i) * 60_000) })),
    );
    const first = await runEscalation(app.ctx, { batchSize: 7, maxCases: 12 });
    expect(first.level1).toBe(12);
    const done = await CaseModel.find({ uppId: u.upp._id, escalationLevel: 1 }, { _id: 1 });
    // The 12 with the earliest deadlines (inserted first here).
    expect(done.map((d) => String(d._id)).sort()).toEqual(
      docs
        .slice(0, 12)
        .map((d) => String(d._id))
        .sort(),
    );
    expect((await runEscalation(app.ctx, { batchSize: 7 })).level1).toBe(18);
  });

  it(
    'two app instances running the job at once notify (and mail) each case exactly once per level',
    { timeout: 90_000 },
    async () => {
      const u = await unit();
      const now = clock.now().getTime();
      await CaseModel.insertMany(
        caseDocs(u, 40, (i) => ({ deadline: new Date(now - HOUR - i * 1000) })),
      );
      const [a, b] = await Promise.all([runEscalation(app.ctx), runEscalation(other.ctx)]);
      // Both may record a case (FerretDB's conditional updates are not atomic); never fewer.
      expect(a.level1 + b.level1).toBeGreaterThanOrEqual(40);
      const overdue = await perCase(
        'case.overdue',
        u.heads.map((h) => h._id),
      );
      expect(overdue).toHaveLength(80);
      expect(overdue.every((n) => n === 1)).toBe(true);
      expect(await OutboxModel.countDocuments({ to: u.heads[0]!.email })).toBe(40);

      // Three working days later (Fri, Mon, Tue): level 2 for all 40, again from both at once.
      clock.set(new Date('2026-12-23T00:30:00+07:00'));
      const [c, d] = await Promise.all([runEscalation(other.ctx), runEscalation(app.ctx)]);
      expect(c.level2 + d.level2).toBeGreaterThanOrEqual(40);
      const escalated = await perCase('case.escalated', [u.admin._id]);
      expect(escalated).toHaveLength(40);
      expect(escalated.every((n) => n === 1)).toBe(true);
      expect(await OutboxModel.countDocuments({ to: u.admin.email })).toBe(40);
      expect(await CaseModel.countDocuments({ uppId: u.upp._id, escalationLevel: 2 })).toBe(40);
      clock.set(new Date('2026-12-17T10:00:00+07:00'));
    },
  );

  it(
    'a process that dies midway: the restarted job finishes the work without notifying twice',
    { timeout: 60_000 },
    async () => {
      const u = await unit();
      const now = clock.now().getTime();
      await CaseModel.insertMany(
        caseDocs(u, 24, (i) => ({ deadline: new Date(now - HOUR - i * 1000) })),
      );
      // The dying process: its 10th notification is stored, then it (and everything after) fails.
      const notifier = other.ctx.notifier;
      const real = notifier.toUsers.bind(notifier);
      let calls = 0;
      notifier.toUsers = async (...args) => {
        calls += 1;
        if (calls > 10) throw new Error('process died');
        await real(...args);
        if (calls === 10) throw new Error('process died');
      };
      const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const dying = await runEscalation(other.ctx);
      quiet.mockRestore();
      notifier.toUsers = real;
      expect(dying.level1).toBe(9);
      expect(dying.failed).toBe(15);
      expect(await CaseModel.countDocuments({ uppId: u.upp._id, escalationLevel: 1 })).toBe(9);
      // The case cut short: claimed and notified, not yet recorded on the case.
      expect(await EscalationLogModel.countDocuments({ state: 'claimed' })).toBeGreaterThanOrEqual(
        1,
      );

      const restarted = await runEscalation(app.ctx);
      expect(restarted).toMatchObject({ level1: 15, failed: 0 });
      expect(await CaseModel.countDocuments({ uppId: u.upp._id, escalationLevel: 1 })).toBe(24);
      const notes = await perCase(
        'case.overdue',
        u.heads.map((h) => h._id),
      );
      expect(notes).toHaveLength(48);
      expect(notes.every((n) => n === 1)).toBe(true);
      expect(await EscalationLogModel.countDocuments({ state: 'claimed' })).toBe(0);
    },
  );
});
