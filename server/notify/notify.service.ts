import { createHash } from 'node:crypto';
import mongoose, { type Types } from 'mongoose';
import type { Notification } from '../../shared/schemas/inbox';
import { rooms } from '../../shared/events';
import type { Role } from '../../shared/domain/roles';
import { User } from '../auth/user.model';
import type { Clock } from '../clock';
import type { IO } from '../realtime/io';
import { queueMail } from './mailer';
import { NotificationModel, type NotificationKind } from './notification.model';

export function presentNotification(n: {
  _id: Types.ObjectId;
  kind: NotificationKind;
  text: string;
  caseId: Types.ObjectId | null;
  createdAt: Date;
  read: boolean;
}): Notification {
  return {
    id: n._id.toString(),
    kind: n.kind,
    text: n.text,
    caseId: n.caseId ? n.caseId.toString() : null,
    at: n.createdAt.toISOString(),
    read: n.read,
  };
}

const isDuplicate = (err: unknown) => (err as { code?: number }).code === 11000;

/** A stable ObjectId for a key: the same key always names the same document. */
export function keyedId(key: string): Types.ObjectId {
  return new mongoose.Types.ObjectId(createHash('sha256').update(key).digest('hex').slice(0, 24));
}

/** A user's latest 50 notifications and how many are unread. */
export async function latestNotifications(userId: string) {
  const [rows, unread] = await Promise.all([
    NotificationModel.find({ userId }).sort({ createdAt: -1 }).limit(50),
    NotificationModel.countDocuments({ userId, read: false }),
  ]);
  return { notifications: rows.map(presentNotification), unread };
}

export async function markAllRead(userId: string): Promise<void> {
  await NotificationModel.updateMany({ userId, read: false }, { $set: { read: true } });
}

/** In-app notifications (stored, pushed to `user:<id>`), plus e-mail through the outbox. */
export class Notifier {
  constructor(
    private readonly clock: Clock,
    private io: IO | null = null,
    private readonly mailEnabled = false,
  ) {}

  attach(io: IO): void {
    this.io = io;
  }

  /**
   * Notifies each user once. With `key`, each notification and e-mail gets an id derived from
   * the key and the user: sending the same key again (a second process, a restart mid-run)
   * stores, pushes and mails nothing twice (the duplicate id is refused by the database).
   */
  async toUsers(
    userIds: string[],
    kind: NotificationKind,
    text: string,
    caseId: Types.ObjectId | null,
    opts: { key?: string } = {},
  ): Promise<void> {
    const unique = [...new Set(userIds)];
    const idFor = (what: string, userId: string) =>
      opts.key ? { _id: keyedId(`${what}:${opts.key}:${userId}`) } : {};
    for (const userId of unique) {
      try {
        const n = await NotificationModel.create({
          ...idFor('n', userId),
          userId,
          kind,
          text,
          caseId,
        });
        this.io?.to(rooms.user(userId)).emit('notification.new', presentNotification(n));
      } catch (err) {
        if (!(opts.key && isDuplicate(err))) throw err;
      }
    }
    if (this.mailEnabled && unique.length) {
      const users = await User.find({ _id: { $in: unique }, active: true }, { email: 1 });
      for (const u of users) {
        const id = idFor('m', String(u._id))._id;
        await queueMail(this.clock, u.email, `[Forum Publik] ${text}`, text, id).catch(
          (err: unknown) => {
            if (!(opts.key && isDuplicate(err))) throw err;
          },
        );
      }
    }
  }

  /** Tells open inboxes of a UPP to reload. */
  inboxChanged(uppId: Types.ObjectId, caseId: Types.ObjectId): void {
    this.io
      ?.to(rooms.upp(uppId.toString()))
      .emit('inbox.changed', { uppId: uppId.toString(), caseId: caseId.toString() });
  }

  async toEmail(to: string | null, subject: string, text: string): Promise<void> {
    if (to) await queueMail(this.clock, to, subject, text);
  }

  /** Staff of a UPP by role. */
  async uppStaff(uppId: Types.ObjectId, roles: Role[]): Promise<string[]> {
    const users = await User.find(
      { uppIds: uppId, role: { $in: roles }, active: true },
      { _id: 1 },
    );
    return users.map((u) => String(u._id));
  }

  /** Admins of an agency; platform admins when the agency has none. */
  async agencyAdmins(agencyId: Types.ObjectId): Promise<string[]> {
    let users = await User.find({ role: 'agency_admin', agencyId, active: true }, { _id: 1 });
    if (!users.length)
      users = await User.find({ role: 'platform_admin', active: true }, { _id: 1 }).limit(20);
    return users.map((u) => String(u._id));
  }
}
