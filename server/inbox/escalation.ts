import type { Types } from 'mongoose';
import { OPEN_CASE_STATUSES } from '../../shared/domain/inbox';
import { Upp } from '../admin/upp.model';
import { audit } from '../audit/audit.service';
import { log } from '../lib/logger';
import type { ServiceContext } from '../context';
import { computeDeadline, inZone, LAPOR_VERIFY_DAYS, type Calendar } from './deadline';
import { CaseModel, type CaseDoc } from './case.model';
import { escalationKey, EscalationLogModel } from './escalation.model';

/** Cases read per query, and examined per run at most (the next run, a minute later, goes on). */
export const ESCALATION_BATCH = 100;
export const ESCALATION_MAX_PER_RUN = 2000;

export interface EscalationRun {
  /** Cases this run brought to level 1 and to level 2 (recorded on the case by this run). */
  level1: number;
  level2: number;
  /** Cases examined. */
  examined: number;
  /** Cases that failed (logged; tried again next run). */
  failed: number;
}

/**
 * Cases that are due for their next level: level 0 past the deadline, level 1 past the moment
 * level 2 falls due (or, for cases escalated before that moment was stored, past the deadline:
 * examined once, then they carry it). Cases already escalated at their current level and not
 * yet due for the next are not selected, so they cannot crowd out newly overdue ones.
 */
function dueFilter(now: Date) {
  return {
    status: { $in: OPEN_CASE_STATUSES },
    $or: [
      { escalationLevel: 0, deadline: { $lt: now } },
      { escalationLevel: 1, level2At: { $lte: now } },
      { escalationLevel: 1, level2At: null, deadline: { $lt: now } },
    ],
  };
}

/**
 * Escalates overdue cases, oldest deadline first, in batches until none is due (at most
 * ESCALATION_MAX_PER_RUN per run): level 1 (UPP head) when the deadline passes, level 2 (agency
 * admin) when the case is still open 3 working days later, counted in the UPP's time zone.
 *
 * Each level of each case happens once, across restarts and processes: the level is claimed by
 * inserting its key into the escalation log (a duplicate means another run owns it); the
 * notifications carry ids derived from that key (sending them again stores nothing); the case
 * records the level last, so a run that died midway leaves the case selected and the next run
 * finishes it without notifying anyone twice. The job also runs under the coordinator's
 * `job:escalation` lock (server/domain.ts), so normally one process runs it at a time.
 */
export async function runEscalation(
  ctx: ServiceContext,
  opts: { batchSize?: number; maxCases?: number } = {},
): Promise<EscalationRun> {
  const now = ctx.clock.now();
  const batchSize = opts.batchSize ?? ESCALATION_BATCH;
  const max = opts.maxCases ?? ESCALATION_MAX_PER_RUN;
  const run: EscalationRun = { level1: 0, level2: 0, examined: 0, failed: 0 };
  const skip: Types.ObjectId[] = [];
  const recipients = new Map<string, Promise<string[]>>();
  while (run.examined < max) {
    const batch = await CaseModel.find({
      ...dueFilter(now),
      ...(skip.length ? { _id: { $nin: skip } } : {}),
    })
      .sort({ deadline: 1, _id: 1 })
      .limit(Math.min(batchSize, max - run.examined));
    if (!batch.length) break;
    const zones = await uppZones(batch);
    for (const c of batch) {
      run.examined += 1;
      try {
        const cal = inZone(ctx.calendar(), zones.get(c.uppId.toString()));
        const made = await escalateCase(ctx, c, now, cal, recipients);
        run.level1 += made.level1;
        run.level2 += made.level2;
      } catch (err) {
        run.failed += 1;
        // Not selected again in this run; the next run tries again.
        skip.push(c._id);
        log.error({ scope: 'escalation', caseId: c._id.toString(), err }, 'case escalation failed');
      }
    }
  }
  return run;
}

