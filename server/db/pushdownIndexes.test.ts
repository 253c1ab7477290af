import { describe, expect, it } from 'vitest';
import { fieldExpression, pushdownIndexName } from './pushdownIndexes';

describe('pushdown index naming and expressions', () => {
  it('uses the expression FerretDB filters with', () => {
    expect(fieldExpression('forumId')).toBe(`_jsonb->'forumId'`);
    expect(fieldExpression('routing.uppId')).toBe(`_jsonb#>'{routing,uppId}'`);
    expect(fieldExpression("o'k")).toBe(`_jsonb->'o''k'`);
  });

  it('names indexes deterministically within 63 characters', () => {
    expect(pushdownIndexName('votes_a357ea92', 'forumId')).toBe('votes_a357ea92_forumId_gin');
    const long = pushdownIndexName(
      'a_very_long_collection_name_for_testing_ab12cd34',
      'someLongFieldName',
    );
    expect(long.length).toBeLessThanOrEqual(63);
    expect(long).toBe(
      pushdownIndexName('a_very_long_collection_name_for_testing_ab12cd34', 'someLongFieldName'),
    );
    expect(long).not.toBe(
      pushdownIndexName('a_very_long_collection_name_for_testing_ab12cd34', 'someLongFieldNamf'),
    );
  });
});
