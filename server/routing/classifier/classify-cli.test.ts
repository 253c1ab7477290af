import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { saveModel, train } from './index';
import { syntheticCorpus } from './synthetic.fixture';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const script = join(root, 'scripts', 'classify.ts');
const dir = mkdtempSync(join(tmpdir(), 'routing-cli-'));
const modelPath = join(dir, 'model.json.gz');
saveModel(train(syntheticCorpus(), { epochs: 6 }), modelPath);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runCli(input: string): {
  lines: Record<string, unknown>[];
  stdout: string;
  status: number;
} {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, '--model', modelPath], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const stdout = r.stdout ?? '';
  const lines = stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { lines, stdout, status: r.status ?? -1 };
}

describe('npm run classify', () => {
  it('answers every non-empty line in order and reports malformed lines as errors', () => {
    const input = [
      JSON.stringify({ id: 'a1', text: 'jalan di depan rumah rusak parah berlubang' }),
      '{"id": "broken", "text": ',
      '',
      JSON.stringify({ id: 7, body: 'no text field' }),
      JSON.stringify({ id: 'n', text: 42 }),
      '[1,2,3]',
      '   ',
      JSON.stringify({ text: 'listrik padam setiap malam' }),
      JSON.stringify({ id: 'empty', text: '' }),
    ].join('\n');
    const { lines, stdout, status } = runCli(input);
    expect(status).toBe(0);
    expect(stdout.endsWith('\n')).toBe(true);
    expect(lines).toHaveLength(7);
    const [ok, bad, missing, notString, array, noId, empty] = lines;
    expect(ok).toMatchObject({ id: 'a1', sector: 'pekerjaan_umum', serviceCode: 'LNG-0117-02' });
    expect(ok?.['topSectors']).toHaveLength(3);
    expect(typeof ok?.['confidence']).toBe('number');
    expect(Object.keys(ok ?? {}).sort()).toEqual(
      ['confidence', 'id', 'sector', 'serviceCode', 'topSectors'].sort(),
    );
    expect(bad).toEqual({ id: null, error: 'invalid JSON' });
    expect(missing).toEqual({ id: 7, error: 'missing text' });
    expect(notString).toEqual({ id: 'n', error: 'text must be a string' });
    expect(array).toMatchObject({ id: null, error: expect.any(String) });
    expect(noId).toMatchObject({ id: null, sector: 'listrik' });
    expect(empty).toMatchObject({ id: 'empty', sector: expect.any(String) });
  }, 60_000);

  it('handles a large batch with nothing but results on stdout', () => {
    const long = 'air pdam tidak mengalir dan jalan rusak '.repeat(120);
    const input = Array.from({ length: 300 }, (_, i) => JSON.stringify({ id: i, text: long }));
    const { lines, status } = runCli(input.join('\n'));
    expect(status).toBe(0);
    expect(lines.map((l) => l['id'])).toEqual(input.map((_, i) => i));
  }, 60_000);
});
