import type { Types } from 'mongoose';
import type { ModerationAction } from '../../shared/domain/forum';
import type { ModerationLogEntry } from '../../shared/schemas/input';
import type { AuthUser } from '../auth/types';
import { ModerationModel } from './moderation.model';

export interface ModerationRecord {
  forumId: Types.ObjectId | string;
  inputId?: Types.ObjectId | string | null;
  action: ModerationAction;
  reason?: string | null;
  note?: string;
  data?: Record<string, unknown>;
}

/** Records who did what, when and why. */
export async function recordModeration(actor: AuthUser, r: ModerationRecord): Promise<void> {
  await ModerationModel.create({
    forumId: r.forumId,
    inputId: r.inputId ?? null,
    action: r.action,
    actorId: actor.id,
    actorRole: actor.role,
    reason: r.reason ?? null,
    note: r.note ?? '',
    data: r.data ?? null,
  });
}

/** The public log: actions and reason codes, without notes or who did it. */
export async function publicLog(forumId: string): Promise<ModerationLogEntry[]> {
  const rows = await ModerationModel.find({ forumId }).sort({ createdAt: -1 }).limit(500);
  return rows.map((r) => ({
    id: r._id.toString(),
    action: r.action,
    inputId: r.inputId ? r.inputId.toString() : null,
    reason: r.reason ?? null,
    actorRole: r.actorRole,
    at: (r.get('createdAt') as Date).toISOString(),
  }));
}
