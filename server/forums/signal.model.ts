import mongoose, { Schema, type HydratedDocument, type Types } from 'mongoose';

/**
 * A pattern worth a facilitator's look: many participants whose cookies were issued minutes
 * ago, behind one address, voting for one input (or submitting) within a few minutes: the mark
 * of a script that clears its cookies. Shown in the console; nothing is removed automatically
 * (a hall behind one Wi-Fi looks similar, and the facilitator knows which forum is which).
 */
export interface SignalFields {
  forumId: Types.ObjectId;
  /** The input voted for; null for a burst of submissions. */
  inputId: Types.ObjectId | null;
  kind: 'votes' | 'inputs';
  /** Salted hash of the address (the address itself is never stored). */
  addressTag: string;
  /** The window the count belongs to (start). */
  windowStart: Date;
  count: number;
  lastAt: Date;
}

const signalSchema = new Schema<SignalFields>(
  {
    forumId: { type: Schema.Types.ObjectId, required: true },
    inputId: { type: Schema.Types.ObjectId, default: null },
    kind: { type: String, enum: ['votes', 'inputs'], required: true },
    addressTag: { type: String, required: true },
    windowStart: { type: Date, required: true },
    count: { type: Number, required: true },
    lastAt: { type: Date, required: true },
  },
  { versionKey: false },
);
signalSchema.index({ forumId: 1, lastAt: -1 });

export type SignalDoc = HydratedDocument<SignalFields>;
export const SignalModel = mongoose.model<SignalFields>('ForumSignal', signalSchema);
