import type { Types } from 'mongoose';
import { ForumParticipantModel, VoteModel } from '../forums/vote.model';
import { GroupCommit } from '../lib/groupCommit';

interface BulkError {
  code?: number;
  writeErrors?: { index: number; code?: number; errmsg?: string }[];
}

/**
 * Inserts documents in batches; a duplicate key (the unique index already holds the document)
 * counts as stored. Other per-document errors reject only that document's submitter.
 */
function insertIgnoringDuplicates<D extends object>(insert: (docs: D[]) => Promise<unknown>) {
  return async (docs: D[]): Promise<(true | Error)[]> => {
    try {
      await insert(docs);
      return docs.map(() => true as const);
    } catch (err) {
      const e = err as BulkError;
      if (!e.writeErrors) {
        if (e.code === 11000 && docs.length === 1) return [true];
        throw err;
      }
      const failed = new Map(e.writeErrors.map((w) => [w.index, w]));
      return docs.map((_, i) => {
        const w = failed.get(i);
        if (!w || w.code === 11000) return true as const;
        return new Error(w.errmsg ?? `insert failed (${w.code})`);
      });
    }
  };
}

export interface VoteDoc {
  inputId: Types.ObjectId;
  forumId: Types.ObjectId;
  voterKey: string;
  createdAt: Date;
}

export interface ParticipantDoc {
  forumId: Types.ObjectId;
  key: string;
  createdAt: Date;
}

/** Group-committed writers of the hot path: votes and first-time participants. */
export function hotWriters() {
  return {
    votes: new GroupCommit<VoteDoc, true>(
      insertIgnoringDuplicates((docs) => VoteModel.collection.insertMany(docs, { ordered: false })),
    ),
    participants: new GroupCommit<ParticipantDoc, true>(
      insertIgnoringDuplicates((docs) =>
        ForumParticipantModel.collection.insertMany(docs, { ordered: false }),
      ),
    ),
  };
}
