#!/usr/bin/env node
// `npm test`: installs what is missing, then runs the check and the three test tiers in order.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies, ensureWebBuild } from './start.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

ensureDependencies();
const results = [];
function tier(name, args) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const r = spawnSync(npm, args, { cwd: root, stdio: 'inherit' });
  const secs = ((Date.now() - started) / 1000).toFixed(0);
  results.push({ name, ok: r.status === 0, secs });
  if (r.status !== 0) {
    summary();
    process.exit(r.status ?? 1);
  }
}
function summary() {
  console.log('\nSummary:');
  for (const r of results) console.log(`  ${r.ok ? '✔' : '✖'} ${r.name} (${r.secs}s)`);
}

tier('check (format, lint, typecheck, svelte-check)', ['run', '--silent', 'check']);
tier('unit tests', ['run', '--silent', 'test:unit']);
tier('integration tests (real FerretDB, real sockets)', ['run', '--silent', 'test:integration']);
ensureWebBuild();
tier('end-to-end tests (Chromium)', ['run', '--silent', 'test:e2e']);
summary();
