import { describe, expect, it } from 'vitest';
import { forumCounts, isAnswered, responseFigures, type CaseFacts } from './figures';

const now = new Date('2026-12-28T10:00:00Z');
const at = (iso: string) => new Date(iso);
const c = (over: Partial<CaseFacts>): CaseFacts => ({
  receivedAt: at('2026-12-17T03:00:00Z'),
  firstReplyAt: null,
  deadline: at('2026-12-24T16:59:59Z'),
  status: 'received',
  serviceCode: 'LNG-0117-02',
  sector: 'pekerjaan_umum',
  ...over,
});

describe('responseFigures', () => {
  it('counts a case still inside its deadline neither for nor against the unit', () => {
    const f = responseFigures(
      [
        c({ firstReplyAt: at('2026-12-17T05:00:00Z'), status: 'resolved' }), // in time
        c({ firstReplyAt: at('2026-12-27T03:00:00Z'), status: 'in_progress' }), // late, still open
        c({}), // unanswered, overdue
        c({ deadline: at('2027-01-05T16:59:59Z') }), // unanswered, not due yet
      ],
      now,
    );
    expect(f).toEqual({
      received: 4,
      answered: 2,
      answeredWithinStandard: 1,
      due: 3,
      withinStandardShare: 0.333,
      medianResponseHours: 121,
      open: 3,
      overdue: 2,
    });
  });

  it('has no share and no median before anything is due or answered', () => {
    const f = responseFigures([c({ deadline: at('2027-01-05T16:59:59Z') })], now);
    expect(f.withinStandardShare).toBeNull();
    expect(f.medianResponseHours).toBeNull();
    expect(f.due).toBe(0);
  });
});

describe('forum figures', () => {
  it('counts an input answered live or replied to by a UPP once', () => {
    const replied = { firstReplyAt: now };
    expect(isAnswered({ answered: { note: 'x' } }, replied)).toBe(true);
    expect(isAnswered({ answered: null }, { firstReplyAt: null })).toBe(false);
    const counts = forumCounts(
      { participants: 9, votes: 4 },
      [
        { id: 'a', status: 'published', answered: { note: 'live' } },
        { id: 'b', status: 'published', answered: { note: 'live' } },
        { id: 'c', status: 'published' },
        { id: 'd', status: 'published' },
        { id: 'e', status: 'rejected' },
      ],
      (id) => (id === 'b' || id === 'c' ? replied : undefined),
    );
    expect(counts).toEqual({
      participants: 9,
      inputs: 5,
      published: 4,
      votes: 4,
      answered: 3,
      answeredLive: 2,
      answeredByUpp: 2,
      answeredShare: 0.75,
    });
  });
});
