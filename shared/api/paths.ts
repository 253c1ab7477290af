/**
 * Every JSON route of the API by its name (`resource.verb`, the OpenAPI operationId): method and
 * path relative to `/api`. No zod here, so the citizen's page can import it; the schemas of each
 * route are in ./contract.ts, and tests/integration/api-contract.test.ts checks both against the
 * server's registration.
 */
export const API_PATHS = {
  'auth.me': ['GET', '/auth/me'],
  'auth.login': ['POST', '/auth/login'],
  'auth.register': ['POST', '/auth/register'],
  'auth.logout': ['POST', '/auth/logout'],
  'auth.password': ['POST', '/auth/password'],

  'forum.list': ['GET', '/forums'],
  'forum.create': ['POST', '/forums'],
  'forum.get': ['GET', '/forums/:id'],
  'forum.byCode': ['GET', '/forums/by-code/:code'],
  'forum.update': ['PATCH', '/forums/:id'],
  'forum.status': ['POST', '/forums/:id/status'],
  'forum.spotlight': ['POST', '/forums/:id/spotlight'],
  'forum.signals': ['GET', '/forums/:id/signals'],
  'forum.log': ['GET', '/forums/:id/log'],

  'input.create': ['POST', '/forums/:id/inputs'],
  'input.mine': ['GET', '/forums/:id/mine'],
  'input.similar': ['GET', '/forums/:id/similar'],
  'input.queue': ['GET', '/forums/:id/queue'],
  'input.merge': ['POST', '/forums/:id/merge'],
  'input.vote': ['POST', '/inputs/:id/vote'],
  'input.approve': ['POST', '/inputs/:id/approve'],
  'input.reject': ['POST', '/inputs/:id/reject'],
  'input.hide': ['POST', '/inputs/:id/hide'],
  'input.edit': ['POST', '/inputs/:id/edit'],
  'input.answer': ['POST', '/inputs/:id/answer'],
  'input.pin': ['POST', '/inputs/:id/pin'],
  'input.route': ['POST', '/inputs/:id/route'],
  'input.confirm': ['POST', '/inputs/:id/confirm'],
  'input.reopen': ['POST', '/inputs/:id/reopen'],
  'input.followup': ['POST', '/inputs/:id/followup'],

  'service.list': ['GET', '/catalog/services'],
  'upp.mine': ['GET', '/upps/mine'],

  'agency.list': ['GET', '/admin/agencies'],
  'agency.create': ['POST', '/admin/agencies'],
  'upp.list': ['GET', '/admin/upps'],
  'upp.create': ['POST', '/admin/upps'],
  'upp.update': ['PATCH', '/admin/upps/:id'],
  'staff.list': ['GET', '/admin/users'],
  'staff.create': ['POST', '/admin/users'],
  'staff.update': ['PATCH', '/admin/users/:id'],

  'catalog.list': ['GET', '/admin/catalog'],
  'catalog.create': ['POST', '/admin/catalog'],
  'catalog.update': ['PUT', '/admin/catalog/:code'],
  'catalog.import': ['POST', '/admin/catalog/import'],
  'audit.list': ['GET', '/admin/audit'],
  'holiday.list': ['GET', '/admin/holidays'],
  'holiday.create': ['POST', '/admin/holidays'],
  'holiday.delete': ['DELETE', '/admin/holidays/:date'],

  'routing.classify': ['POST', '/routing/classify'],
  'routing.triage': ['GET', '/routing/triage'],
  'routing.corrections': ['GET', '/routing/corrections'],
  'routing.models': ['GET', '/routing/models'],
  'routing.train': ['POST', '/routing/models/train'],
  'routing.activate': ['POST', '/routing/models/:versionId/activate'],

  'inbox.list': ['GET', '/inbox'],
  'inbox.get': ['GET', '/inbox/:id'],
  'inbox.bulk': ['POST', '/inbox/bulk'],
  'inbox.status': ['POST', '/inbox/:id/status'],
  'inbox.reply': ['POST', '/inbox/:id/reply'],
  'inbox.reroute': ['POST', '/inbox/:id/reroute'],
  'notification.list': ['GET', '/notifications'],
  'notification.read': ['POST', '/notifications/read'],

  'report.upp': ['GET', '/reports/upp/:id'],
  'report.agency': ['GET', '/reports/agency/:id'],
  'scoreboard.list': ['GET', '/public/upps'],
  'scoreboard.get': ['GET', '/public/scoreboard/:slug'],
} as const satisfies Record<string, readonly [ApiMethod, `/${string}`]>;

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type ApiName = keyof typeof API_PATHS;
export type ApiPath<K extends ApiName> = (typeof API_PATHS)[K][1];

/** `{ id: string }` for `/forums/:id`, `{}` for a path without parameters. */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name]: string } & PathParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? { [K in Name]: string }
    : Record<never, never>;

/** Fills `:name` segments of a route's path (each value URI-encoded). */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_m, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(v);
  });
}
