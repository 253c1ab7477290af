import { z } from 'zod';
import type { ForumStatus } from './domain/forum';
import type { SessionUser } from './schemas/auth';
import type { ForumSignal } from './schemas/forum';
import type { Notification } from './schemas/inbox';
import { ObjectIdString, type Ack } from './schemas/common';
import { InputCreate, VoteBody, type ForumSnapshot, type Input } from './schemas/input';

/** Room names, built only through these helpers. */
export const rooms = {
  user: (userId: string) => `user:${userId}`,
  session: (sid: string) => `session:${sid}`,
  participant: (pid: string) => `participant:${pid}`,
  forum: (forumId: string) => `forum:${forumId}`,
  forumStaff: (forumId: string) => `forum:${forumId}:staff`,
  upp: (uppId: string) => `upp:${uppId}`,
} as const;

/** Payload schemas of client events (every payload is parsed on the server). */
export const ForumJoinPayload = z.strictObject({ forumId: ObjectIdString });
export const InputCreatePayload = InputCreate.extend({ forumId: ObjectIdString });
export const InputVotePayload = VoteBody.extend({ inputId: ObjectIdString });

/** Events the server sends. Names follow `resource.verb`. */
export interface ServerToClientEvents {
  /** Sent once after the handshake: who this socket is. */
  'session.hello': (payload: { user: SessionUser | null; participantId: string | null }) => void;
  /** An input became visible in the forum (approved, or submitted under post-moderation). */
  'input.published': (input: Input) => void;
  /** A visible input changed (answered, pinned, edited, merged target). */
  'input.updated': (input: Input) => void;
  /** An input left the public feed (rejected, hidden, merged away). */
  'input.removed': (payload: { forumId: string; inputId: string; seq: number }) => void;
  /** Staff room: a new input arrived (pending or published). */
  'input.created': (input: Input) => void;
  /** The status of one of the viewer's own inputs changed. */
  'input.mine': (input: Input) => void;
  /** Vote counts that changed, coalesced: at most one batch per forum every 200 ms. */
  'vote.counts': (payload: { forumId: string; counts: Record<string, number> }) => void;
  /** The "now discussing" input changed. */
  'forum.spotlight': (payload: { forumId: string; input: Input | null }) => void;
  /** The forum's status changed (e.g. closed). */
  'forum.status': (payload: { forumId: string; status: ForumStatus }) => void;
  /** Staff room: a vote-stuffing signal was raised or grew (see ForumSignal). */
  'forum.signal': (signal: ForumSignal) => void;
  /** Number of people with the forum open. */
  'forum.presence': (payload: { forumId: string; online: number }) => void;
  /** A notification for the signed-in user (sent to `user:<id>`). */
  'notification.new': (notification: Notification) => void;
  /** Something changed in a UPP's inbox (sent to `upp:<id>`): open inboxes reload. */
  'inbox.changed': (payload: { uppId: string; caseId: string }) => void;
  /**
   * This server process is shutting down (SIGTERM): it answers what is in flight, then
   * disconnects. Reconnect (another process will answer) after a random delay up to
   * `reconnectJitterMs`, so clients do not all arrive at once.
   */
  'server.draining': (payload: { reconnectJitterMs: number }) => void;
}

/** Events a client sends; every payload is validated by its schema on the server. */
export interface ClientToServerEvents {
  /** Round-trip check. */
  'system.ping': (payload: Record<string, never>, ack: (res: Ack<{ now: string }>) => void) => void;
  /** Join a forum's room (staff who may moderate also join its staff room); returns a snapshot. */
  'forum.join': (
    payload: z.input<typeof ForumJoinPayload>,
    ack: (res: Ack<ForumSnapshot>) => void,
  ) => void;
  'forum.leave': (payload: z.input<typeof ForumJoinPayload>) => void;
  /** Submit an input; acknowledged only after it is stored. */
  'input.create': (
    payload: z.input<typeof InputCreatePayload>,
    ack: (res: Ack<Input>) => void,
  ) => void;
  /** Upvote (voted: true) or withdraw the vote (voted: false). */
  'input.vote': (
    payload: z.input<typeof InputVotePayload>,
    ack: (res: Ack<{ inputId: string; votes: number; voted: boolean }>) => void,
  ) => void;
}

export interface InterServerEvents {
  ping: () => void;
}

/** What the server knows about a connected socket. */
export interface SocketData {
  userId: string | null;
  participantId: string | null;
  sessionId: string | null;
}