async function uppZones(cases: CaseDoc[]): Promise<Map<string, string>> {
  const ids = [...new Set(cases.map((c) => c.uppId.toString()))];
  const upps = await Upp.find({ _id: { $in: ids } }, { timeZone: 1 });
  return new Map(upps.map((u) => [u._id.toString(), u.timeZone]));
}

const isDuplicate = (err: unknown) => (err as { code?: number }).code === 11000;

/** Inserts the level's key; false when it was already there (another run owns it). */
async function claim(c: CaseDoc, level: number, now: Date): Promise<boolean> {
  try {
    await EscalationLogModel.create({
      _id: escalationKey(c._id, level, c.deadline),
      caseId: c._id,
      level,
      deadline: c.deadline,
      at: now,
      state: 'claimed',
    });
    return true;
  } catch (err) {
    if (isDuplicate(err)) return false;
    throw err;
  }
}

/** Who is told, looked up once per UPP (level 1) or agency (level 2) in a run. */
type Recipients = Map<string, Promise<string[]>>;

async function notifyLevel(
  ctx: ServiceContext,
  c: CaseDoc,
  level: number,
  recipients: Recipients,
): Promise<void> {
  const key = escalationKey(c._id, level, c.deadline);
  const summary = c.text.slice(0, 80);
  const once = (k: string, find: () => Promise<string[]>) => {
    let p = recipients.get(k);
    if (!p) recipients.set(k, (p = find()));
    return p;
  };
  if (level === 1) {
    const heads = await once(`upp:${c.uppId.toString()}`, () =>
      ctx.notifier.uppStaff(c.uppId, ['upp_head']),
    );
    await ctx.notifier.toUsers(heads, 'case.overdue', `Lewat batas waktu: ${summary}`, c._id, {
      key,
    });
  } else {
    const admins = await once(`agency:${c.agencyId.toString()}`, () =>
      ctx.notifier.agencyAdmins(c.agencyId),
    );
    await ctx.notifier.toUsers(
      admins,
      'case.escalated',
      `Eskalasi ke admin instansi: ${summary}`,
      c._id,
      { key },
    );
  }
}

async function escalateCase(
  ctx: ServiceContext,
  c: CaseDoc,
  now: Date,
  cal: Calendar,
  recipients: Recipients,
): Promise<{ level1: number; level2: number }> {
  const level2At = c.level2At ?? computeDeadline(c.deadline, LAPOR_VERIFY_DAYS, cal);
  const target = now >= level2At ? 2 : 1;
  const made = { level1: 0, level2: 0 };
  if (target <= c.escalationLevel) {
    // Escalated before level2At was stored: remember it, so the case waits unselected.
    await CaseModel.updateOne({ _id: c._id }, { $set: { level2At } });
    return made;
  }
  const levels: number[] = [];
  for (let level = c.escalationLevel + 1; level <= target; level += 1) levels.push(level);
  for (const level of levels) {
    const mine = await claim(c, level, now);
    // Sent again after a restart or by a second process: the keyed ids make it a no-op.
    await notifyLevel(ctx, c, level, recipients);
    if (!mine) continue;
    await audit(null, `case.escalate.${level}`, `case:${c._id.toString()}`, '', [
      c.agencyId.toString(),
    ]);
  }
  const recorded = await CaseModel.updateOne(
    { _id: c._id, escalationLevel: c.escalationLevel },
    {
      $set: {
        escalationLevel: target,
        level2At,
        escalations: [...c.escalations, ...levels.map((level) => ({ level, at: now }))],
      },
    },
  );
  await EscalationLogModel.updateMany(
    { _id: { $in: levels.map((level) => escalationKey(c._id, level, c.deadline)) } },
    { $set: { state: 'done' } },
  );
  ctx.notifier.inboxChanged(c.uppId, c._id);
  if (recorded.modifiedCount === 1) {
    if (levels.includes(1)) made.level1 += 1;
    if (levels.includes(2)) made.level2 += 1;
  }
  return made;
}
