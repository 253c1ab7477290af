/**
 * What the benchmark puts in the database: the live forum the phones join, and optionally
 * the history of F closed forums of realistic size, inserted in bulk.
 */
import { randomBytes } from 'node:crypto';
import mongoose, { Types } from 'mongoose';
import { Agency } from '../../server/admin/agency.model';
import { Upp } from '../../server/admin/upp.model';
import { ForumModel } from '../../server/forums/forum.model';
import { InputModel } from '../../server/forums/input.model';
import { ModerationModel } from '../../server/forums/moderation.model';
import { ForumParticipantModel, VoteModel } from '../../server/forums/vote.model';
import { CaseModel } from '../../server/inbox/case.model';
import { newJoinCode } from '../../server/forums/joinCode';
import {
  INPUT_KINDS,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  type InputKind,
} from '../../shared/domain/forum';
import { CASE_STATUSES } from '../../shared/domain/inbox';
import { pick, rng } from './rng';
import { KINDS, citizenText, displayName } from './texts';

/** Bump when the shape of the seeded history changes (invalidates cached databases). */
export const HISTORY_SCHEMA_VERSION = 1;

/** Files whose change invalidates a cached history database. */
export const HISTORY_SOURCES = [
  'scripts/bench-live/seed.ts',
  'server/forums/forum.model.ts',
  'server/forums/input.model.ts',
  'server/forums/vote.model.ts',
  'server/forums/moderation.model.ts',
  'server/inbox/case.model.ts',
];

export interface Organisation {
  agencyId: Types.ObjectId;
  uppIds: Types.ObjectId[];
}

export async function ensureOrganisation(): Promise<Organisation> {
  const existing = await Agency.findOne({ slug: 'bench-agency' });
  const agency =
    existing ??
    (await Agency.create({
      name: 'Pemerintah Kota Uji Beban',
      slug: 'bench-agency',
      level: 'kab/kota',
      region: 'Kota Uji Beban',
    }));
  const names = ['Dinas Dukcapil', 'Puskesmas Kota', 'Dinas PUPR', 'DPMPTSP', 'Dinas Sosial'];
  const uppIds: Types.ObjectId[] = [];
  for (const [i, name] of names.entries()) {
    const slug = `bench-upp-${i}`;
    const upp =
      (await Upp.findOne({ slug })) ??
      (await Upp.create({
        agencyId: agency._id,
        name: `${name} Kota Uji Beban`,
        slug,
        uppType: name,
        region: 'Kota Uji Beban',
      }));
    uppIds.push(upp._id);
  }
  return { agencyId: agency._id, uppIds };
}

export interface LiveForum {
  forumId: string;
  code: string;
  inputIds: string[];
}

/** A live forum with `inputs` published inputs and no votes, ready for the phones. */
export async function seedLiveForum(opts: {
  inputs: number;
  moderation: 'pre' | 'post';
  seed: number;
}): Promise<LiveForum> {
  const org = await ensureOrganisation();
  const r = rng(opts.seed + 17);
  const now = Date.now();
  let forumId: Types.ObjectId | undefined;
  let code = '';
  for (let attempt = 0; attempt < 8 && !forumId; attempt += 1) {
    code = newJoinCode();
    try {
      const f = await ForumModel.create({
        code,
        title: 'Forum Konsultasi Publik Pelayanan Administrasi Kependudukan (uji beban)',
        description: 'Forum langsung untuk uji beban: warga bergabung, bertanya dan mendukung.',
        type: 'live',
        status: 'live',
        location: 'Aula Kantor Wali Kota',
        hostUppId: org.uppIds[0]!,
        agencyId: org.agencyId,
        region: 'Kota Uji Beban',
        schedule: {
          opensAt: new Date(now - 3600_000),
          liveStartAt: new Date(now - 600_000),
          liveEndAt: new Date(now + 3 * 3600_000),
          closesAt: new Date(now + 86_400_000),
        },
        settings: { moderation: opts.moderation, voting: true, allowAnonymous: true },
        counts: { published: opts.inputs, pending: 0, participants: 0, votes: 0 },
        seq: opts.inputs,
      });
      forumId = f._id;
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
    }
  }
  if (!forumId) throw new Error('could not create a forum with a unique join code');
  const docs = Array.from({ length: opts.inputs }, (_, i) => {
    const kind = pick(r, KINDS);
    return {
      forumId,
      text: citizenText(r, kind),
      kind,
      displayName: displayName(r),
      authorKey: `p:bench-seed-${i}`,
      idempotencyKey: `bench-live-${forumId.toString()}-${i}`,
      status: 'published' as const,
      seq: i + 1,
      publishedAt: new Date(now - (opts.inputs - i) * 20_000),
    };
  });
  const inputs = await InputModel.insertMany(docs);
  return { forumId: forumId.toString(), code, inputIds: inputs.map((i) => i._id.toString()) };
}

