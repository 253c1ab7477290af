import { describe, expect, it } from 'vitest';
import type { Input } from '$shared/schemas/input';
import { mergeSnapshot, type MergeState } from './merge';

const input = (id: string, seq: number, text = id): Input => ({
  id,
  forumId: 'f',
  text,
  kind: 'question',
  serviceCode: null,
  displayName: '',
  status: 'published',
  citizenStatus: 'published',
  rejectReason: null,
  votes: 0,
  pinned: false,
  answered: null,
  mergedInto: null,
  edited: false,
  createdAt: '2025-01-01T00:00:00.000Z',
  seq,
  mine: false,
  votedByMe: false,
  routing: null,
  case: null,
});

const state = (inputs: Input[], cursor: number, removed: Record<string, number> = {}) =>
  ({ byId: Object.fromEntries(inputs.map((i) => [i.id, i])), removed, cursor }) as MergeState;

describe('mergeSnapshot', () => {
  it('keeps an input published by an event after a late snapshot was taken', () => {
    const s = state([input('a', 3), input('b', 9)], 9);
    const merged = mergeSnapshot(s, [input('a', 3)], 5);
    expect(Object.keys(merged).sort()).toEqual(['a', 'b']);
  });

  it('keeps the newer version of an input an event already updated', () => {
    const s = state([input('a', 8, 'edited')], 8);
    const merged = mergeSnapshot(s, [input('a', 3, 'original')], 5);
    expect(merged.a?.text).toBe('edited');
  });

  it('takes the snapshot version when it is newer', () => {
    const s = state([input('a', 3, 'old')], 3);
    const merged = mergeSnapshot(s, [input('a', 7, 'new')], 7);
    expect(merged.a?.text).toBe('new');
  });

  it('drops an input the snapshot no longer lists when nothing newer was seen', () => {
    const s = state([input('a', 3), input('b', 4)], 4);
    const merged = mergeSnapshot(s, [input('a', 3)], 6);
    expect(Object.keys(merged)).toEqual(['a']);
  });

  it('does not bring back an input removed by an event after the snapshot', () => {
    const s = state([], 10, { a: 10 });
    const merged = mergeSnapshot(s, [input('a', 3)], 6);
    expect(merged.a).toBeUndefined();
  });

  it('lets the caller keep local inputs the snapshot does not cover (a staff queue)', () => {
    const pending = { ...input('p', 2), status: 'pending' as const };
    const s = state([pending], 2);
    const merged = mergeSnapshot(s, [], 5, (i) => i.status === 'pending');
    expect(merged.p).toBeDefined();
  });
});
