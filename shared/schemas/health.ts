import { z } from 'zod';

/** GET /api/health */
export const HealthResponse = z.object({
  /** `draining`: the process is shutting down; send new requests elsewhere. */
  status: z.enum(['ok', 'degraded', 'draining']),
  db: z.enum(['ok', 'down']),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
