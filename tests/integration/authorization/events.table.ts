import type { ClientEvent } from '../../../server/realtime/events.policy';
import type { World } from './world';

/**
 * Socket events, same columns as the routes (IDENTITIES). Y: acknowledged with data;
 * S: acknowledged, and the socket joined the forum's staff room; U: `unauthenticated`.
 * "none" is a socket without any cookie (no participant, no session).
 */
export interface EventRow {
  expect: string;
  payload: (w: World) => unknown;
}

const Y = 'Y Y Y Y Y Y Y Y Y Y Y';

export const EVENTS: Record<ClientEvent, EventRow> = {
  'system.ping': { expect: Y, payload: () => ({}) },
  'forum.join': { expect: 'Y Y Y Y S Y Y Y S Y S', payload: (w) => ({ forumId: w.F }) },
  'forum.leave': { expect: Y, payload: (w) => ({ forumId: w.F }) },
  'input.create': {
    expect: 'U Y Y Y Y Y Y Y Y Y Y',
    payload: (w) => ({
      forumId: w.F,
      text: 'Lampu penerangan jalan di gang kami mati',
      kind: 'complaint',
      idempotencyKey: `sock-${w.uid()}${w.uid()}`,
    }),
  },
  'input.vote': {
    expect: 'U Y Y Y Y Y Y Y Y Y Y',
    payload: (w) => ({ inputId: w.votable, voted: true }),
  },
};
