#!/usr/bin/env node
// `npm start` on a fresh clone: installs dependencies, builds the web app, then runs the server
// (which builds and starts the embedded FerretDB on first use). No dependencies of its own.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function step(msg) {
  console.log(`\n▶ ${msg}`);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`✖ ${cmd} ${args.join(' ')} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
}

function newest(dir) {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Node.js 20.19 or newer is required (found ${process.versions.node}).`);
  process.exit(1);
}

export function ensureDependencies() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs) {
    step('Installing dependencies (npm ci)...');
    run(npm, ['ci', '--no-audit', '--no-fund']);
  }
}

export function ensureWebBuild(force = false) {
  const out = path.join(root, 'web', 'build', 'handler.js');
  const srcTime = Math.max(
    newest(path.join(root, 'web', 'src')),
    newest(path.join(root, 'shared')),
  );
  if (force || !existsSync(out) || statSync(out).mtimeMs < srcTime) {
    step('Building the web app (SvelteKit)...');
    run(npm, ['run', '--silent', 'build:web']);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  ensureDependencies();
  ensureWebBuild();
  step('Starting Forum Publik...');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
