import type { RouteDoc } from '../../../server/http/api';
import { SOCKET_POLICIES } from '../../../server/realtime/events.policy';
import { EVENTS } from './events.table';
import { ROUTES } from './routes.table';

const HEAD = [
  'none',
  'part',
  'other',
  'citizen',
  'fac',
  'fac²',
  'head',
  'head²',
  'adm',
  'adm²',
  'plat',
];

const gate = (g: RouteDoc['gate']) =>
  g === 'public'
    ? 'public'
    : g === 'user'
      ? 'signed in'
      : g.map((r) => r.replace('_', ' ')).join(', ');

/** The expected-outcome tables of the matrix test as Markdown (docs/SECURITY.md). */
export function matrixMarkdown(docs: RouteDoc[]): string {
  const lines = [
    `| route | resource | limit | ${HEAD.join(' | ')} |`,
    `| --- | --- | --- | ${HEAD.map(() => ':-:').join(' | ')} |`,
  ];
  for (const d of [...docs].sort((a, b) => a.name.localeCompare(b.name))) {
    const row = ROUTES[d.name];
    const cells = row ? row.expect.split(/\s+/) : HEAD.map(() => '?');
    lines.push(
      `| \`${d.name}\` ${d.method.toUpperCase()} \`${d.path}\` | ${d.resource} (${gate(d.gate)}) | ${d.limit || '–'} | ${cells.join(' | ')} |`,
    );
  }
  lines.push('', `| socket event | resource | limit | ${HEAD.join(' | ')} |`);
  lines.push(`| --- | --- | --- | ${HEAD.map(() => ':-:').join(' | ')} |`);
  for (const [event, row] of Object.entries(EVENTS)) {
    const p = SOCKET_POLICIES[event as keyof typeof SOCKET_POLICIES];
    lines.push(
      `| \`${event}\` | ${p.resource} (${p.who}) | ${p.limit} | ${row.expect.split(/\s+/).join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

export const MATRIX_BEGIN = '<!-- matrix:begin (npm run security:matrix) -->';
export const MATRIX_END = '<!-- matrix:end -->';

/** A Markdown table as cells, ignoring how a formatter padded it. */
export function tableCells(md: string): string[][] {
  return md
    .trim()
    .split('\n')
    .filter((l) => l.trim())
    .map((l) =>
      l
        .split('|')
        .map((c) => c.trim())
        .map((c) => (/^:?-+:?$/.test(c) ? c.replace(/-+/, '-') : c)),
    );
}
