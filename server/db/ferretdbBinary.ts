import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { DatabaseSetupError } from './errors';

export const FERRETDB_VERSION = 'v1.24.2';
export const FERRETDB_MODULE_AT = `github.com/FerretDB/FerretDB@${FERRETDB_VERSION}`;

export class MissingDatabaseError extends DatabaseSetupError {}

export function ferretdbPath(toolsDir: string): string {
  return path.join(toolsDir, 'bin', 'ferretdb');
}

export const GO_CANDIDATES = ['go', '/usr/local/go/bin/go', '/usr/lib/go/bin/go'];

function findGo(candidates: readonly string[]): string | undefined {
  for (const candidate of candidates) {
    const r = spawnSync(candidate, ['version'], { encoding: 'utf8' });
    if (r.status === 0) return candidate;
  }
  return undefined;
}

/**
 * Returns the path of the FerretDB binary, building it with `go install` on first use.
 * Progress goes to `log` (one line per package compiled, with elapsed time).
 */
export async function ensureFerretdb(
  toolsDir: string,
  log: (line: string) => void = (l) => process.stderr.write(l + '\n'),
  goCandidates: readonly string[] = GO_CANDIDATES,
): Promise<string> {
  const bin = ferretdbPath(toolsDir);
  if (existsSync(bin)) return bin;
  const go = findGo(goCandidates);
  if (!go) {
    throw new MissingDatabaseError(
      [
        'Tidak ada database: MONGODB_URI tidak diisi dan Go tidak terpasang.',
        'No database: MONGODB_URI is not set and Go is not installed. Either:',
        '  1. set MONGODB_URI to a MongoDB server (e.g. mongodb://127.0.0.1:27017/forum), or',
        '  2. install Go (https://go.dev/dl/ or `apt-get install golang`) so the embedded',
        `     FerretDB ${FERRETDB_VERSION} can be built into ${path.dirname(bin)}.`,
      ].join('\n'),
    );
  }
  mkdirSync(path.dirname(bin), { recursive: true });
  log(`[db] Building FerretDB ${FERRETDB_VERSION} (first run only, 1-4 minutes)...`);
  const started = Date.now();
  // `go install module@version` leaves build/version/version.txt empty and the binary panics at
  // start, so build the same module source with the version file filled in.
  const dl = await run(
    go,
    ['mod', 'download', '-json', FERRETDB_MODULE_AT],
    undefined,
    log,
    started,
  );
  const dir = (JSON.parse(dl) as { Dir?: string }).Dir;
  if (!dir) throw new Error('go mod download did not report the module folder');
  const src = path.join(toolsDir, 'src', `ferretdb-${FERRETDB_VERSION}`);
  rmSync(src, { recursive: true, force: true });
  cpSync(dir, src, { recursive: true });
  chmodTree(src);
  writeFileSync(path.join(src, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
  await run(go, ['build', '-v', '-o', bin, './cmd/ferretdb'], src, log, started);
  rmSync(src, { recursive: true, force: true });
  log(`[db] FerretDB built in ${Math.round((Date.now() - started) / 1000)}s: ${bin}`);
  return bin;
}

function chmodTree(dir: string): void {
  chmodSync(dir, 0o755);
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) chmodTree(p);
    else chmodSync(p, 0o644);
  }
}

/** Runs a go command, logging progress every few steps; resolves with its stdout. */
function run(
  cmd: string,
  args: string[],
  cwd: string | undefined,
  log: (line: string) => void,
  started: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, CGO_ENABLED: process.env.CGO_ENABLED ?? '0', GOFLAGS: '-mod=mod' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let tail = '';
    let count = 0;
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      for (const line of d.toString().split('\n')) {
        if (!line.trim()) continue;
        tail = (tail + '\n' + line).slice(-4000);
        count += 1;
        if (count % 25 === 0) {
          const secs = Math.round((Date.now() - started) / 1000);
          log(`[db]   ${secs}s, ${count} packages compiled (${line.trim().slice(0, 70)})`);
        }
      }
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`${cmd} ${args.join(' ')} failed (exit ${code}):${tail}`)),
    );
  });
}
