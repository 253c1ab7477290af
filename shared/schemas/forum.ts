import { z } from 'zod';
import {
  FORUM_STATUSES,
  FORUM_TYPES,
  INPUT_KINDS,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
} from '../domain/forum';
import { ObjectIdString } from './common';
import { FORUM_LIMITS } from './limits';
import { patchOf } from './patch';

export { FORUM_LIMITS };

/** Per-forum settings chosen by the facilitator. */
export const ForumSettings = z.strictObject({
  /** pre: inputs wait for approval; post: published at once, moderated after. */
  moderation: z.enum(['pre', 'post']).default('pre'),
  /** Whether participants may submit without a display name. */
  allowAnonymous: z.boolean().default(true),
  /** Whether participants may upvote inputs. */
  voting: z.boolean().default(true),
  /** Maximum input length in characters (after cleaning). */
  maxInputLength: z.number().int().min(50).max(FORUM_LIMITS.inputMaxCeiling).default(1000),
  /** Input kinds offered to participants. */
  kinds: z
    .array(z.enum(INPUT_KINDS))
    .min(1)
    .default([...INPUT_KINDS]),
  /** Slow mode: at most one input per participant every this many seconds (0 or unset: off). */
  slowModeSeconds: z.number().int().min(0).max(FORUM_LIMITS.slowModeMaxSeconds).optional(),
  /** Only signed-in citizens may vote (against vote stuffing with cleared cookies). */
  voteRequiresAccount: z.boolean().optional(),
});
export type ForumSettings = z.infer<typeof ForumSettings>;

const IsoDate = z.iso.datetime({ offset: true });

/** When the forum opens, goes live and closes. */
export const ForumSchedule = z.strictObject({
  opensAt: IsoDate,
  liveStartAt: IsoDate.nullable().default(null),
  liveEndAt: IsoDate.nullable().default(null),
  closesAt: IsoDate,
});
export type ForumSchedule = z.infer<typeof ForumSchedule>;

const Title = z.string().trim().min(5).max(FORUM_LIMITS.titleMax);
const Description = z.string().trim().max(FORUM_LIMITS.descriptionMax);
const Agenda = z
  .array(z.string().trim().min(1).max(FORUM_LIMITS.agendaItemMax))
  .max(FORUM_LIMITS.agendaItemsMax);
const Location = z.string().trim().max(FORUM_LIMITS.locationMax);
const CoHosts = z.array(ObjectIdString).max(10);

/** POST /api/forums */
export const ForumCreate = z.strictObject({
  hostUppId: ObjectIdString,
  coHostUppIds: CoHosts.default([]),
  title: Title,
  description: Description.default(''),
  agenda: Agenda.default([]),
  type: z.enum(FORUM_TYPES),
  /** Place of a face-to-face forum (hall, address). */
  location: Location.default(''),
  schedule: ForumSchedule,
  settings: ForumSettings.default(ForumSettings.parse({})),
});
export type ForumCreate = z.infer<typeof ForumCreate>;

/**
 * PATCH /api/forums/:id: only the fields sent change, down to one setting or one time of the
 * schedule (no defaults anywhere: a title edit must not reset the co-hosts, the agenda or the
 * settings, and `{ settings: { voting: false } }` keeps the moderation mode).
 */
export const ForumUpdate = z
  .strictObject({
    coHostUppIds: CoHosts,
    title: Title,
    description: Description,
    agenda: Agenda,
    location: Location,
    schedule: patchOf(ForumSchedule),
    settings: patchOf(ForumSettings),
  })
  .partial();
export type ForumUpdate = z.infer<typeof ForumUpdate>;

/** POST /api/forums/:id/status */
export const ForumStatusChange = z.strictObject({ status: z.enum(FORUM_STATUSES) });
export type ForumStatusChange = z.infer<typeof ForumStatusChange>;

export const JoinCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`), {
    message: 'Kode forum tidak sah',
  });

export const UppRef = z.object({ id: z.string(), name: z.string() });

/** A forum as participants and staff see it. */
export const Forum = z.object({
  id: z.string(),
  /** Join code of a live forum (null for asynchronous forums). */
  code: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  agenda: z.array(z.string()),
  type: z.enum(FORUM_TYPES),
  status: z.enum(FORUM_STATUSES),
  location: z.string(),
  host: UppRef,
  coHosts: z.array(UppRef),
  schedule: ForumSchedule,
  settings: ForumSettings,
  counts: z.object({
    published: z.number().int(),
    pending: z.number().int(),
    participants: z.number().int(),
    votes: z.number().int(),
  }),
  spotlightInputId: z.string().nullable(),
  /** Path of the join page (the QR code points at it). */
  joinPath: z.string(),
  /** Whether the current user may moderate this forum. */
  canModerate: z.boolean(),
  createdAt: z.string(),
});
export type Forum = z.infer<typeof Forum>;

export const ForumListQuery = z.strictObject({
  status: z.enum(['active', 'all', ...FORUM_STATUSES]).default('active'),
  type: z.enum(FORUM_TYPES).optional(),
  /** Staff: only forums they may moderate. */
  mine: z.enum(['true', 'false']).optional(),
});
export type ForumListQuery = z.infer<typeof ForumListQuery>;

/**
 * GET /api/forums/:id/signals, socket `forum.signal` (staff room): many participants with
 * minutes-old cookies behind one address voting for one input (or submitting) within minutes.
 */
export const ForumSignal = z.object({
  id: z.string(),
  forumId: z.string(),
  /** The input voted for; null for a burst of submissions. */
  inputId: z.string().nullable(),
  inputText: z.string().nullable(),
  kind: z.enum(['votes', 'inputs']),
  /** A salted hash of the address: equal tags, same address. */
  addressTag: z.string(),
  /** Votes (or inputs) by fresh participants from that address in the window. */
  count: z.number().int(),
  windowStart: z.string(),
  lastAt: z.string(),
});
export type ForumSignal = z.infer<typeof ForumSignal>;
