import mongoose, { Schema } from 'mongoose';

/** One vote per voter per input, enforced by the unique index. */
const voteSchema = new Schema(
  {
    inputId: { type: Schema.Types.ObjectId, required: true },
    forumId: { type: Schema.Types.ObjectId, required: true },
    voterKey: { type: String, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
voteSchema.index({ inputId: 1, voterKey: 1 }, { unique: true });
voteSchema.index({ forumId: 1, voterKey: 1 });
export const VoteModel = mongoose.model('Vote', voteSchema);

/** Who took part in a forum (submitted or voted); counted once. */
const participantSchema = new Schema(
  {
    forumId: { type: Schema.Types.ObjectId, required: true },
    key: { type: String, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
participantSchema.index({ forumId: 1, key: 1 }, { unique: true });
export const ForumParticipantModel = mongoose.model('ForumParticipant', participantSchema);
