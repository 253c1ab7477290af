import { LoginThrottle } from '../../../server/auth/login.throttle';
import { systemClock } from '../../../server/clock';
import { loadConfig } from '../../../server/config';
import { buildContext, registerRoutes } from '../../../server/domain';
import { Api, type RouteDoc } from '../../../server/http/api';
import { CalendarStore } from '../../../server/holidays/holiday';
import { MemoryCoordinator } from '../../../server/live/memory';
import type { RoutingEngine } from '../../../server/routing/engine';

/** The route registry as the app builds it (with routing), without a database or a server. */
export function registryDocs(): RouteDoc[] {
  const coordinator = new MemoryCoordinator();
  const deps = {
    clock: systemClock,
    coordinator,
    engine: {} as RoutingEngine,
    calendar: new CalendarStore(),
    modelsDir: '/nonexistent',
    mail: null,
  };
  const api = new Api();
  registerRoutes(api, buildContext(deps), deps, {
    config: loadConfig({ NODE_ENV: 'test' }),
    throttle: new LoginThrottle(coordinator, 10),
    disconnectSession: () => undefined,
    endUserSessions: async () => undefined,
    endOtherSessions: async () => undefined,
  });
  return api.docs;
}
