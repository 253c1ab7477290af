import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureFerretdb, MissingDatabaseError } from './ferretdbBinary';

describe('embedded database binary', () => {
  it('stops with a message naming both ways forward when Go is missing', async () => {
    const tools = mkdtempSync(path.join(os.tmpdir(), 'forum-tools-'));
    try {
      const attempt = ensureFerretdb(tools, () => undefined, ['/nonexistent/go']);
      await expect(attempt).rejects.toBeInstanceOf(MissingDatabaseError);
      await expect(attempt).rejects.toThrow(/MONGODB_URI/);
      await expect(attempt).rejects.toThrow(/install Go/);
    } finally {
      rmSync(tools, { recursive: true, force: true });
    }
  });
});
