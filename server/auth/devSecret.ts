import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where a development server keeps its generated session secret. */
export const devSecretFile = (dataDir: string): string => path.join(dataDir, 'session-secret');

/**
 * Off production without SESSION_SECRET: the secret generated on the first start, kept in
 * `DATA_DIR/session-secret` (mode 0600), so a restart keeps citizens' cookies (their
 * participant id, "Masukan saya") and staff sessions. Production never comes here: it refuses
 * to start without a strong SESSION_SECRET (server/config.ts).
 */
export function loadOrCreateDevSecret(dataDir: string): { secret: string; created: boolean } {
  const file = devSecretFile(dataDir);
  const existing = readSecret(file);
  if (existing) {
    // Tighten a file someone loosened; the secret itself stays.
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    return { secret: existing, created: false };
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  try {
    // `wx`: when two processes start together, one writes and the other reads its secret.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return { secret, created: true };
  } catch (err) {
    const raced = readSecret(file);
    if (raced) return { secret: raced, created: false };
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    // An unusable file (empty, truncated): replace it.
    writeFileSync(file, `${secret}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
    return { secret, created: true };
  }
}

function readSecret(file: string): string | null {
  try {
    const s = readFileSync(file, 'utf8').trim();
    return /^[0-9a-f]{64}$/.test(s) ? s : null;
  } catch {
    return null;
  }
}
