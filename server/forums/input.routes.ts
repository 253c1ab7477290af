import { z } from 'zod';
import { IdParams } from '../../shared/schemas/admin';
import {
  AnswerBody,
  EditBody,
  HideBody,
  Input,
  InputCreate,
  MergeBody,
  PinBody,
  RejectBody,
  SimilarInput,
  SimilarQuery,
  VoteBody,
} from '../../shared/schemas/input';
import type { Api } from '../http/api';
import type { ServiceContext } from '../context';
import { forumModerators, forumViewers, inputModerators, inputViewers } from './forum.policy';
import * as inputs from './input.service';
import * as mod from './moderation.service';
import { viewerOf } from './viewer';

const tag = 'inputs';
const InputRes = z.object({ input: Input });
const VoteRes = z.object({ inputId: z.string(), votes: z.number().int(), voted: z.boolean() });

export function inputRoutes(api: Api, ctx: ServiceContext): void {
  api
    .route({
      method: 'post',
      path: '/forums/:id/inputs',
      name: 'input.create',
      summary: 'Submit an input (201; 200 when the idempotency key was already stored)',
      tag,
      policy: forumViewers(ctx, 'participants (cookie) and signed-in users'),
      params: IdParams,
      body: InputCreate,
      status: 201,
      limit: 'submit',
      response: InputRes,
      handler: async ({ req, setStatus, params, body }) => {
        const r = await inputs.submitInput(ctx, viewerOf(req), params.id, body);
        if (r.replay) setStatus(200);
        return { input: r.input };
      },
    })
    .route({
      method: 'get',
      path: '/forums/:id/mine',
      name: 'input.mine',
      summary: "The viewer's own inputs in a forum with their statuses",
      tag,
      policy: forumViewers(ctx, 'participants, their own inputs only'),
      params: IdParams,
      response: z.object({ inputs: z.array(Input) }),
      handler: async ({ req, params }) => ({
        inputs: await inputs.myInputs(ctx, viewerOf(req), params.id),
      }),
    })
    .route({
      method: 'get',
      path: '/forums/:id/similar',
      name: 'input.similar',
      summary: 'Published inputs similar to a draft text',
      tag,
      policy: forumViewers(ctx, 'anyone'),
      params: IdParams,
      query: SimilarQuery,
      limit: 'similar',
      response: z.object({ similar: z.array(SimilarInput) }),
      handler: async ({ params, query }) => ({
        similar: await inputs.similarInputs(ctx, params.id, query.text),
      }),
    })
    .route({
      method: 'get',
      path: '/forums/:id/queue',
      name: 'input.queue',
      summary: 'Pending inputs awaiting moderation',
      tag,
      policy: forumModerators(ctx),
      params: IdParams,
      response: z.object({ inputs: z.array(Input) }),
      handler: async ({ user, params }) => ({
        inputs: await inputs.moderationQueue(ctx, { user }, params.id),
      }),
    })
    .route({
      method: 'post',
      path: '/inputs/:id/vote',
      name: 'input.vote',
      summary: 'Upvote (voted: true) or withdraw the vote',
      tag,
      policy: inputViewers(
        ctx,
        'participants (cookie) and signed-in users, not on their own input',
      ),
      params: IdParams,
      body: VoteBody,
      limit: 'vote',
      response: VoteRes,
      handler: async ({ req, params, body }) =>
        inputs.voteInput(ctx, viewerOf(req), params.id, body.voted),
    })
    .route({
      method: 'post',
      path: '/forums/:id/merge',
      name: 'input.merge',
      summary: 'Merge duplicate inputs into one (votes combined, each voter once)',
      tag,
      policy: forumModerators(ctx),
      params: IdParams,
      body: MergeBody,
      response: InputRes,
      handler: async ({ user, params, body }) => ({
        input: await mod.merge(ctx, user, params.id, body),
      }),
    });

  const action = <B extends z.ZodType>(
    verb: string,
    summary: string,
    body: B | undefined,
    run: (user: Express.User, id: string, b: z.output<B>) => Promise<z.infer<typeof Input>>,
  ) =>
    api.route({
      method: 'post',
      path: `/inputs/:id/${verb}`,
      name: `input.${verb}`,
      summary,
      tag: 'moderation',
      policy: inputModerators(ctx),
      params: IdParams,
      body: body ?? z.strictObject({}),
      response: InputRes,
      handler: async ({ user, params, body: b }) => ({
        input: await run(user, params.id, b as z.output<B>),
      }),
    });

  action('approve', 'Approve a pending input', undefined, (u, id) => mod.approve(ctx, u, id));
  action('reject', 'Reject with a reason code', RejectBody, (u, id, b) =>
    mod.remove(ctx, u, id, b, 'reject'),
  );
  action('hide', 'Hide a published input with a reason code', HideBody, (u, id, b) =>
    mod.remove(ctx, u, id, b, 'hide'),
  );
  action('edit', 'Privacy edit; the original is kept for audit', EditBody, (u, id, b) =>
    mod.edit(ctx, u, id, b.text, b.reason),
  );
  action('answer', 'Mark answered live with a short note', AnswerBody, (u, id, b) =>
    mod.answer(ctx, u, id, b.note),
  );
  action('pin', 'Pin or unpin', PinBody, (u, id, b) => mod.pin(ctx, u, id, b.pinned));
}
