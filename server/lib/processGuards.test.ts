import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const guards = path.join(import.meta.dirname, 'processGuards.ts');

/** Runs a script in a fresh Node process with the guards installed; returns code and output. */
function run(body: string) {
  const script = `import { installProcessGuards } from ${JSON.stringify(guards)};\ninstallProcessGuards();\n${body}`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'info', VITEST: '' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  const lines = r.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { level: number; msg: string; err?: { message: string } });
  return { code: r.status, lines, stdout: r.stdout };
}

describe('process guards', () => {
  it('log an unhandled rejection and keep the process serving', () => {
    const r = run(
      `Promise.reject(new Error('lost promise'));\nsetTimeout(() => console.log('still serving'), 300);`,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('still serving');
    const line = r.lines.find((l) => l.msg === 'unhandled promise rejection (still serving)');
    expect(line?.level).toBe(50);
    expect(line?.err?.message).toBe('lost promise');
  });

  it('log an uncaught exception and exit 1 for the process manager', () => {
    const r = run(
      `setTimeout(() => { throw new Error('broken state'); }, 10);\nsetTimeout(() => console.log('never'), 2000);`,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('never');
    const line = r.lines.find((l) => l.msg === 'uncaught exception: exiting');
    expect(line?.level).toBe(60);
    expect(line?.err?.message).toBe('broken state');
  });
});
