import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { devSecretFile, loadOrCreateDevSecret } from './devSecret';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'forum-secret-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the development session secret', () => {
  it('is generated once into DATA_DIR/session-secret, readable by its owner only', () => {
    const dir = path.join(tmp(), 'data');
    const first = loadOrCreateDevSecret(dir);
    expect(first.created).toBe(true);
    expect(first.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(devSecretFile(dir)).mode & 0o777).toBe(0o600);
    const again = loadOrCreateDevSecret(dir);
    expect(again).toEqual({ secret: first.secret, created: false });
  });

  it('replaces an unusable file and tightens a loosened one', () => {
    const dir = tmp();
    writeFileSync(devSecretFile(dir), 'short\n', { mode: 0o644 });
    const made = loadOrCreateDevSecret(dir);
    expect(made.created).toBe(true);
    expect(made.secret).toMatch(/^[0-9a-f]{64}$/);
    chmodSync(devSecretFile(dir), 0o644);
    const kept = loadOrCreateDevSecret(dir);
    expect(kept.secret).toBe(made.secret);
    expect(statSync(devSecretFile(dir)).mode & 0o777).toBe(0o600);
  });
});
