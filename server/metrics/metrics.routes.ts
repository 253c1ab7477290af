import type { Api } from '../http/api';
import { metricsReaders } from '../http/policy';
import { registry } from './metrics';

/** `GET /api/metrics`: Prometheus text format, for this machine or a scraper with the token. */
export function metricsRoutes(api: Api, token: string | undefined): void {
  api.route({
    method: 'get',
    path: '/metrics',
    name: 'metrics.get',
    summary: 'Prometheus metrics (this machine only, or Authorization: Bearer METRICS_TOKEN)',
    tag: 'system',
    policy: metricsReaders(token),
    handler: async ({ res }) => {
      const body = await registry.metrics();
      res.setHeader('Cache-Control', 'no-store');
      res.type(registry.contentType).send(body);
    },
  });
}
