import nodemailer, { type Transporter } from 'nodemailer';
import type { Types } from 'mongoose';
import type { Clock } from '../clock';
import { OutboxModel } from './notification.model';

export const MAX_ATTEMPTS = 8;

/** Something that delivers one e-mail (nodemailer in production, a fake in tests). */
export interface MailTransport {
  send(msg: { to: string; subject: string; text: string }): Promise<void>;
}

export function smtpTransport(url: string, from: string): MailTransport {
  const t: Transporter = nodemailer.createTransport(url);
  return { send: async (m) => void (await t.sendMail({ from, ...m })) };
}

/** Stores an e-mail in the outbox; the worker sends it. Nothing is lost if SMTP is down. */
export async function queueMail(
  clock: Clock,
  to: string,
  subject: string,
  text: string,
  /** A stable id: queueing it again is refused as a duplicate (code 11000). */
  id?: Types.ObjectId,
) {
  await OutboxModel.create({
    ...(id ? { _id: id } : {}),
    to,
    subject,
    text,
    nextAttemptAt: clock.now(),
  });
}

/**
 * Sends due e-mails. A failure schedules a retry with exponential backoff (1 min, 2, 4 ... 2 h);
 * after MAX_ATTEMPTS the message is marked failed and stays in the outbox for an admin.
 */
export async function flushOutbox(clock: Clock, transport: MailTransport, batch = 20) {
  const due = await OutboxModel.find({ status: 'pending', nextAttemptAt: { $lte: clock.now() } })
    .sort({ nextAttemptAt: 1 })
    .limit(batch);
  let sent = 0;
  for (const m of due) {
    try {
      await transport.send({ to: m.to, subject: m.subject, text: m.text });
      m.status = 'sent';
      m.sentAt = clock.now();
      sent += 1;
    } catch (err) {
      m.attempts += 1;
      m.lastError = err instanceof Error ? err.message.slice(0, 500) : String(err);
      const delay = Math.min(2 * 3600_000, 60_000 * 2 ** (m.attempts - 1));
      m.nextAttemptAt = new Date(clock.now().getTime() + delay);
      if (m.attempts >= MAX_ATTEMPTS) m.status = 'failed';
    }
    await m.save();
  }
  return { due: due.length, sent };
}
