/**
 * `npm run bench:chart -- FILE.jsonl OUT.svg`: the scale curve from bench:live result lines.
 * x: clients (log), y: p99 latency in ms (log); one line per process count and metric, plus
 * the bare Socket.IO floor. No dependency: the SVG is written by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

const Row = z.object({
  clients: z.number(),
  processes: z.number(),
  history: z.number().default(0),
  voteToAllP99Ms: z.number().nullable(),
  voteAckP99Ms: z.number().nullable(),
  floorVoteToAllP99Ms: z.number().nullable(),
  commit: z.string().optional(),
  date: z.string().optional(),
  machine: z.object({ cpus: z.number(), cpuModel: z.string() }).optional(),
  options: z
    .object({
      votes: z.number(),
      submits: z.number(),
      duration: z.number(),
      ackTimeout: z.number().default(30),
    })
    .optional(),
});
type Row = z.infer<typeof Row>;

interface Series {
  label: string;
  color: string;
  dashed: boolean;
  points: Map<number, number | null>;
}

export function buildSeries(rows: Row[]): Series[] {
  const series: Series[] = [];
  const get = (label: string, color: string, dashed: boolean): Series => {
    let s = series.find((x) => x.label === label);
    if (!s) series.push((s = { label, color, dashed, points: new Map() }));
    return s;
  };
  const colors: Record<number, string> = { 1: '#1f6fb5', 2: '#d9711c' };
  // Later lines win: the file is a log of runs, newest last.
  for (const r of rows) {
    const c = colors[r.processes] ?? '#7b3fa0';
    const p = r.processes === 1 ? '1 process' : `${r.processes} processes`;
    const h = r.history ? `, history ${r.history}` : '';
    get(`vote seen by every client p99 (${p}${h})`, c, false).points.set(
      r.clients,
      r.voteToAllP99Ms,
    );
    get(`vote ack p99 (${p}${h})`, c, true).points.set(r.clients, r.voteAckP99Ms);
    if (r.floorVoteToAllP99Ms !== null) {
      get('bare Socket.IO floor: vote seen by every client p99', '#555555', false).points.set(
        r.clients,
        r.floorVoteToAllP99Ms,
      );
    }
  }
  return series;
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function msLabel(ms: number): string {
  return ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`;
}

export function renderSvg(rows: Row[]): string {
  const series = buildSeries(rows);
  const W = 960;
  const H = 600;
  const m = { left: 80, right: 30, top: 70, bottom: 190 };
  const pw = W - m.left - m.right;
  const ph = H - m.top - m.bottom;
  const xs = rows.map((r) => r.clients);
  const ys = series.flatMap((s) =>
    [...s.points.values()].filter((v): v is number => v !== null && v > 0),
  );
  const x0 = Math.log10(Math.min(...xs) / 1.3);
  const x1 = Math.log10(Math.max(...xs) * 1.3);
  const y0 = Math.floor(Math.log10(Math.max(1, Math.min(...ys, 150) / 1.5)));
  const y1 = Math.ceil(Math.log10(Math.max(...ys, 150) * 1.5));
  const X = (n: number): number => m.left + ((Math.log10(n) - x0) / (x1 - x0 || 1)) * pw;
  const Y = (v: number): number => m.top + ph - ((Math.log10(v) - y0) / (y1 - y0 || 1)) * ph;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans, Arial, sans-serif" font-size="13">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
  );
  const last = rows[rows.length - 1];
  out.push(
    `<text x="${m.left}" y="28" font-size="18" font-weight="bold">Forum Publik live forum: p99 latency by number of phones</text>`,
  );
  if (last) {
    const o = last.options;
    const sub = [
      o ? `${o.votes} votes/s + ${o.submits} submissions/s for ${o.duration} s` : '',
      last.machine ? `${last.machine.cpus} cores (${last.machine.cpuModel})` : '',
      last.commit ? `commit ${last.commit}` : '',
      last.date ? last.date.slice(0, 10) : '',
    ].filter(Boolean);
    out.push(`<text x="${m.left}" y="50" fill="#444">${esc(sub.join(' · '))}</text>`);
  }
  // Grid and axes.
  for (let e = y0; e <= y1; e += 1) {
    for (const k of [1, 2, 5]) {
      const v = k * 10 ** e;
      if (Math.log10(v) > y1 + 1e-9) continue;
      const y = Y(v);
      out.push(
        `<line x1="${m.left}" x2="${m.left + pw}" y1="${y}" y2="${y}" stroke="${k === 1 ? '#cccccc' : '#eeeeee'}"/>`,
        `<text x="${m.left - 8}" y="${y + 4}" text-anchor="end" fill="${k === 1 ? '#222' : '#888'}">${msLabel(v)}</text>`,
      );
    }
  }
  const xticks = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000].filter(
    (n) => Math.log10(n) >= x0 && Math.log10(n) <= x1,
  );
  for (const n of xticks) {
    const x = X(n);
    out.push(
      `<line x1="${x}" x2="${x}" y1="${m.top}" y2="${m.top + ph}" stroke="#eeeeee"/>`,
      `<text x="${x}" y="${m.top + ph + 20}" text-anchor="middle">${n.toLocaleString('en')}</text>`,
    );
  }
  out.push(
    `<rect x="${m.left}" y="${m.top}" width="${pw}" height="${ph}" fill="none" stroke="#333"/>`,
    `<text x="${m.left + pw / 2}" y="${m.top + ph + 44}" text-anchor="middle">clients (phones joined), log scale</text>`,
    `<text transform="translate(20 ${m.top + ph / 2}) rotate(-90)" text-anchor="middle">p99 latency, log scale</text>`,
  );
  // Target: vote ack p99 < 150 ms.
  const ty = Y(150);
  out.push(
    `<line x1="${m.left}" x2="${m.left + pw}" y1="${ty}" y2="${ty}" stroke="#2a9d3a" stroke-dasharray="2 4"/>`,
    `<text x="${m.left + pw - 6}" y="${ty - 6}" text-anchor="end" fill="#2a9d3a">target: vote ack p99 &lt; 150 ms</text>`,
  );
  let missing = 0;
  for (const s of series) {
    const pts = [...s.points.entries()].sort((a, b) => a[0] - b[0]);
    let d = '';
    let pen = false;
    for (const [n, v] of pts) {
      if (v === null || v <= 0) {
        missing += 1;
        pen = false;
        out.push(
          `<text x="${X(n)}" y="${m.top + 14}" text-anchor="middle" fill="${s.color}" font-weight="bold">×</text>`,
        );
        continue;
      }
      d += `${pen ? 'L' : 'M'}${X(n).toFixed(1)},${Y(v).toFixed(1)}`;
      pen = true;
    }
    if (d) {
      out.push(
        `<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2.2"${s.dashed ? ' stroke-dasharray="7 5"' : ''}/>`,
      );
    }
    for (const [n, v] of pts) {
      if (v === null || v <= 0) continue;
      out.push(
        `<circle cx="${X(n).toFixed(1)}" cy="${Y(v).toFixed(1)}" r="3.5" fill="${s.dashed ? '#ffffff' : s.color}" stroke="${s.color}" stroke-width="1.8"><title>${esc(`${s.label}: ${n} clients, ${v} ms`)}</title></circle>`,
      );
    }
  }
  // Legend below the plot.
  let ly = m.top + ph + 70;
  for (const s of series) {
    out.push(
      `<line x1="${m.left}" x2="${m.left + 36}" y1="${ly - 4}" y2="${ly - 4}" stroke="${s.color}" stroke-width="2.2"${s.dashed ? ' stroke-dasharray="7 5"' : ''}/>`,
      `<text x="${m.left + 46}" y="${ly}">${esc(s.label)}</text>`,
    );
    ly += 20;
  }
  const timeoutMs = Math.min(...rows.map((r) => (r.options?.ackTimeout ?? 30) * 1000));
  if (ys.some((v) => v >= timeoutMs)) {
    out.push(
      `<text x="${m.left}" y="${ly + 4}" fill="#444">Points at or above the ack timeout (${msLabel(timeoutMs)}) are lower bounds: acks that timed out count as the timeout.</text>`,
    );
    ly += 20;
  }
  if (missing) {
    out.push(
      `<text x="${m.left}" y="${ly + 4}" fill="#444">× at the top: p99 not reached (more than 1% of the votes were never seen by every client, or every ack timed out)</text>`,
    );
  }
  out.push('</svg>');
  return out.join('\n');
}

export function readRows(file: string): Row[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => Row.parse(JSON.parse(l)));
}

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: npm run bench:chart -- FILE.jsonl OUT.svg');
  process.exit(2);
}
const rows = readRows(input);
if (!rows.length) {
  console.error(`${input} has no result lines`);
  process.exit(1);
}
writeFileSync(output, renderSvg(rows));
console.log(`wrote ${output} (${rows.length} runs)`);
