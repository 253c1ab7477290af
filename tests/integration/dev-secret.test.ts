import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { Client } from '../helpers/http';
import { runServerUntilExit, startServerProcess } from '../helpers/serverProcess';

const dir = mkdtempSync(path.join(os.tmpdir(), 'forum-devsecret-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('development without SESSION_SECRET', () => {
  it('generates a secret once into DATA_DIR/session-secret (0600) and keeps citizens’ cookies across a restart', async () => {
    const mongoUri = `${inject('mongoBaseUri')}/t_devsecret_${randomBytes(4).toString('hex')}`;
    const env = { SESSION_SECRET: '', DATA_DIR: dir, NODE_ENV: 'development' };
    const first = await startServerProcess({ mongoUri, env });
    const citizen = new Client(first.baseUrl);
    const me = await citizen.get<{ participantId: string }>('/api/auth/me');
    expect(me.body.participantId).toBeTruthy();
    await first.kill('SIGTERM');
    const file = path.join(dir, 'session-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const secret = readFileSync(file, 'utf8').trim();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);

    const second = await startServerProcess({ mongoUri, env });
    try {
      const again = await citizen.at(second.baseUrl).get<{ participantId: string }>('/api/auth/me');
      expect(again.body.participantId).toBe(me.body.participantId);
      expect(readFileSync(file, 'utf8').trim()).toBe(secret);
    } finally {
      await second.kill('SIGTERM');
    }
  }, 120_000);

  it('is never used in production: the start is refused without a strong SESSION_SECRET', async () => {
    const r = await runServerUntilExit({
      NODE_ENV: 'production',
      SESSION_SECRET: '',
      DATA_DIR: dir,
    });
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/SESSION_SECRET wajib kuat di produksi/);
  }, 60_000);
});
