#!/usr/bin/env node
// `npm run build:server`: compiles the server ahead of time into dist/server/*.js (esbuild, one
// bundle per entry, dependencies left in node_modules), so production runs plain JavaScript.
// Data shipped beside the sources (catalog, routing model and corpus) stays where it is: each
// source file's `import.meta.url`/`dirname` is rewritten to point at its place in the repo,
// relative to the bundle, so the dist folder works wherever the checkout is.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'server');
const entries = {
  main: 'server/main.ts',
  'train.job': 'server/routing/train.job.ts',
  'create-admin': 'scripts/create-admin.ts',
};

const posix = (p) => p.split(path.sep).join('/');

/** Rewrites import.meta.url / import.meta.dirname of each source file to its own location. */
const sourceLocation = {
  name: 'source-location',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      let code = await readFile(args.path, 'utf8');
      const rel = posix(path.relative(outdir, args.path));
      const relDir = posix(path.relative(outdir, path.dirname(args.path))) || '.';
      const here = '__BUNDLE_URL__';
      const url = `new URL(${JSON.stringify(rel)}, ${here}).href`;
      const dir = `process.getBuiltinModule('node:url').fileURLToPath(new URL(${JSON.stringify(relDir + '/')}, ${here})).replace(/[\\\\/]$/, '')`;
      code = code
        .replaceAll('import.meta.dirname', `(${dir})`)
        .replaceAll('import.meta.url', `(${url})`)
        .replaceAll(here, 'import.meta.url');
      return { contents: code, loader: 'ts' };
    });
  },
};

const started = Date.now();
await build({
  entryPoints: Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, path.join(root, v)])),
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [sourceLocation],
  define: { __FP_BUNDLE__: 'true' },
  banner: { js: '// Built by scripts/build-server.mjs from server/ — do not edit.' },
});
console.log(
  `server built into ${posix(path.relative(root, outdir))}/ (${Object.keys(entries).join(', ')}) in ${Date.now() - started} ms`,
);
