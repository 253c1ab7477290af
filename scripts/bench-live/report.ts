/** The human table and the one-line JSON result. */
import type { RunMeasure } from './run';

const fmt = (v: number | null | undefined, unit = ''): string =>
  v === null || v === undefined ? '—' : `${v.toLocaleString('en')}${unit}`;

const errs = (c: Record<string, number>): string => {
  const parts = Object.entries(c).map(([k, n]) => `${k} ${n}`);
  return parts.length ? parts.join(', ') : '0';
};

export function table(ours: RunMeasure, floor: RunMeasure | null): string {
  const rows: [string, (m: RunMeasure) => string][] = [
    ['clients joined', (m) => `${fmt(m.joined)} (failed: ${errs(m.joinFailures)})`],
    ['join p50 / p99', (m) => `${fmt(m.joinP50Ms, ' ms')} / ${fmt(m.joinP99Ms, ' ms')}`],
    ['joins per second', (m) => fmt(m.joinsPerSecond)],
    [
      'votes acked / sent',
      (m) =>
        `${fmt(m.votesAcked)} / ${fmt(m.votesSent)}` +
        (m.votesSkipped ? ` (${fmt(m.votesSkipped)} not sent: nothing left to vote on)` : ''),
    ],
    ['votes timed out / refused', (m) => `${fmt(m.votesTimedOut)} / ${errs(m.votesErrored)}`],
    ['vote ack p50 / p99', (m) => `${fmt(m.voteAckP50Ms, ' ms')} / ${fmt(m.voteAckP99Ms, ' ms')}`],
    [
      'vote seen by all p50 / p99',
      (m) => `${fmt(m.voteToAllP50Ms, ' ms')} / ${fmt(m.voteToAllP99Ms, ' ms')}`,
    ],
    ['votes not seen by every client', (m) => fmt(m.votesNotSeenByAll)],
    ['submissions acked / sent', (m) => `${fmt(m.submitsAcked)} / ${fmt(m.submitsSent)}`],
    [
      'submit ack p50 / p99',
      (m) => `${fmt(m.submitAckP50Ms, ' ms')} / ${fmt(m.submitAckP99Ms, ' ms')}`,
    ],
    ['lost updates', (m) => `${fmt(m.lostUpdates)} ${m.lostUpdates ? JSON.stringify(m.lost) : ''}`],
    [
      'store settled after the last ack',
      (m) => `${fmt(m.storeSettleS, ' s')}${m.drained ? '' : ' (not settled: --drain reached)'}`,
    ],
    ['server RSS idle per connection', (m) => fmt(m.rssPerConnKb, ' KB')],
    [
      'server RSS before / after join',
      (m) => `${fmt(m.rssBeforeKb, ' KB')} / ${fmt(m.rssAfterKb, ' KB')}`,
    ],
    ['server CPU during load', (m) => fmt(m.serverCpuPct, ' %')],
    ['database CPU during load', (m) => fmt(m.dbCpuPct, ' %')],
    [
      'load generator CPU / loop delay p99',
      (m) => `${fmt(m.loadgenCpuPct, ' %')} / ${fmt(m.loadgenLoopDelayP99Ms, ' ms')}`,
    ],
    ['machine load average (1 min) at end of load', (m) => fmt(m.machineLoadAvg1)],
    ['presence messages received', (m) => fmt(m.messages['forum.presence'] ?? 0)],
    ['vote.counts messages received', (m) => fmt(m.messages['vote.counts'] ?? 0)],
    ['disconnects', (m) => fmt(m.disconnects)],
  ];
  const head = ['', 'Forum Publik', ...(floor ? ['bare Socket.IO floor'] : [])];
  const body = rows.map(([name, f]) => [name, f(ours), ...(floor ? [f(floor)] : [])]);
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((r) => r[i]!.length)));
  const line = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
