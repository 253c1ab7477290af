import type { ClientToServerEvents } from '../../shared/events';
import type { ResourceKind } from '../http/policy';
import type { LimitKind } from '../live/limits';

export type ClientEvent = keyof ClientToServerEvents;

/** Who may send a socket event, over what, and the abuse limit it takes. */
export interface EventPolicy {
  /** `anyone`: no identity needed; `participant`: a participant cookie or an account. */
  who: 'anyone' | 'participant';
  resource: ResourceKind;
  rule: string;
  /** Taken per socket, per participant and per address (the kinds in LIMIT_TABLE). */
  limit: LimitKind;
}

/**
 * One policy per client event: an event without a row does not compile, and the
 * authorization matrix test (tests/integration/authorization-matrix.test.ts) plays every row
 * against every identity. Staff actions are HTTP routes; sockets only watch, submit and vote.
 */
export const SOCKET_POLICIES: { readonly [E in ClientEvent]: EventPolicy } = {
  'system.ping': { who: 'anyone', resource: 'public', rule: 'anyone', limit: 'ping' },
  'forum.join': {
    who: 'anyone',
    resource: 'forum',
    rule: 'anyone who may see the forum (drafts: not found); its moderators also join the staff room',
    limit: 'join',
  },
  'forum.leave': { who: 'anyone', resource: 'forum', rule: 'anyone', limit: 'leave' },
  'input.create': {
    who: 'participant',
    resource: 'forum',
    rule: 'participants (cookie) and signed-in users, in a forum they may see',
    limit: 'submit',
  },
  'input.vote': {
    who: 'participant',
    resource: 'input',
    rule: 'participants (cookie) and signed-in users, not on their own input',
    limit: 'vote',
  },
};