/** A join code for history forum number n (base 25, never collides with another history forum). */
function historyCode(n: number): string {
  let code = '';
  let v = n + 1_000_000;
  for (let i = 0; i < JOIN_CODE_LENGTH; i += 1) {
    code = JOIN_CODE_ALPHABET[v % JOIN_CODE_ALPHABET.length]! + code;
    v = Math.floor(v / JOIN_CODE_ALPHABET.length);
  }
  return code;
}

const INPUTS_PER_FORUM = 200;
const VOTES_PER_FORUM = 1000;
const VOTERS_PER_FORUM = 300;
const MODERATION_PER_FORUM = 40;
const CASES_PER_FORUM = 30;

/** One closed forum's documents, all fields set (they bypass mongoose on insert). */
function historyForum(n: number, org: Organisation, r: () => number) {
  const forumId = new Types.ObjectId();
  const uppId = org.uppIds[n % org.uppIds.length]!;
  const day = 86_400_000;
  const start = Date.now() - (n + 2) * day;
  const at = (offsetMs: number): Date => new Date(start + offsetMs);
  const inputs: (Record<string, unknown> & {
    _id: Types.ObjectId;
    text: string;
    kind: InputKind;
    authorKey: string;
    votes: number;
  })[] = [];
  const published: Types.ObjectId[] = [];
  for (let i = 0; i < INPUTS_PER_FORUM; i += 1) {
    const id = new Types.ObjectId();
    const kind = INPUT_KINDS[i % INPUT_KINDS.length]!;
    const status = i < 170 ? 'published' : i < 185 ? 'rejected' : i < 190 ? 'hidden' : 'merged';
    if (status === 'published') published.push(id);
    inputs.push({
      _id: id,
      forumId,
      text: citizenText(r, kind),
      originalText: null,
      kind,
      serviceCode: null,
      displayName: displayName(r),
      authorKey: `p:h${n}-${i % VOTERS_PER_FORUM}`,
      idempotencyKey: `hist-${n}-${i}`,
      contactEmail: null,
      status,
      rejectReason: status === 'rejected' ? 'off_topic' : null,
      rejectNote: '',
      votes: 0,
      pinned: false,
      answered: null,
      mergedInto: null,
      edited: false,
      seq: i + 1,
      routing: null,
      publishedAt: status === 'published' ? at(i * 10_000) : null,
      createdAt: at(i * 10_000),
      updatedAt: at(i * 10_000),
    });
  }
  // Votes skewed towards a few popular inputs, one per voter per input.
  const votes = [];
  const seen = new Set<string>();
  while (votes.length < VOTES_PER_FORUM) {
    const k = Math.floor(published.length * r() * r());
    const voter = Math.floor(r() * VOTERS_PER_FORUM);
    const key = `${k}:${voter}`;
    if (seen.has(key)) continue;
    seen.add(key);
    inputs[k]!.votes += 1;
    votes.push({
      _id: new Types.ObjectId(),
      inputId: published[k]!,
      forumId,
      voterKey: `p:h${n}-${voter}`,
      createdAt: at(3600_000 + votes.length * 1000),
    });
  }
  const participants = Array.from({ length: VOTERS_PER_FORUM }, (_, v) => ({
    _id: new Types.ObjectId(),
    forumId,
    key: `p:h${n}-${v}`,
    createdAt: at(v * 1000),
  }));
  const actor = new Types.ObjectId();
  const moderation = Array.from({ length: MODERATION_PER_FORUM }, (_, m) => ({
    _id: new Types.ObjectId(),
    forumId,
    inputId: inputs[m * 5]!._id,
    action: m % 8 === 7 ? 'reject' : 'approve',
    actorId: actor,
    actorRole: 'facilitator',
    reason: m % 8 === 7 ? 'off_topic' : null,
    note: '',
    data: null,
    createdAt: at(m * 50_000),
  }));
  const cases = Array.from({ length: CASES_PER_FORUM }, (_, c) => {
    const input = inputs[c * 5]!;
    return {
      _id: new Types.ObjectId(),
      type: 'input',
      inputId: input._id,
      forumId,
      uppId,
      agencyId: org.agencyId,
      text: input.text,
      kind: input.kind,
      sector: null,
      serviceCode: null,
      status: pick(r, CASE_STATUSES),
      receivedAt: at(7200_000),
      deadline: at(7200_000 + 14 * day),
      firstReplyAt: null,
      resolvedAt: null,
      escalationLevel: 0,
      escalations: [],
      replies: [],
      postponedReason: null,
      authorKey: input.authorKey,
      contactEmail: null,
      citizen: { confirmedAt: null, reopenedAt: null, reopenReason: null },
      owner: null,
      dueAt: null,
      createdAt: at(7200_000),
      updatedAt: at(7200_000),
    };
  });
  const forum = {
    _id: forumId,
    code: historyCode(n),
    title: `Forum Konsultasi Publik ${n + 1}: evaluasi standar pelayanan`,
    description: 'Forum yang sudah selesai (riwayat uji beban).',
    agenda: [],
    type: n % 3 === 0 ? 'async' : 'live',
    status: 'closed',
    location: 'Aula Kecamatan',
    hostUppId: uppId,
    coHostUppIds: [],
    agencyId: org.agencyId,
    region: 'Kota Uji Beban',
    schedule: { opensAt: at(0), liveStartAt: null, liveEndAt: null, closesAt: at(day) },
    settings: {
      moderation: 'pre',
      allowAnonymous: true,
      voting: true,
      maxInputLength: 1000,
      kinds: [...INPUT_KINDS],
    },
    counts: {
      published: published.length,
      pending: 0,
      participants: VOTERS_PER_FORUM,
      votes: VOTES_PER_FORUM,
    },
    spotlightInputId: null,
    seq: INPUTS_PER_FORUM + MODERATION_PER_FORUM,
    closedAt: at(day),
    createdAt: at(0),
    updatedAt: at(day),
  };
  return { forum, inputs, votes, participants, moderation, cases };
}

