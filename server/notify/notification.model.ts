import mongoose, { Schema, type Types } from 'mongoose';

export const NOTIFICATION_KINDS = [
  'case.new',
  'case.overdue',
  'case.escalated',
  'case.reopened',
  'case.reply',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationFields {
  userId: Types.ObjectId;
  kind: NotificationKind;
  text: string;
  caseId: Types.ObjectId | null;
  read: boolean;
  createdAt: Date;
}

const notificationSchema = new Schema<NotificationFields>(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: NOTIFICATION_KINDS, required: true },
    text: { type: String, required: true },
    caseId: { type: Schema.Types.ObjectId, default: null },
    read: { type: Boolean, default: false },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
notificationSchema.index({ userId: 1, createdAt: -1 });
export const NotificationModel = mongoose.model<NotificationFields>(
  'Notification',
  notificationSchema,
);

/** E-mail waiting to be sent: kept until the SMTP server accepted it (retries with backoff). */
export interface OutboxFields {
  to: string;
  subject: string;
  text: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
}

const outboxSchema = new Schema<OutboxFields>(
  {
    to: { type: String, required: true },
    subject: { type: String, required: true },
    text: { type: String, required: true },
    status: { type: String, enum: ['pending', 'sent', 'failed'], default: 'pending' },
    attempts: { type: Number, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    lastError: { type: String, default: null },
    sentAt: { type: Date, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
outboxSchema.index({ status: 1, nextAttemptAt: 1 });
export const OutboxModel = mongoose.model<OutboxFields>('Outbox', outboxSchema);
