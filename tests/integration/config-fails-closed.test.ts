import { afterAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import { inject } from 'vitest';
import { randomBytes } from 'node:crypto';
import { DEMO_ACCOUNTS } from '../../server/seed/demo-data';
import {
  runServerUntilExit,
  startServerProcess,
  type ServerProcess,
} from '../helpers/serverProcess';

const STRONG = 'c4f1a9e07b3d5f2a8c6e4b1d9f7a3c5e0b2d4f6a8c1e3b5d';
const running: ServerProcess[] = [];
const dbUri = () => `${inject('mongoBaseUri')}/cfg_${randomBytes(4).toString('hex')}`;

afterAll(async () => {
  for (const p of running) await p.kill();
});

async function users(uri: string): Promise<{ email: string; demo?: boolean }[]> {
  const conn = await mongoose.createConnection(uri).asPromise();
  try {
    return (await conn.collection('users').find({}).toArray()) as unknown as {
      email: string;
      demo?: boolean;
    }[];
  } finally {
    await conn.close();
  }
}

describe('a configuration that fails closed', () => {
  it('stops on a mistyped NODE_ENV with a message in both languages', async () => {
    const r = await runServerUntilExit({ NODE_ENV: 'prod', MONGODB_URI: dbUri() });
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/Konfigurasi tidak sah/);
    expect(r.output).toMatch(/Invalid configuration/);
    expect(r.output).toMatch(/NODE_ENV="prod"/);
  });

  it('in development listens on 127.0.0.1 by default and seeds the demo there only', async () => {
    const uri = dbUri();
    const dev = await startServerProcess({
      mongoUri: uri,
      env: { NODE_ENV: 'development', HOST: '', SEED_DEMO: '' },
    });
    running.push(dev);
    expect(dev.output()).toMatch(/listening on 127\.0\.0\.1:\d+ \(this machine only/);
    const seeded = await users(uri);
    expect(
      seeded
        .filter((u) => u.demo)
        .map((u) => u.email)
        .sort(),
    ).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    await dev.kill();

    const lanUri = dbUri();
    const lan = await startServerProcess({
      mongoUri: lanUri,
      env: { NODE_ENV: 'development', HOST: '0.0.0.0', SEED_DEMO: '' },
    });
    running.push(lan);
    expect(lan.output()).toMatch(/demo \(published passwords\) is not seeded/);
    expect(await users(lanUri)).toEqual([]);
    await lan.kill();

    // Production refuses to start while those demo accounts exist.
    const prod = await runServerUntilExit({
      NODE_ENV: 'production',
      SESSION_SECRET: STRONG,
      MONGODB_URI: uri,
    });
    expect(prod.code).toBe(1);
    expect(prod.output).toMatch(/akun demo/);
    expect(prod.output).toMatch(/demo accounts with published passwords/);
    expect(prod.output).toContain('admin@sukamaju.demo');
  });

  it('refuses a weak session secret in production before touching the database', async () => {
    const r = await runServerUntilExit({
      NODE_ENV: 'production',
      SESSION_SECRET: 'changeme-changeme-changeme-changeme',
      MONGODB_URI: dbUri(),
    });
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/SESSION_SECRET/);
  });
});
