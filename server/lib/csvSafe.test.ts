import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralizeFormula, restoreFormulaCell } from './csvSafe';

describe('spreadsheet formula injection (fast-check)', () => {
  it('never lets a cell start with = + - @ tab or CR, and undoes itself exactly', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc
        .tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'"), fc.string({ maxLength: 20 }))
        .map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(cell, (s) => {
        const out = neutralizeFormula(s);
        expect(out).not.toMatch(/^[=+\-@\t\r]/);
        expect(restoreFormulaCell(out)).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('neutralises the classic payloads', () => {
    for (const p of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '=cmd|"/c calc"!A0']) {
      expect(neutralizeFormula(p)).toBe(`'${p}`);
    }
  });
});
