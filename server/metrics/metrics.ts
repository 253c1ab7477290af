import type { mongo } from 'mongoose';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of this process (`GET /api/metrics`, docs/OPERATIONS.md lists them with
 * the alerts built on them). Labels are small closed sets: never ids, never text.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

/** What gauges read when scraped; set by the app (the last app created in a process wins). */
export interface MetricSources {
  sockets(): number;
  forumRooms(): number;
  writeQueues(): Record<string, number>;
  mailPending(): Promise<number>;
}
let sources: MetricSources | null = null;
export function bindMetricSources(s: MetricSources): void {
  sources = s;
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const metrics = {
  socketConnections: new Gauge({
    name: 'forum_socket_connections',
    help: 'Socket.IO connections open on this process',
    registers: [registry],
    collect() {
      if (sources) this.set(sources.sockets());
    },
  }),
  forumRooms: new Gauge({
    name: 'forum_rooms',
    help: 'Forum rooms with at least one socket on this process',
    registers: [registry],
    collect() {
      if (sources) this.set(sources.forumRooms());
    },
  }),
  votes: new Counter({
    name: 'forum_votes_total',
    help: 'Votes stored (action: add or withdraw); rate() gives votes per second',
    labelNames: ['action'] as const,
    registers: [registry],
  }),
  inputs: new Counter({
    name: 'forum_inputs_total',
    help: 'Inputs stored (a retry answered with the stored input is not counted)',
    registers: [registry],
  }),
  ackLatency: new Histogram({
    name: 'forum_socket_ack_seconds',
    help: 'Time from a socket event to its acknowledgement, per event and result code',
    labelNames: ['event', 'result'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  }),
  httpLatency: new Histogram({
    name: 'forum_http_request_seconds',
    help: 'HTTP requests by method and status class',
    labelNames: ['method', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  }),
  dbLatency: new Histogram({
    name: 'forum_db_command_seconds',
    help: 'Database commands (driver command monitoring), by command, collection and result',
    labelNames: ['command', 'collection', 'result'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  }),
  dbUnavailable: new Counter({
    name: 'forum_db_unavailable_total',
    help: 'Requests and socket events answered db_unavailable (database unreachable)',
    labelNames: ['via'] as const,
    registers: [registry],
  }),
  writeQueue: new Gauge({
    name: 'forum_write_queue_depth',
    help: 'Writes waiting in the group-commit queues (votes, participants)',
    labelNames: ['writer'] as const,
    registers: [registry],
    collect() {
      if (!sources) return;
      for (const [writer, n] of Object.entries(sources.writeQueues())) this.set({ writer }, n);
    },
  }),
  mailOutbox: new Gauge({
    name: 'forum_mail_outbox_pending',
    help: 'E-mails waiting in the outbox (pending, not yet accepted by SMTP)',
    registers: [registry],
    async collect() {
      if (!sources) return;
      // While the database is down the gauge keeps its last value.
      const n = await sources.mailPending().catch(() => null);
      if (n !== null) this.set(n);
    },
  }),
  jobRuns: new Counter({
    name: 'forum_job_runs_total',
    help: 'Background job runs (escalation, schedules, mail) by result: ok, failed, skipped',
    labelNames: ['job', 'result'] as const,
    registers: [registry],
  }),
  jobLastSuccess: new Gauge({
    name: 'forum_job_last_success_timestamp_seconds',
    help: 'When each background job last finished without error (Unix seconds)',
    labelNames: ['job'] as const,
    registers: [registry],
  }),
};

/** Times every database command the driver sends (command monitoring). */
export function observeDbCommands(client: mongo.MongoClient): void {
  // The collection is named only in the started event: remembered by request id until the end.
  const collections = new Map<number, string>();
  client.on('commandStarted', (e) => {
    const target: unknown = e.command[e.commandName];
    if (typeof target === 'string') collections.set(e.requestId, target);
  });
  const observe = (e: mongo.CommandSucceededEvent | mongo.CommandFailedEvent, result: string) => {
    const collection = collections.get(e.requestId) ?? '';
    collections.delete(e.requestId);
    metrics.dbLatency.observe({ command: e.commandName, collection, result }, e.duration / 1000);
  };
  client.on('commandSucceeded', (e) => observe(e, 'ok'));
  client.on('commandFailed', (e) => observe(e, 'error'));
}
