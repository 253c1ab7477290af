import mongoose, { Schema } from 'mongoose';
import { MODERATION_ACTIONS } from '../../shared/domain/forum';

/** Every moderation action: who, what, when, why. The public log omits the actor's identity. */
const moderationSchema = new Schema(
  {
    forumId: { type: Schema.Types.ObjectId, required: true },
    inputId: { type: Schema.Types.ObjectId, default: null },
    action: { type: String, enum: MODERATION_ACTIONS, required: true },
    actorId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    actorRole: { type: String, required: true },
    reason: { type: String, default: null },
    note: { type: String, default: '' },
    data: { type: Schema.Types.Mixed, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
moderationSchema.index({ forumId: 1, createdAt: -1 });
export const ModerationModel = mongoose.model('ModerationLog', moderationSchema);
