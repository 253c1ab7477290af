import { describe, expect, it } from 'vitest';
import { ferretErrorSummary, ferretPostgresUrl } from './ferretdb';

describe('FerretDB process helpers', () => {
  it('keeps documents out of the log and drops routine duplicate-key errors', () => {
    const dup =
      '2026-12-01T00:58:00.737Z\tERROR\tpostgresql/collection.go:157\tQuery\t{"args":{"0":"{\\"text\\":\\"secret\\"}"},"err":{"Severity":"ERROR","Code":"23505","Message":"duplicate key value"}}';
    expect(ferretErrorSummary(dup)).toBeUndefined();
    const other = dup.replace('23505', '53100').replace('duplicate key value', 'disk full');
    const s = ferretErrorSummary(other)!;
    expect(s).toBe('ERROR postgresql/collection.go:157 Query: disk full');
    expect(s).not.toContain('secret');
  });

  it('asks PostgreSQL for custom plans on every FerretDB connection', () => {
    expect(ferretPostgresUrl('postgres://u@h:5/db')).toBe(
      'postgres://u@h:5/db?plan_cache_mode=force_custom_plan',
    );
    expect(ferretPostgresUrl('postgres://u@h:5/db?sslmode=require')).toContain(
      'sslmode=require&plan_cache_mode=force_custom_plan',
    );
  });
});
