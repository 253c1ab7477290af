#!/usr/bin/env node
// `npm test`: installs what is missing, then runs the check and the three test tiers in order.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
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
const reports = path.join(root, 'test-artifacts');
mkdirSync(reports, { recursive: true });
for (const project of ['unit', 'integration', 'e2e']) {
  rmSync(path.join(reports, `vitest-${project}.json`), { force: true });
}
/** vitest for one project, with a JSON report to count the tests. */
function vitestArgs(project) {
  const out = path.join(reports, `vitest-${project}.json`);
  return [
    'exec',
    '--',
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${out}`,
  ];
}
function summary() {
  console.log('\nSummary:');
  for (const r of results) console.log(`  ${r.ok ? '✔' : '✖'} ${r.name} (${r.secs}s)`);
  let passed = 0;
  let failed = 0;
  for (const project of ['unit', 'integration', 'e2e']) {
    const file = path.join(reports, `vitest-${project}.json`);
    if (!existsSync(file)) continue;
    const r = JSON.parse(readFileSync(file, 'utf8'));
    passed += r.numPassedTests ?? 0;
    // A file that failed to load (no test ran in it) counts as one failure.
    failed += r.numFailedTests || r.numFailedTestSuites || 0;
  }
  console.log(`\nTests: ${passed} passed, ${failed} failed`);
}

tier('check (format, lint, typecheck, svelte-check)', ['run', '--silent', 'check']);
tier('unit tests', vitestArgs('unit'));
tier('integration tests (real FerretDB, real sockets)', vitestArgs('integration'));
ensureWebBuild();
tier('end-to-end tests (Chromium)', vitestArgs('e2e'));
summary();
