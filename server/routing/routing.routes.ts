import { log } from '../lib/logger';
import { z } from 'zod';
import { IdParams } from '../../shared/schemas/admin';
import { Input } from '../../shared/schemas/input';
import {
  ClassifyBody,
  ClassifyResponse,
  Correction,
  ModelVersion,
  RouteBody,
  RoutedInput,
  TrainingStatus,
  TriageQuery,
} from '../../shared/schemas/routing';
import { FORUM_ROLES, STAFF_ROLES } from '../../shared/domain/roles';
import type { Api } from '../http/api';
import { platformData, platformOnly, scopedTo } from '../http/policy';
import type { ServiceContext } from '../context';
import { inputModerators } from '../forums/forum.policy';
import * as routing from './routing.service';
import { listVersions, type TrainingManager } from './training';

const tag = 'routing';

export function routingRoutes(
  api: Api,
  ctx: ServiceContext,
  deps: routing.RoutingDeps & { training: TrainingManager },
): void {
  api
    .route({
      method: 'post',
      path: '/routing/classify',
      name: 'routing.classify',
      audit: false,
      summary: 'Classify a text: sector, service, confidence, candidate UPPs, top terms',
      tag,
      policy: platformData(STAFF_ROLES, 'staff ask the platform model (nothing is stored)'),
      body: ClassifyBody,
      response: ClassifyResponse,
      handler: ({ body }) => routing.classifyText(deps, body),
    })
    .route({
      method: 'get',
      path: '/routing/models',
      name: 'routing.models',
      summary:
        'Model versions with their evaluation and live scores on corrections, and the training status',
      tag,
      policy: platformOnly(),
      response: z.object({ versions: z.array(ModelVersion), training: TrainingStatus }),
      handler: async () => ({ versions: await listVersions(), training: deps.training.current }),
    })
    .route({
      method: 'post',
      path: '/routing/models/train',
      name: 'routing.train',
      audit: false,
      summary: 'Retrain on the corpus plus all corrections (runs in the background)',
      tag,
      policy: platformOnly(),
      status: 202,
      response: z.object({ training: TrainingStatus }),
      handler: async ({ user }) => {
        const started = deps.training.start(user);
        // Refuse a second concurrent start synchronously, then let the job run.
        await Promise.race([started, new Promise((r) => setTimeout(r, 50))]);
        started.catch((err: unknown) => log.error({ scope: 'routing', err }, 'training failed'));
        return { training: deps.training.current };
      },
    })
    .route({
      method: 'post',
      path: '/routing/models/:versionId/activate',
      name: 'routing.activate',
      audit: false,
      summary: 'Activate a stored model version (also used to roll back)',
      tag,
      policy: platformOnly(),
      params: z.strictObject({ versionId: z.string().regex(/^[\w.-]{1,80}$/) }),
      response: z.object({ versions: z.array(ModelVersion) }),
      handler: async ({ user, params }) => {
        await deps.training.activate(user, params.versionId);
        return { versions: await listVersions() };
      },
    });
}

/** Triage and routing by hand: registered with or without a classifier (no model: all in triage). */
export function triageRoutes(api: Api, ctx: ServiceContext, manual: routing.ManualRouting): void {
  api
    .route({
      method: 'get',
      path: '/routing/triage',
      name: 'routing.triage',
      summary: 'Inputs the model could not route confidently (least certain first, or oldest)',
      tag,
      policy: scopedTo(FORUM_ROLES, 'moderators: triage items of the forums they moderate'),
      query: TriageQuery,
      response: z.object({ inputs: z.array(RoutedInput) }),
      handler: async ({ user, query }) => ({
        inputs: await routing.triageList(user, query.order),
      }),
    })
    .route({
      method: 'post',
      path: '/inputs/:id/route',
      name: 'input.route',
      audit: false,
      summary: 'Route or re-route an input by hand (stored as a routing correction)',
      tag,
      policy: inputModerators(ctx),
      params: IdParams,
      body: RouteBody,
      response: z.object({ input: Input }),
      handler: async ({ user, params, body }) => ({
        input: await routing.routeByHand(ctx, manual, user, params.id, body),
      }),
    })
    .route({
      method: 'get',
      path: '/routing/corrections',
      name: 'routing.corrections',
      summary: 'Manual routes and re-routes (who, from, to, why)',
      tag,
      policy: scopedTo(
        FORUM_ROLES,
        'moderators: corrections of inputs in forums they moderate; platform admins: all',
      ),
      response: z.object({ corrections: z.array(Correction) }),
      handler: async ({ user }) => ({ corrections: await routing.listCorrections(user) }),
    });
}
