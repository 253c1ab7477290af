/** Where the truth is read after a run: the database, or the floor's memory. */
import { Types } from 'mongoose';
import { z } from 'zod';
import { InputModel } from '../../server/forums/input.model';
import { VoteModel } from '../../server/forums/vote.model';
import { httpGet } from './protocol';
import type { Store } from './run';
import type { StoreTruth } from './stats';

export function databaseStore(forumId: string): Store {
  const fid = new Types.ObjectId(forumId);
  const read = async (): Promise<StoreTruth> => {
    const [inputs, votes] = await Promise.all([
      InputModel.find({ forumId: fid }, { votes: 1, idempotencyKey: 1 }).lean(),
      VoteModel.find({ forumId: fid }, { inputId: 1 }).lean(),
    ]);
    const truth: StoreTruth = { inputs: {}, keys: {} };
    for (const i of inputs) {
      truth.inputs[i._id.toString()] = { voteDocs: 0, votesField: i.votes };
      truth.keys[i.idempotencyKey] = (truth.keys[i.idempotencyKey] ?? 0) + 1;
    }
    for (const v of votes) {
      const id = v.inputId.toString();
      const t = (truth.inputs[id] ??= { voteDocs: 0, votesField: 0 });
      t.voteDocs += 1;
    }
    return truth;
  };
  return {
    truth: read,
    state: async () => {
      const t = await read();
      const inputs = Object.values(t.inputs);
      return {
        fingerprint: [
          inputs.length,
          inputs.reduce((s, i) => s + i.voteDocs, 0),
          inputs.reduce((s, i) => s + i.votesField, 0),
        ].join('/'),
        consistent: inputs.every((i) => i.voteDocs === i.votesField),
      };
    },
  };
}

const FloorState = z.object({
  counts: z.record(z.string(), z.number()),
  keys: z.array(z.string()),
});

export function floorStore(baseUrl: string): Store {
  const read = async (): Promise<StoreTruth> => {
    const res = await httpGet(baseUrl, '/api/floor/state', null, 10_000);
    const state = FloorState.parse(res.body);
    const truth: StoreTruth = { inputs: {}, keys: {} };
    for (const [id, n] of Object.entries(state.counts)) {
      truth.inputs[id] = { voteDocs: n, votesField: n };
    }
    for (const k of state.keys) truth.keys[k] = (truth.keys[k] ?? 0) + 1;
    return truth;
  };
  return {
    truth: read,
    state: async () => {
      const t = await read();
      const votes = Object.values(t.inputs).reduce((s, i) => s + i.voteDocs, 0);
      return { fingerprint: `${votes}/${Object.keys(t.keys).length}`, consistent: true };
    },
  };
}
