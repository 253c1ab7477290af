import { detach, log, withLogContext } from './lib/logger';
import { auditRoutes } from './audit/audit.routes';
import { catalogAdminRoutes } from './catalog/catalog.admin.routes';
import { adminRoutes } from './admin/admin.routes';
import { authRoutes } from './auth/auth.routes';
import type { LoginThrottle } from './auth/login.throttle';
import { catalogRoutes } from './catalog/catalog.routes';
import type { Clock } from './clock';
import type { Config } from './config';
import { triageOnly, type ServiceContext } from './context';
import { forumRoutes } from './forums/forum.routes';
import { applySchedules } from './forums/schedule';
import { inputRoutes } from './forums/input.routes';
import { healthRoutes } from './health/health.routes';
import { metricsRoutes } from './metrics/metrics.routes';
import { metrics } from './metrics/metrics';
import type { Api } from './http/api';
import { openCaseForInput, moveCase } from './inbox/case.service';
import { runEscalation } from './inbox/escalation';
import { CalendarStore } from './holidays/holiday';
import { inboxRoutes } from './inbox/inbox.routes';
import { holidayRoutes } from './holidays/holiday.routes';
import { flushOutbox, type MailTransport } from './notify/mailer';
import { Notifier } from './notify/notify.service';
import { Realtime } from './realtime/broadcast';
import { reportRoutes } from './reports/reports.routes';
import type { RoutingEngine } from './routing/engine';
import { routingRoutes, triageRoutes } from './routing/routing.routes';
import type { ManualRouting } from './routing/routing.service';
import { TrainingManager } from './routing/training';
import { LockTimeoutError, type Coordinator } from './live/coordinator';
import { LiveForums } from './live/live';
import { participantLimits } from './live/limits';
import { Signals } from './forums/signals';
import { PdfCache } from './reports/pdfCache';
import { randomBytes } from 'node:crypto';

export interface DomainDeps {
  clock: Clock;
  /** Coordination across processes (memory for one process, Redis for several). */
  coordinator: Coordinator;
  /** The classifier; null in tests that do not route (everything then waits in triage). */
  engine: RoutingEngine | null;
  calendar: CalendarStore;
  modelsDir: string;
  /** SMTP transport; null keeps e-mails in the outbox until one is configured. */
  mail: MailTransport | null;
  /** Salt of the address tags in signals (the session secret); random when omitted. */
  signalSalt?: string;
}

/** The service context shared by HTTP routes, socket handlers and background jobs. */
export function buildContext(deps: DomainDeps): ServiceContext {
  const live = new LiveForums(deps.coordinator);
  const ctx: ServiceContext = {
    clock: deps.clock,
    routing: deps.engine ?? triageOnly(deps.clock),
    realtime: new Realtime(null),
    live,
    limits: participantLimits(deps.coordinator),
    signals: new Signals(deps.coordinator, deps.signalSalt ?? randomBytes(16).toString('hex')),
    pdfs: new PdfCache(),
    notifier: new Notifier(deps.clock, null, !!deps.mail),
    calendar: deps.calendar.get,
    onPublished: async (input) => void (await openCaseForInput(ctx, input)),
  };
  return ctx;
}

export interface RouteDeps {
  config: Config;
  throttle: LoginThrottle;
  disconnectSession: (sid: string) => void;
  endUserSessions: (userId: string) => Promise<void>;
  endOtherSessions: (userId: string, keepSid: string) => Promise<void>;
  /** Registers work to stop when the app closes (a running training job). */
  onClose?: (stop: () => void) => void;
}

export function registerRoutes(
  api: Api,
  ctx: ServiceContext,
  deps: DomainDeps,
  r: RouteDeps,
): void {
  healthRoutes(api);
  metricsRoutes(api, r.config.metricsToken);
  authRoutes(api, {
    throttle: r.throttle,
    disconnectSession: r.disconnectSession,
    endOtherSessions: r.endOtherSessions,
  });
  adminRoutes(api, { endUserSessions: r.endUserSessions });
  auditRoutes(api);
  catalogAdminRoutes(api);
  holidayRoutes(api, deps.calendar);
  catalogRoutes(api);
  forumRoutes(api, ctx);
  inputRoutes(api, ctx);
  reportRoutes(api, ctx, r.config.publicUrl);
  // Without a classifier every input waits in triage: routing by hand and the inbox still work.
  const manual: ManualRouting = {
    onRouted: async (input) => {
      if (input.status === 'published') await moveCase(ctx, input);
    },
  };
  triageRoutes(api, ctx, manual);
  inboxRoutes(api, ctx, manual);
  if (deps.engine) {
    const training = new TrainingManager(deps.engine, deps.modelsDir);
    r.onClose?.(() => training.stop());
    routingRoutes(api, ctx, { ...manual, engine: deps.engine, training });
  }
}

/**
 * Escalation and forum schedules every minute, e-mail every 30 s; returns a stop function. Each
 * job runs in one process at a time (a process that finds it running skips its turn).
 */
export function startJobs(ctx: ServiceContext, mail: MailTransport | null): () => void {
  // Each run has a request id of its own (`job-escalation-…`) in its log lines.
  const job = (name: string, run: () => Promise<unknown>) =>
    withLogContext({ reqId: `job-${name}-${randomBytes(4).toString('hex')}` }, () =>
      ctx.live.coord.withLock(`job:${name}`, run, { ttlMs: 10 * 60_000, waitMs: 0 }).then(
        () => {
          metrics.jobRuns.inc({ job: name, result: 'ok' });
          metrics.jobLastSuccess.set({ job: name }, Date.now() / 1000);
          log.debug({ job: name }, 'job run');
        },
        (err: unknown) => {
          // Another process holds the job's lock: it runs there this turn.
          if (err instanceof LockTimeoutError) {
            metrics.jobRuns.inc({ job: name, result: 'skipped' });
            return;
          }
          metrics.jobRuns.inc({ job: name, result: 'failed' });
          log.error({ err, job: name }, 'job failed');
        },
      ),
    );
  const escalate = setInterval(() => {
    detach(
      job('escalation', () => runEscalation(ctx)),
      'job escalation',
    );
    detach(
      job('schedules', () => applySchedules(ctx)),
      'job schedules',
    );
  }, 60_000);
  const deliver = setInterval(() => {
    if (mail)
      detach(
        job('mail', () => flushOutbox(ctx.clock, mail)),
        'job mail',
      );
  }, 30_000);
  escalate.unref();
  deliver.unref();
  return () => {
    clearInterval(escalate);
    clearInterval(deliver);
  };
}