/** Inserts F closed forums in bulk, printing progress. */
export async function seedHistory(forums: number, log: (l: string) => void): Promise<void> {
  const org = await ensureOrganisation();
  const r = rng(4242);
  const started = Date.now();
  const batch = 10;
  const totals = { inputs: 0, votes: 0 };
  for (let n = 0; n < forums; n += batch) {
    const parts = Array.from({ length: Math.min(batch, forums - n) }, (_, k) =>
      historyForum(n + k, org, r),
    );
    const insert = async (
      model: { collection: { name: string } },
      docs: Record<string, unknown>[],
    ): Promise<void> => {
      if (!docs.length) return;
      await mongoose.connection.collection(model.collection.name).insertMany(docs, {
        ordered: false,
      });
    };
    await insert(
      ForumModel,
      parts.map((p) => p.forum),
    );
    await insert(
      InputModel,
      parts.flatMap((p) => p.inputs),
    );
    await insert(
      VoteModel,
      parts.flatMap((p) => p.votes),
    );
    await insert(
      ForumParticipantModel,
      parts.flatMap((p) => p.participants),
    );
    await insert(
      ModerationModel,
      parts.flatMap((p) => p.moderation),
    );
    await insert(
      CaseModel,
      parts.flatMap((p) => p.cases),
    );
    totals.inputs += parts.length * INPUTS_PER_FORUM;
    totals.votes += parts.length * VOTES_PER_FORUM;
    const done = n + parts.length;
    if (done === forums || done % 50 === 0) {
      const secs = (Date.now() - started) / 1000;
      log(
        `history ${done}/${forums} forums (${totals.inputs.toLocaleString('en')} inputs, ` +
          `${totals.votes.toLocaleString('en')} votes) ${secs.toFixed(0)} s`,
      );
    }
  }
}

export const randomRunId = (): string => `b${randomBytes(4).toString('hex')}`;
