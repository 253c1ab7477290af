import type { Types } from 'mongoose';
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

  async toUsers(
    userIds: string[],
    kind: NotificationKind,
    text: string,
    caseId: Types.ObjectId | null,
  ): Promise<void> {
    const unique = [...new Set(userIds)];
    for (const userId of unique) {
      const n = await NotificationModel.create({ userId, kind, text, caseId });
      this.io?.to(rooms.user(userId)).emit('notification.new', presentNotification(n));
    }
    if (this.mailEnabled && unique.length) {
      const users = await User.find({ _id: { $in: unique }, active: true }, { email: 1 });
      for (const u of users) await queueMail(this.clock, u.email, `[Forum Publik] ${text}`, text);
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
