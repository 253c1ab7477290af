/**
 * The import graph of server/ and shared/, type-only imports included.
 *
 *   tsx scripts/deps-graph.ts          fails on any file-level import cycle and when the folder
 *                                      diagram in docs/ARCHITECTURE.md is not current
 *   tsx scripts/deps-graph.ts --write  rewrites the diagram in docs/ARCHITECTURE.md
 *
 * ESLint's import-x/no-cycle catches cycles of value imports; this also sees `import type`
 * cycles, which tsc accepts but which still tie two modules into one. It also refuses a value
 * import of a mongoose model (`*.model.ts`) in a route file or in realtime/broadcast.ts: those
 * call services and never query the database themselves.
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '..');
const SCOPES = ['server', 'shared'];
const DOC = join(ROOT, 'docs/ARCHITECTURE.md');
const BEGIN = '<!-- deps-graph:begin (npm run deps:graph) -->';
const END = '<!-- deps-graph:end -->';

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.ts$/.test(name) && !/\.(test|fixture)\.ts$/.test(name) && !name.endsWith('.d.ts'))
      out.push(path);
  }
  return out;
}

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
  }
  return null;
}

/** File -> the files it imports (relative imports only, type-only ones included). */
export function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of SCOPES.flatMap((s) => sourceFiles(join(ROOT, s)))) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const deps = info.importedFiles
      .map((f) => resolveImport(file, f.fileName))
      .filter((f): f is string => f !== null && !/\.(test|fixture)\.ts$/.test(f));
    graph.set(file, [...new Set(deps)]);
  }
  return graph;
}

/** Strongly connected components with more than one file (Tarjan). */
export function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.map((f) => relative(ROOT, f)).sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

/** Files that must not reach the database: route handlers and the broadcaster. */
const NO_MODELS = /(\.routes\.ts|[\\/]realtime[\\/]broadcast\.ts)$/;

/** Value imports of mongoose models (`*.model.ts`) where NO_MODELS forbids them. */
export function modelImports(files: Iterable<string>): string[] {
  const out: string[] = [];
  for (const file of files) {
    if (!NO_MODELS.test(file)) continue;
    const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    for (const st of src.statements) {
      if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
      if (!/\.model$/.test(st.moduleSpecifier.text)) continue;
      const clause = st.importClause;
      const named = clause?.namedBindings;
      const typeOnly =
        clause?.isTypeOnly ||
        (!clause?.name &&
          named !== undefined &&
          ts.isNamedImports(named) &&
          named.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) out.push(`${relative(ROOT, file)} imports ${st.moduleSpecifier.text}`);
    }
  }
  return out;
}

/** The folder a file belongs to in the diagram: server/<domain>, or shared. */
function layer(file: string): string {
  const parts = relative(ROOT, file).split('/');
  if (parts[0] === 'shared') return 'shared';
  return parts.length > 2 ? `server/${parts[1]}` : `server/${parts[1]!.replace(/\.ts$/, '')}`;
}

/** The composition root: wires everything, so only its own chain and the context are drawn. */
const ROOTS = ['main', 'app', 'domain'];
/** Used by every domain: edges into these are left out of the picture (edges out are drawn). */
const INFRA = ['http', 'live', 'db', 'lib', 'clock', 'config', 'realtime', 'context'];

/**
 * A Mermaid flowchart of the imports between server folders (type-only imports included). Left
 * out, to keep it readable: shared/ (everyone uses it), edges into the infrastructure group, and
 * the composition root's edges other than main -> app -> domain -> context.
 */
export function mermaid(graph: Map<string, string[]>): string {
  const edges = new Set<string>();
  const nodes = new Set<string>();
  const name = (l: string) => l.replace(/^server\//, '');
  for (const [file, deps] of graph) {
    const a = name(layer(file));
    if (a === 'shared') continue;
    nodes.add(a);
    for (const dep of deps) {
      const b = name(layer(dep));
      if (b === a || b === 'shared') continue;
      if (ROOTS.includes(a) && !ROOTS.includes(b) && b !== 'context') continue;
      if (INFRA.includes(b) && !ROOTS.includes(a)) continue;
      edges.add(`${a} --> ${b}`);
    }
  }
  const id = (n: string) => n.replace(/[^a-zA-Z0-9]/g, '_');
  const group = (title: string, members: string[]) => [
    `  subgraph ${id(title)}[${title}]`,
    ...members.filter((n) => nodes.has(n)).map((n) => `    ${id(n)}[${n}]`),
    '  end',
  ];
  const domains = [...nodes].filter((n) => !ROOTS.includes(n) && !INFRA.includes(n)).sort();
  const lines = [
    '```mermaid',
    'flowchart TD',
    ...group('composition root', ROOTS),
    ...group('domains', domains),
    ...group('infrastructure', INFRA),
  ];
  for (const e of [...edges].sort()) {
    const [a, b] = e.split(' --> ') as [string, string];
    lines.push(`  ${id(a)} --> ${id(b)}`);
  }
  lines.push('```');
  return lines.join('\n');
}

function main(): void {
  const graph = importGraph();
  const found = cycles(graph);
  let failed = false;
  for (const c of found) {
    console.error(`import cycle: ${c.join(' <-> ')}`);
    failed = true;
  }
  for (const m of modelImports(graph.keys())) {
    console.error(`${m}: routes and the broadcaster call services, never models`);
    failed = true;
  }
  const doc = readFileSync(DOC, 'utf8');
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) {
    console.error(`docs/ARCHITECTURE.md lacks the markers ${BEGIN} ... ${END}`);
    process.exit(1);
  }
  const current = `${BEGIN}\n\n${mermaid(graph)}\n\n${END}`;
  const next = doc.slice(0, start) + current + doc.slice(end + END.length);
  if (process.argv.includes('--write')) {
    if (next !== doc) writeFileSync(DOC, next);
  } else if (next !== doc) {
    console.error('docs/ARCHITECTURE.md: the dependency diagram is stale; run npm run deps:graph');
    failed = true;
  }
  if (failed) process.exit(1);
  console.log(
    `deps: ${graph.size} files in server/ and shared/, no import cycles, no model imported by a route or the broadcaster`,
  );
}

if (process.argv[1]?.endsWith('deps-graph.ts')) main();
