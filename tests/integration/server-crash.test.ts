import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Input } from '../../shared/schemas/input';
import { connectDb, ensureIndexes } from '../../server/db/connect';
import { InputModel } from '../../server/forums/input.model';
import { VoteModel } from '../../server/forums/vote.model';
import { buildForum, buildWorld } from '../helpers/factories';
import { Client } from '../helpers/http';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess';
import { eventually, openSocket, type TestSocket } from '../helpers/sockets';

let server: ServerProcess;
let mongoUri: string;
const dbName = `t_crash_${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  mongoUri = `${inject('mongoBaseUri')}/${dbName}`;
  await connectDb(mongoUri);
  await ensureIndexes();
  server = await startServerProcess({ mongoUri });
}, 120_000);

afterAll(async () => {
  await server?.kill('SIGKILL');
  await mongoose.connection.dropDatabase().catch(() => undefined);
  await mongoose.disconnect();
});

interface Voter {
  socket: TestSocket;
  participantId: string;
}

async function voter(baseUrl: string): Promise<Voter> {
  const http = new Client(baseUrl);
  const me = await http.get<{ participantId: string }>('/api/auth/me');
  const socket = await openSocket(http);
  return { socket, participantId: me.body.participantId };
}

describe('the server killed with SIGKILL in the middle of a burst', () => {
  it('keeps every acknowledged vote and submission, and counts equal the vote records after restart', async () => {
    const world = await buildWorld();
    const forum = await buildForum(world.upp, { settings: { moderation: 'post' } });
    const forumId = forum._id.toString();
    const author = new Client(server.baseUrl);
    await author.get('/api/auth/me');
    const inputIds: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const r = await author.post<{ input: Input }>(`/api/forums/${forumId}/inputs`, {
        text: `Usulan ${i}: tambah jam layanan di hari Sabtu`,
        kind: 'suggestion',
        idempotencyKey: `crash-seed-${i}-${randomBytes(3).toString('hex')}`,
      });
      inputIds.push(r.body.input.id);
    }
    const voters = await Promise.all(Array.from({ length: 40 }, () => voter(server.baseUrl)));
    const ackedVotes: { inputId: string; voterKey: string }[] = [];
    const ackedKeys: string[] = [];
    let stop = false;
    // Each voter votes on every input, one after another, and submits once, until the kill.
    const bursts = voters.map(async (v, n) => {
      for (const inputId of inputIds) {
        if (stop) return;
        const res = await v.socket
          .timeout(5000)
          .emitWithAck('input.vote', { inputId, voted: true })
          .catch(() => null);
        if (res && 'data' in res) ackedVotes.push({ inputId, voterKey: `p:${v.participantId}` });
      }
      const key = `crash-sub-${n}-${randomBytes(4).toString('hex')}`;
      const res = await v.socket
        .timeout(5000)
        .emitWithAck('input.create', {
          forumId,
          text: `Masukan dari peserta ${n} sebelum server mati`,
          kind: 'suggestion',
          idempotencyKey: key,
        })
        .catch(() => null);
      if (res && 'data' in res) ackedKeys.push(key);
    });
    await eventually(() => ackedVotes.length >= 40, 20_000);
    console.log(`[crash] killing with ${ackedVotes.length} votes acknowledged`);
    await server.kill('SIGKILL');
    stop = true;
    await Promise.all(bursts);
    for (const v of voters) v.socket.disconnect();
    expect(ackedVotes.length).toBeGreaterThan(0);

    console.log(`[crash] ${ackedVotes.length} votes, ${ackedKeys.length} inputs acknowledged`);
    server = await startServerProcess({ mongoUri, port: server.port });
    console.log('[crash] restarted');
    for (const v of ackedVotes) {
      expect(await VoteModel.exists({ inputId: v.inputId, voterKey: v.voterKey })).toBeTruthy();
    }
    for (const key of ackedKeys) {
      expect(await InputModel.countDocuments({ idempotencyKey: key })).toBe(1);
    }
    // The restarted server rebuilt the counts from the vote documents.
    for (const id of inputIds) {
      const stored = (await InputModel.findById(id))?.votes;
      expect(stored).toBe(await VoteModel.countDocuments({ inputId: id }));
    }
    // And a client joining now sees the same counts.
    const watcher = new Client(server.baseUrl);
    const snap = await watcher.get<{ inputs: Input[] }>(`/api/forums/${forumId}`);
    for (const i of snap.body.inputs.filter((x) => inputIds.includes(x.id))) {
      expect(i.votes).toBe(await VoteModel.countDocuments({ inputId: i.id }));
    }
  }, 120_000);
});
