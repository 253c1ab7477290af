/**
 * What the server says about its own latencies, read from `/api/metrics` (loopback) after the
 * load: socket acks per event, database commands per command and collection, and event-loop
 * delay. Set beside what the phones measured, this tells time spent inside the server (and the
 * database) from time spent queued in front of it (a busy event loop, a busy machine, the network).
 */

interface Histogram {
  /** Upper bound (seconds) to cumulative count, ascending. */
  buckets: [number, number][];
  count: number;
  sum: number;
}

export interface ServerLatency {
  count: number;
  meanMs: number;
  p50Ms: number | null;
  p99Ms: number | null;
}

/** Histograms of one metric, keyed by these labels' values, summed over the other labels. */
export function histogramsBy(
  text: string,
  metric: string,
  labels: string[],
): Map<string, Histogram> {
  const out = new Map<string, Histogram>();
  const line = new RegExp(`^${metric}_(bucket|count|sum)\\{([^}]*)\\} ([0-9.eE+-]+|\\+Inf)$`);
  for (const raw of text.split('\n')) {
    const m = line.exec(raw.trim());
    if (!m) continue;
    const [, part, labelText, value] = m;
    const labelMap = new Map(
      [...labelText!.matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1]!, l[2]!] as const),
    );
    if (!labels.every((l) => labelMap.has(l))) continue;
    const key = labels.map((l) => labelMap.get(l)).join(' ');
    const h = out.get(key) ?? { buckets: [], count: 0, sum: 0 };
    out.set(key, h);
    const v = Number(value);
    if (part === 'count') h.count += v;
    else if (part === 'sum') h.sum += v;
    else {
      const le = labelMap.get('le') === '+Inf' ? Infinity : Number(labelMap.get('le'));
      const at = h.buckets.find((b) => b[0] === le);
      if (at) at[1] += v;
      else h.buckets.push([le, v]);
    }
  }
  for (const h of out.values()) h.buckets.sort((a, b) => a[0] - b[0]);
  return out;
}

/** The q-quantile of a histogram, interpolated linearly inside its bucket (as Prometheus does). */
export function quantile(h: Histogram, q: number): number | null {
  if (!h.count) return null;
  const rank = q * h.count;
  let prevLe = 0;
  let prevCount = 0;
  for (const [le, c] of h.buckets) {
    if (c >= rank) {
      if (le === Infinity) return prevLe;
      const inBucket = c - prevCount;
      return prevLe + (le - prevLe) * (inBucket ? (rank - prevCount) / inBucket : 0);
    }
    prevLe = le;
    prevCount = c;
  }
  return prevLe;
}

function summarize(h: Histogram): ServerLatency {
  const ms = (s: number | null) => (s === null ? null : Math.round(s * 10_000) / 10);
  return {
    count: h.count,
    meanMs: h.count ? Math.round((h.sum / h.count) * 10_000) / 10 : 0,
    p50Ms: ms(quantile(h, 0.5)),
    p99Ms: ms(quantile(h, 0.99)),
  };
}

export interface ServerMetrics {
  /** Socket acks as the server timed them, per event (`input.vote`, `input.create`, ...). */
  acks: Record<string, ServerLatency>;
  /** Database commands as the driver timed them, per command and collection (`insert votes`). */
  db: Record<string, ServerLatency>;
  /** Event-loop delay of each process over the run (ms): how long ready work waited for the loop. */
  loopDelay: { p50Ms: number; p99Ms: number; maxMs: number }[];
}

function gauge(text: string, name: string): number | null {
  const m = new RegExp(`^${name} ([0-9.eE+-]+)$`, 'm').exec(text);
  return m ? Number(m[1]) : null;
}

/** Reads and sums the metrics of every server process; null when one cannot be read. */
export async function readServerMetrics(baseUrls: string[]): Promise<ServerMetrics | null> {
  const texts: string[] = [];
  for (const url of baseUrls) {
    const res = await fetch(`${url}/api/metrics`).catch(() => null);
    if (!res?.ok) return null;
    texts.push(await res.text());
  }
  const text = texts.join('\n');
  const pick = (metric: string, labels: string[]) =>
    Object.fromEntries(
      [...histogramsBy(text, metric, labels)]
        .filter(([, h]) => h.count > 0)
        .map(([k, h]) => [k, summarize(h)]),
    );
  return {
    acks: pick('forum_socket_ack_seconds', ['event']),
    db: pick('forum_db_command_seconds', ['command', 'collection']),
    loopDelay: texts.map((t) => {
      const ms = (name: string) => Math.round((gauge(t, name) ?? 0) * 10_000) / 10;
      return {
        p50Ms: ms('nodejs_eventloop_lag_p50_seconds'),
        p99Ms: ms('nodejs_eventloop_lag_p99_seconds'),
        maxMs: ms('nodejs_eventloop_lag_max_seconds'),
      };
    }),
  };
}

/** One line per event and command, for the log. */
export function describeServerMetrics(m: ServerMetrics): string[] {
  const fmt = (kind: string, rows: Record<string, ServerLatency>) =>
    Object.entries(rows)
      .sort((a, b) => b[1].count - a[1].count)
      .map(
        ([k, v]) =>
          `[server] ${kind} ${k}: ${v.count} × mean ${v.meanMs} ms, p50 ${v.p50Ms ?? '-'} ms, p99 ${v.p99Ms ?? '-'} ms`,
      );
  const loops = m.loopDelay.map(
    (l, i) =>
      `[server] event loop ${i}: delay p50 ${l.p50Ms} ms, p99 ${l.p99Ms} ms, max ${l.maxMs} ms`,
  );
  return [...fmt('ack', m.acks), ...fmt('db', m.db), ...loops];
}
