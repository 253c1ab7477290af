import { HealthResponse } from '../../shared/schemas/health';
import { pingDb } from '../db/connect';
import type { Api } from '../http/api';
import { anyone } from '../http/policy';

export function healthRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/health',
    name: 'health.get',
    summary: 'Liveness and database status (503 when the database is unreachable)',
    tag: 'system',
    policy: anyone(),
    response: HealthResponse,
    handler: async ({ res }) => {
      const ok = await pingDb();
      res.setHeader('Cache-Control', 'no-store');
      if (!ok) res.status(503);
      return ok ? { status: 'ok', db: 'ok' } : { status: 'degraded', db: 'down' };
    },
  });
}
