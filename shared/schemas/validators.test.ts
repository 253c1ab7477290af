import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../domain/forum';
import { ForumJoinPayload, InputCreatePayload, InputVotePayload } from '../events';
import { StaffCreate, StaffUpdate } from './admin';
import { ObjectIdString } from './common';
import { ForumSettings, JoinCode } from './forum';
import { InputCreate } from './input';
import { FORUM_LIMITS } from './limits';

const objectId = fc.stringMatching(/^[a-f0-9]{24}$/);

describe('shared validators (fast-check)', () => {
  it('takes exactly 24 hex digits as an id', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        expect(ObjectIdString.safeParse(s).success).toBe(/^[a-f0-9]{24}$/i.test(s));
      }),
      { numRuns: 1000 },
    );
  });

  it('takes join codes of the alphabet only, in any case', () => {
    const code = fc.string({
      unit: fc.constantFrom(...JOIN_CODE_ALPHABET.split('')),
      minLength: JOIN_CODE_LENGTH,
      maxLength: JOIN_CODE_LENGTH,
    });
    fc.assert(
      fc.property(code, (c) => {
        expect(JoinCode.parse(c.toLowerCase())).toBe(c);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), (s) => {
        const r = JoinCode.safeParse(s);
        if (r.success) expect(r.data).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses unknown keys in every body and socket payload (strict objects)', () => {
    const valid = {
      text: 'Antrian KTP terlalu panjang',
      kind: 'complaint',
      idempotencyKey: 'abcdefgh12',
    };
    fc.assert(
      fc.property(
        fc
          .stringMatching(/^[a-zA-Z_$.]{1,12}$/)
          .filter((k) => !(k in valid) && k !== 'serviceCode'),
        objectId,
        (extra, id) => {
          expect(InputCreate.safeParse({ ...valid, [extra]: 1 }).success).toBe(false);
          expect(ForumJoinPayload.safeParse({ forumId: id, [extra]: 1 }).success).toBe(false);
          expect(InputVotePayload.safeParse({ inputId: id, voted: true, [extra]: 1 }).success).toBe(
            false,
          );
          expect(InputCreatePayload.safeParse({ ...valid, forumId: id, [extra]: 1 }).success).toBe(
            false,
          );
          expect(StaffUpdate.safeParse({ [extra]: 1 }).success).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('bounds what a participant can send', () => {
    fc.assert(
      fc.property(fc.nat({ max: 20_000 }), (n) => {
        const r = InputCreate.safeParse({
          text: 'a'.repeat(n),
          kind: 'question',
          idempotencyKey: 'abcdefgh12',
        });
        expect(r.success).toBe(n <= FORUM_LIMITS.inputMaxCeiling * 2);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 5000 }), (n) => {
        const r = ForumSettings.safeParse({ slowModeSeconds: n });
        expect(r.success).toBe(n >= 0 && n <= FORUM_LIMITS.slowModeMaxSeconds);
      }),
    );
  });

  it('offers only staff roles to the staff form, whatever is sent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (role) => {
        const r = StaffCreate.safeParse({
          email: 'a@b.test',
          displayName: 'A',
          role,
          password: 'sandi-panjang-123',
        });
        if (r.success) {
          expect(['platform_admin', 'agency_admin', 'facilitator', 'upp_head']).toContain(
            r.data.role,
          );
        }
      }),
      { numRuns: 500 },
    );
  });
});
