import { detach } from '../lib/logger';
import session from 'express-session';
import mongoose, { Schema } from 'mongoose';

const sessionSchema = new Schema(
  {
    _id: { type: String, required: true },
    data: { type: String, required: true },
    expires: { type: Date, required: true },
    userId: { type: String },
  },
  { versionKey: false },
);
sessionSchema.index({ expires: 1 });
sessionSchema.index({ userId: 1 });
export const SessionModel = mongoose.model('Session', sessionSchema);

type Callback = (err?: unknown) => void;

/**
 * express-session store in the app's database. FerretDB refuses TTL indexes, so expired
 * sessions are removed on an interval instead.
 */
export class MongooseSessionStore extends session.Store {
  private timer: NodeJS.Timeout;

  constructor(
    private readonly ttlMs: number,
    cleanupEveryMs = 10 * 60_000,
  ) {
    super();
    this.timer = setInterval(() => detach(this.prune(), 'session prune'), cleanupEveryMs);
    this.timer.unref();
  }

  async prune(): Promise<number> {
    try {
      const r = await SessionModel.deleteMany({ expires: { $lt: new Date() } });
      return r.deletedCount;
    } catch {
      return 0;
    }
  }

  close(): void {
    clearInterval(this.timer);
  }

  private expiry(sess: session.SessionData): Date {
    const exp = sess.cookie?.expires;
    return exp ? new Date(exp) : new Date(Date.now() + this.ttlMs);
  }

  override get(
    sid: string,
    cb: (err: unknown, session?: session.SessionData | null) => void,
  ): void {
    SessionModel.findById(sid)
      .lean()
      .then((doc) => {
        if (!doc || doc.expires < new Date()) return cb(null, null);
        cb(null, JSON.parse(doc.data) as session.SessionData);
      })
      .catch((err: unknown) => cb(err));
  }

  override set(sid: string, sess: session.SessionData, cb?: Callback): void {
    const userId = (sess as { passport?: { user?: string } }).passport?.user;
    SessionModel.updateOne(
      { _id: sid },
      { $set: { data: JSON.stringify(sess), expires: this.expiry(sess), userId } },
      { upsert: true },
    )
      .then(() => cb?.())
      .catch((err: unknown) => cb?.(err));
  }

  override touch(sid: string, sess: session.SessionData, cb?: Callback): void {
    SessionModel.updateOne({ _id: sid }, { $set: { expires: this.expiry(sess) } })
      .then(() => cb?.())
      .catch((err: unknown) => cb?.(err));
  }

  override destroy(sid: string, cb?: Callback): void {
    SessionModel.deleteOne({ _id: sid })
      .then(() => cb?.())
      .catch((err: unknown) => cb?.(err));
  }

  /** Removes every session of a user except `keepSid` (deactivation, password change). */
  async destroyForUser(userId: string, keepSid?: string): Promise<string[]> {
    const filter = keepSid ? { userId, _id: { $ne: keepSid } } : { userId };
    const docs = await SessionModel.find(filter, { _id: 1 }).lean();
    await SessionModel.deleteMany(filter);
    return docs.map((d) => d._id);
  }
}
