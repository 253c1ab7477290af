#!/usr/bin/env node
// Prints the JavaScript a page of the built web app loads (static imports of the client entry,
// the app, the root layout and the route's nodes), raw and gzipped, from Vite's manifest.
// Usage: node scripts/route-js.mjs /f/[id] /j/[code]   (prints one JSON line per route)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'web');
const out = path.join(root, '.svelte-kit', 'output', 'client');
const manifest = JSON.parse(readFileSync(path.join(out, '.vite', 'manifest.json'), 'utf8'));
const app = readFileSync(path.join(root, '.svelte-kit/generated/client-optimized/app.js'), 'utf8');

/** Node indexes of a route id, from the generated client dictionary (layouts first). */
function nodesOf(routeId) {
  const m = app.match(new RegExp(`"${routeId.replace(/[[\]/]/g, '\\$&')}": \\[([^\\]]*)\\]`));
  if (!m) throw new Error(`route ${routeId} not in the client dictionary`);
  // `~7`: a node with a server load; negative numbers mark layouts that are skipped.
  const ids = m[1].split(',').map((s) => Number(s.trim().replace('~', '')));
  return [0, ...ids.filter((n) => Number.isInteger(n) && n >= 0)];
}

/** Every file a manifest entry statically imports, itself included. */
function closure(key, seen = new Set()) {
  const entry = manifest[key];
  if (!entry || seen.has(entry.file)) return seen;
  seen.add(entry.file);
  for (const dep of entry.imports ?? []) closure(dep, seen);
  return seen;
}

export function routeJs(routeId) {
  const keys = [
    '../node_modules/@sveltejs/kit/src/runtime/client/entry.js',
    '.svelte-kit/generated/client-optimized/app.js',
    ...new Set(nodesOf(routeId).map((n) => `.svelte-kit/generated/client-optimized/nodes/${n}.js`)),
  ];
  const files = new Set();
  for (const k of keys) closure(k, files);
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const buf = readFileSync(path.join(out, f));
    raw += buf.length;
    gzip += gzipSync(buf, { level: 9 }).length;
  }
  return {
    route: routeId,
    files: files.size,
    rawKB: +(raw / 1024).toFixed(1),
    gzipKB: +(gzip / 1024).toFixed(1),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of process.argv.slice(2)) console.log(JSON.stringify(routeJs(r)));
}
