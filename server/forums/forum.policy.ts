import { FORUM_ROLES } from '../../shared/domain/roles';
import { Upp, type UppDoc } from '../admin/upp.model';
import { policies } from '../auth/policies';
import { badRequest, notFound } from '../http/errors';
import type { PublicPolicy, UserPolicy } from '../http/policy';
import type { ServiceContext } from '../context';
import type { ForumDoc } from './forum.model';
import type { InputDoc } from './input.model';
import { canModerate, canSee } from './forum.rules';
import { viewerKey } from './viewer';

type IdInput = { params: { id: string } };
const MODERATORS =
  'facilitators of the host or a co-host UPP, admins of its agency, platform admins';

/** The forum in `params.id`, for those who moderate it. */
export function forumModerators(ctx: ServiceContext): UserPolicy<ForumDoc, IdInput> {
  return {
    gate: FORUM_ROLES,
    resource: 'forum',
    rule: MODERATORS,
    load: async ({ params }) => (await ctx.live.cache.get(params.id)).forum,
    allow: canModerate,
  };
}

/** The forum in `params.id` for anyone who may see it (404 for a draft: it does not exist yet). */
export function forumViewers(ctx: ServiceContext, rule: string): PublicPolicy<ForumDoc, IdInput> {
  return {
    gate: 'public',
    resource: 'forum',
    rule: `${rule}; drafts and scheduled forums only for their moderators (404)`,
    deny: 'not_found',
    load: async ({ params }) => (await ctx.live.cache.get(params.id)).forum,
    allow: canSee,
  };
}

export interface LoadedInput {
  input: InputDoc;
  forum: ForumDoc;
}

async function loadInput(ctx: ServiceContext, id: string): Promise<LoadedInput> {
  const forumId = await ctx.live.cache.forumIdOfInput(id);
  const e = await ctx.live.cache.get(forumId);
  const input = e.inputs.get(id);
  if (!input) throw notFound('input_not_found');
  return { input, forum: e.forum };
}

/** The input in `params.id`, for those who moderate its forum. */
export function inputModerators(ctx: ServiceContext): UserPolicy<LoadedInput, IdInput> {
  return {
    gate: FORUM_ROLES,
    resource: 'input',
    rule: `${MODERATORS} of the input's forum`,
    load: ({ params }) => loadInput(ctx, params.id),
    allow: (u, r) => canModerate(u, r.forum),
  };
}

/** The input in `params.id` for participants of a forum they may see. */
export function inputViewers(
  ctx: ServiceContext,
  rule: string,
): PublicPolicy<LoadedInput, IdInput> {
  return {
    gate: 'public',
    resource: 'input',
    rule,
    deny: 'not_found',
    load: ({ params }) => loadInput(ctx, params.id),
    allow: (u, r) => canSee(u, r.forum),
  };
}

/** The input in `params.id`, for its author only (cookie or account). */
export function inputAuthor(
  ctx: ServiceContext,
  rule: string,
): PublicPolicy<LoadedInput & { viewerKey: string | null }, IdInput> {
  return {
    gate: 'public',
    resource: 'own',
    rule,
    load: async ({ params, user, req }) => ({
      ...(await loadInput(ctx, params.id)),
      viewerKey: viewerKey({ user, participantId: req.participantId }),
    }),
    allow: (_u, r) => r.viewerKey !== null && r.input.authorKey === r.viewerKey,
  };
}

/** The host UPP named in the body, for those who may run forums for it. */
export function hostUppRunners(): UserPolicy<UppDoc, { body: { hostUppId: string } }> {
  return {
    gate: FORUM_ROLES,
    resource: 'upp',
    rule: 'facilitators of the host UPP, admins of its agency, platform admins',
    load: async ({ body }) => {
      const upp = await Upp.findById(body.hostUppId);
      if (!upp) throw badRequest('host_upp_not_found');
      return upp;
    },
    allow: (u, upp) => policies.runForumsFor(u, upp._id.toString(), upp.agencyId.toString()),
  };
}
