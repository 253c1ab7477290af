import { z } from 'zod';
import { CITIZEN_STATUSES, INPUT_KINDS, INPUT_STATUSES, REJECT_REASONS } from '../domain/forum';
import { SECTORS } from '../domain/sectors';
import { ObjectIdString } from './common';
import { Forum, FORUM_LIMITS } from './forum';
import { LIMITS } from './limits';
import { CitizenCase } from './inbox';

/** Client-generated key that makes a retried submission safe (never a second input). */
export const IdempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'Kunci idempoten tidak sah');

/** POST /api/forums/:id/inputs (and socket `input.create`). Length is checked after cleaning. */
export const InputCreate = z.strictObject({
  text: z.string().max(FORUM_LIMITS.inputMaxCeiling * 2),
  kind: z.enum(INPUT_KINDS),
  /** Optional service from the catalog. */
  serviceCode: z
    .string()
    .regex(/^[A-Z]{3}-\d{4}-\d{2}$/)
    .nullable()
    .default(null),
  /** Name shown next to the input; empty means anonymous. */
  displayName: z.string().max(LIMITS.displayNameMax).default(''),
  idempotencyKey: IdempotencyKey,
  /** Optional e-mail for the UPP's answer; never shown to anyone. */
  contactEmail: z
    .union([z.literal(''), z.email({ message: 'Alamat email tidak sah' }).max(254)])
    .default(''),
});
export type InputCreate = z.infer<typeof InputCreate>;

/** POST /api/inputs/:id/vote */
export const VoteBody = z.strictObject({ voted: z.boolean() });
export type VoteBody = z.infer<typeof VoteBody>;

/** Routing result attached to an input (staff only). */
export const InputRouting = z.object({
  sector: z.enum(SECTORS).nullable(),
  serviceCode: z.string().nullable(),
  uppId: z.string().nullable(),
  uppName: z.string().nullable(),
  confidence: z.number(),
  /** True while the input waits in the triage queue. */
  triage: z.boolean(),
  /** How it got there: the model or a person. */
  source: z.enum(['model', 'manual']),
  deadline: z.string().nullable(),
});
export type InputRouting = z.infer<typeof InputRouting>;

/** An input as shown in a forum. */
export const Input = z.object({
  id: z.string(),
  forumId: z.string(),
  text: z.string(),
  kind: z.enum(INPUT_KINDS),
  serviceCode: z.string().nullable(),
  displayName: z.string(),
  status: z.enum(INPUT_STATUSES),
  /** The status as the citizen who wrote it sees it. */
  citizenStatus: z.enum(CITIZEN_STATUSES),
  rejectReason: z.enum(REJECT_REASONS).nullable(),
  votes: z.number().int(),
  pinned: z.boolean(),
  answered: z.object({ note: z.string(), at: z.string() }).nullable(),
  mergedInto: z.string().nullable(),
  /** Whether the input was edited by a moderator for privacy. */
  edited: z.boolean(),
  createdAt: z.string(),
  /** Change sequence within the forum (for resync). */
  seq: z.number().int(),
  /** Whether the viewer wrote it. */
  mine: z.boolean(),
  /** Whether the viewer upvoted it. */
  votedByMe: z.boolean(),
  /** Staff only. */
  routing: InputRouting.nullable(),
  /** The UPP's handling of this input: replies for everyone, actions for its author. */
  case: CitizenCase.nullable(),
});
export type Input = z.infer<typeof Input>;

/** Everything a client needs to show a forum; `cursor` is the forum's change sequence. */
export const ForumSnapshot = z.object({
  forum: Forum,
  /** Published inputs (and pending ones for those who moderate), most votes first. */
  inputs: z.array(Input),
  /** The viewer's own inputs, every status, newest first. */
  mine: z.array(Input),
  cursor: z.number().int(),
});
export type ForumSnapshot = z.infer<typeof ForumSnapshot>;

/** POST /api/inputs/:id/reject */
export const RejectBody = z.strictObject({
  reason: z.enum(REJECT_REASONS),
  note: z.string().max(500).default(''),
});
export type RejectBody = z.infer<typeof RejectBody>;

/** POST /api/inputs/:id/hide */
export const HideBody = RejectBody;
export type HideBody = z.infer<typeof HideBody>;

/** POST /api/forums/:id/merge: sources are merged into the target (votes combined). */
export const MergeBody = z.strictObject({
  targetId: ObjectIdString,
  sourceIds: z.array(ObjectIdString).min(1).max(50),
});
export type MergeBody = z.infer<typeof MergeBody>;

/** POST /api/inputs/:id/edit: privacy edit; the original is kept for audit. */
export const EditBody = z.strictObject({
  text: z.string().max(FORUM_LIMITS.inputMaxCeiling * 2),
  reason: z.string().trim().min(3).max(300),
});
export type EditBody = z.infer<typeof EditBody>;

/** POST /api/inputs/:id/answer: answered live, with a short note. */
export const AnswerBody = z.strictObject({ note: z.string().max(1000) });
export type AnswerBody = z.infer<typeof AnswerBody>;

/** POST /api/inputs/:id/pin */
export const PinBody = z.strictObject({ pinned: z.boolean() });

/** POST /api/forums/:id/spotlight: put one input "now discussing", or clear it. */
export const SpotlightBody = z.strictObject({ inputId: ObjectIdString.nullable() });
export type SpotlightBody = z.infer<typeof SpotlightBody>;

/** GET /api/forums/:id/similar?text=... */
export const SimilarQuery = z.strictObject({ text: z.string().min(1).max(5000) });
export const SimilarInput = z.object({
  id: z.string(),
  text: z.string(),
  votes: z.number().int(),
  score: z.number(),
});
export type SimilarInput = z.infer<typeof SimilarInput>;

/** One public moderation log entry (no personal data). */
export const ModerationLogEntry = z.object({
  id: z.string(),
  action: z.string(),
  inputId: z.string().nullable(),
  reason: z.string().nullable(),
  actorRole: z.string(),
  at: z.string(),
});
export type ModerationLogEntry = z.infer<typeof ModerationLogEntry>;

/** The answer to a vote: the input's count after it and whether this voter now supports it. */
export const VoteResult = z.object({
  inputId: z.string(),
  votes: z.number().int(),
  voted: z.boolean(),
});
export type VoteResult = z.infer<typeof VoteResult>;
