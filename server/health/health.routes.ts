import { HealthResponse } from '../../shared/schemas/health';
import { pingDb } from '../db/connect';
import type { Api } from '../http/api';
import { anyone } from '../http/policy';

export function healthRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/health',
    name: 'health.get',
    summary:
      'Liveness and database status (503 when the database is unreachable or the process is draining)',
    tag: 'system',
    policy: anyone(),
    response: HealthResponse,
    handler: async ({ res }) => {
      const ok = await pingDb();
      res.setHeader('Cache-Control', 'no-store');
      // Set by the drain middleware (server/http/drain.ts) after SIGTERM.
      const draining = res.locals.draining === true;
      if (!ok || draining) res.status(503);
      const db = ok ? 'ok' : 'down';
      return { status: draining ? 'draining' : ok ? 'ok' : 'degraded', db };
    },
  });
}
