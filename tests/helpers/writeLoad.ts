import { randomBytes } from 'node:crypto';
import type { Input } from '../../shared/schemas/input';
import { Client } from './http';
import { openSocket, type TestSocket } from './sockets';

/** One write a client sends: a submission with its idempotency key, or an upvote. */
export type WriteOp =
  { kind: 'submit'; key: string; text: string } | { kind: 'vote'; inputId: string };

/** How one attempt ended. */
export type Outcome =
  | { ok: true }
  | {
      ok: false;
      /**
       * The error code; `timeout`: sent, no answer came; `network`: the HTTP connection broke
       * mid-request; `refused`: no connection was accepted (nothing sent); `disconnected`: the
       * socket was not connected (nothing sent).
       */
      code: string;
      /** HTTP: the Retry-After header; sockets: the ack's `retryable`. */
      retryAfter?: string | null;
      retryable?: boolean;
      status?: number;
      message?: string;
    };

export interface Attempt {
  client: number;
  via: 'socket' | 'http';
  op: WriteOp;
  outcome: Outcome;
}

/** A citizen's phone: its own participant cookie, writing over a socket or over HTTP. */
export class Writer {
  readonly ops: WriteOp[] = [];
  private sent = 0;
  /** The server said it is shutting down (`server.draining`): send nothing more. */
  drainNotice: { reconnectJitterMs: number } | null = null;

  private constructor(
    readonly n: number,
    readonly via: 'socket' | 'http',
    readonly http: Client,
    readonly socket: TestSocket | null,
    readonly participantId: string,
  ) {}

  static async open(baseUrl: string, n: number, via: 'socket' | 'http'): Promise<Writer> {
    const http = new Client(baseUrl);
    const me = await http.get<{ participantId: string }>('/api/auth/me');
    const socket = via === 'socket' ? await openSocket(http) : null;
    const w = new Writer(n, via, http, socket, me.body.participantId);
    socket?.on('server.draining', (p) => (w.drainNotice = p));
    return w;
  }

  get voterKey(): string {
    return `p:${this.participantId}`;
  }

  /** The next write: submissions and votes in turn (votes cycle over `inputIds`). */
  next(inputIds: string[]): WriteOp {
    const i = this.sent;
    this.sent += 1;
    const op: WriteOp =
      i % 2 === 0
        ? {
            kind: 'submit',
            key: `load-${this.n}-${i}-${randomBytes(4).toString('hex')}`,
            text: `Masukan ${this.n}.${i}: mohon antrean loket dibuat lebih tertib`,
          }
        : { kind: 'vote', inputId: inputIds[Math.floor(i / 2) % inputIds.length]! };
    this.ops.push(op);
    return op;
  }

  /** Sends one write and says how it ended (never throws). */
  async send(forumId: string, op: WriteOp, timeoutMs = 10_000): Promise<Outcome> {
    if (this.socket) {
      if (!this.socket.connected) return { ok: false, code: 'disconnected' };
      const s = this.socket.timeout(timeoutMs);
      const res = await (
        op.kind === 'submit'
          ? s.emitWithAck('input.create', {
              forumId,
              text: op.text,
              kind: 'suggestion',
              idempotencyKey: op.key,
            })
          : s.emitWithAck('input.vote', { inputId: op.inputId, voted: true })
      ).catch(() => null);
      if (!res) return { ok: false, code: 'timeout' };
      if ('data' in res) return { ok: true };
      return {
        ok: false,
        code: res.error.code,
        retryable: res.error.retryable,
        message: res.error.message,
      };
    }
    const signal = AbortSignal.timeout(timeoutMs);
    const res = await Promise.race([
      op.kind === 'submit'
        ? this.http.post<{ error?: { code: string; message: string } }>(
            `/api/forums/${forumId}/inputs`,
            { text: op.text, kind: 'suggestion', idempotencyKey: op.key },
          )
        : this.http.post<{ error?: { code: string; message: string } }>(
            `/api/inputs/${op.inputId}/vote`,
            { voted: true },
          ),
      new Promise<null>((resolve) => signal.addEventListener('abort', () => resolve(null))),
    ]).catch((err: unknown) => ({ failed: err }));
    if (res === null) return { ok: false, code: 'timeout' };
    if ('failed' in res) {
      const cause = (res.failed as { cause?: { code?: string } }).cause;
      return {
        ok: false,
        code: cause?.code === 'ECONNREFUSED' ? 'refused' : 'network',
        message: `${cause?.code ?? ''} ${String(res.failed)}`,
      };
    }
    if (res.status < 300) return { ok: true };
    return {
      ok: false,
      code: res.body.error?.code ?? String(res.status),
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      message: res.body.error?.message,
    };
  }

  close(): void {
    this.socket?.disconnect();
  }
}

/** Seeds `count` published inputs by an author of its own (so every writer may vote on them). */
export async function seedInputs(baseUrl: string, forumId: string, count: number) {
  const author = new Client(baseUrl);
  await author.get('/api/auth/me');
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const r = await author.post<{ input: Input }>(`/api/forums/${forumId}/inputs`, {
      text: `Usulan ${i}: tambah jam layanan di hari Sabtu`,
      kind: 'suggestion',
      idempotencyKey: `seed-${i}-${randomBytes(4).toString('hex')}`,
    });
    if (r.status !== 201 && r.status !== 200) {
      throw new Error(`seed input: ${r.status} ${JSON.stringify(r.body)}`);
    }
    ids.push(r.body.input.id);
  }
  return ids;
}

/**
 * Writers send writes one after another, `pauseMs` apart, until `stop()`; every attempt is
 * recorded. `maxOps` keeps each writer under the per-participant submission limit (20 a minute).
 */
export function runLoad(
  writers: Writer[],
  forumId: string,
  inputIds: string[],
  opts: { pauseMs: number; maxOps: number },
) {
  const attempts: Attempt[] = [];
  let stopped = false;
  const loops = writers.map(async (w) => {
    for (let i = 0; i < opts.maxOps && !stopped && !w.drainNotice; i += 1) {
      const op = w.next(inputIds);
      const outcome = await w.send(forumId, op);
      attempts.push({ client: w.n, via: w.via, op, outcome });
      // A client told the server is going away stops sending to it (and would go elsewhere).
      if (!outcome.ok && ['shutting_down', 'refused'].includes(outcome.code)) break;
      await new Promise((r) => setTimeout(r, opts.pauseMs));
    }
  });
  return {
    attempts,
    async stop(): Promise<void> {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

/**
 * Sends every write each writer ever tried again, with the same idempotency keys, until it is
 * acknowledged (waiting `Retry-After` on a retryable answer); returns the refusals that were not
 * retryable.
 */
export async function resendAll(
  writers: Writer[],
  forumId: string,
  maxTries = 20,
): Promise<{ writer: number; op: WriteOp; outcome: Outcome }[]> {
  const refused: { writer: number; op: WriteOp; outcome: Outcome }[] = [];
  await Promise.all(
    writers.map(async (w) => {
      for (const op of w.ops) {
        for (let t = 0; ; t += 1) {
          const outcome = await w.send(forumId, op);
          if (outcome.ok) break;
          const passing = outcome.code === 'db_unavailable' || outcome.code === 'rate_limited';
          if (!passing || t >= maxTries) {
            refused.push({ writer: w.n, op, outcome });
            break;
          }
          await new Promise((r) => setTimeout(r, 500));
        }
      }
    }),
  );
  return refused;
}
