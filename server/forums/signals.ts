import { createHmac } from 'node:crypto';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { ForumSignal } from '../../shared/schemas/forum';
import { participantIssuedAt } from '../auth/participant';
import type { Coordinator } from '../live/coordinator';
import type { ForumDoc } from './forum.model';
import { SignalModel, type SignalDoc } from './signal.model';
import type { Viewer } from './viewer';

/** A cookie issued less than this long ago is "fresh". */
export const FRESH_MS = 10 * 60_000;
/** Counting window (seconds) and the count that raises a signal. */
export const SIGNAL_WINDOW_S = 10 * 60;
export const SIGNAL_THRESHOLD = 10;
/**
 * Share of one address's fresh-cookie votes in a forum that must go to one input. A hall behind
 * one address spreads its (fresh) votes over many inputs; someone clearing cookies to push one
 * input does not.
 */
export const SIGNAL_SHARE = 0.5;

export function presentSignal(s: SignalDoc, inputText: string | null): ForumSignal {
  return {
    id: s._id.toString(),
    forumId: s.forumId.toString(),
    inputId: s.inputId ? s.inputId.toString() : null,
    inputText,
    kind: s.kind,
    addressTag: s.addressTag,
    count: s.count,
    windowStart: s.windowStart.toISOString(),
    lastAt: s.lastAt.toISOString(),
  };
}

/**
 * Detects vote stuffing by clearing cookies: votes (and submissions) from participants whose
 * cookie is minutes old, counted per address (salted hash) and input in the coordinator. At
 * SIGNAL_THRESHOLD within the window a signal is stored and pushed to the forum's staff room.
 */
export class Signals {
  private readonly votes: RateLimiterAbstract;
  /** All fresh-cookie votes of an address in a forum (the share's denominator). */
  private readonly forumVotes: RateLimiterAbstract;
  private readonly inputs: RateLimiterAbstract;
  /** Set by the app: pushes a new or grown signal to the forum's moderators. */
  onSignal: ((signal: SignalDoc) => void) | null = null;

  constructor(
    coord: Coordinator,
    private readonly salt: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    const counter = (keyPrefix: string) =>
      coord.limiter({ keyPrefix, points: 1_000_000_000, duration: SIGNAL_WINDOW_S });
    this.votes = counter('sig:votes');
    this.forumVotes = counter('sig:forum-votes');
    this.inputs = counter('sig:inputs');
  }

  /** A short, salted, one-way tag of an address (e.g. `a3f09c`). */
  tag(address: string): string {
    return createHmac('sha256', this.salt).update(address).digest('hex').slice(0, 6);
  }

  private fresh(viewer: Viewer): boolean {
    if (viewer.user || !viewer.address) return false;
    const issued = participantIssuedAt(viewer.participantId);
    return issued !== null && this.now().getTime() - issued < FRESH_MS;
  }

  voted(forum: ForumDoc, inputId: string, viewer: Viewer): Promise<void> {
    return this.count(forum, inputId, 'votes', viewer);
  }

  submitted(forum: ForumDoc, viewer: Viewer): Promise<void> {
    return this.count(forum, null, 'inputs', viewer);
  }

  private async count(
    forum: ForumDoc,
    inputId: string | null,
    kind: 'votes' | 'inputs',
    viewer: Viewer,
  ): Promise<void> {
    if (!this.fresh(viewer)) return;
    const tag = this.tag(viewer.address!);
    const forumId = forum._id.toString();
    const [res, all] = await Promise.all([
      (kind === 'votes' ? this.votes : this.inputs).consume(`${inputId ?? forumId}:${tag}`),
      kind === 'votes' ? this.forumVotes.consume(`${forumId}:${tag}`) : null,
    ]);
    const n = res.consumedPoints;
    if (n < SIGNAL_THRESHOLD || (n > SIGNAL_THRESHOLD && n % 5 !== 0)) return;
    if (all && n / all.consumedPoints < SIGNAL_SHARE) return;
    const now = this.now();
    const windowStart = new Date(now.getTime() - (SIGNAL_WINDOW_S * 1000 - res.msBeforeNext));
    const where = { forumId: forum._id, inputId, kind, addressTag: tag };
    let doc =
      n === SIGNAL_THRESHOLD
        ? null
        : await SignalModel.findOneAndUpdate(
            { ...where, windowStart: { $gte: new Date(now.getTime() - SIGNAL_WINDOW_S * 1000) } },
            { $set: { count: n, lastAt: now } },
            { returnDocument: 'after' },
          );
    doc ??= await SignalModel.create({ ...where, windowStart, count: n, lastAt: now });
    this.onSignal?.(doc);
  }

  /** The forum's signals, newest first. */
  async list(forum: ForumDoc): Promise<SignalDoc[]> {
    return SignalModel.find({ forumId: forum._id }).sort({ lastAt: -1 }).limit(100);
  }
}
