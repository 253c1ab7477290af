import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIFE_STAGES, SECTORS } from '../../shared/domain/sectors';
import {
  MAX_KEYWORDS,
  ServiceCatalog,
  ServiceInput,
  ralCodeFromServiceCode,
} from '../../shared/schemas/catalog';

const servicesText = readFileSync(new URL('./data/services.json', import.meta.url), 'utf8');
const raw: unknown = JSON.parse(servicesText);
const services = ServiceCatalog.parse(raw);

const tsvRows = readFileSync(new URL('./data/service-codes.tsv', import.meta.url), 'utf8')
  .split(/\r?\n/)
  .filter((l) => l.trim() !== '')
  .slice(1)
  .map((l) => {
    const [code, sector, stage, name, uppType] = l.split('\t');
    return { code, sector, stage, name, uppType };
  });

/** Services whose completion time comes from a reference source (S6..S12); all others say 'contoh'. */
const SOURCED_COMPLETION_TIMES = [
  'LHR-0123-01',
  'IDN-0123-01',
  'IDN-0123-02',
  'IDN-0128-04',
  'KLG-0123-02',
  'PDH-0123-01',
  'MTI-0123-01',
];

/** Urgent services: response time in hours. */
const URGENT = ['SHT-0125-02', 'SHT-0125-04', 'LNG-0129-03', 'LNG-0000-06'];

describe('services.json', () => {
  it('parses against the schema, service by service and as a whole', () => {
    expect(Array.isArray(raw)).toBe(true);
    for (const item of raw as unknown[]) {
      const r = ServiceInput.safeParse(item);
      expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
    }
    expect(ServiceCatalog.safeParse(raw).success).toBe(true);
    // Parsing changes nothing: the file is already normalised (trimmed).
    expect(services).toEqual(raw);
  });

  it('has at least 40 services', () => {
    expect(services.length).toBeGreaterThanOrEqual(40);
  });

  it('covers every sector and every life stage', () => {
    const sectors = new Set(services.map((s) => s.sector));
    expect(SECTORS.filter((s) => !sectors.has(s))).toEqual([]);
    const stages = new Set(services.map((s) => s.stage));
    expect(LIFE_STAGES.filter((s) => !stages.has(s))).toEqual([]);
  });

  it('has unique codes, exactly the codes of service-codes.tsv, in the same order', () => {
    const codes = services.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(tsvRows).toHaveLength(63);
    expect(codes).toEqual(tsvRows.map((r) => r.code));
  });

  it('keeps sector, stage, name and UPP type from service-codes.tsv', () => {
    const byCode = new Map(services.map((s) => [s.code, s]));
    for (const row of tsvRows) {
      const s = byCode.get(row.code ?? '');
      expect(s, row.code).toBeDefined();
      expect({ sector: s?.sector, stage: s?.stage, name: s?.name, uppType: s?.uppType }).toEqual({
        sector: row.sector,
        stage: row.stage,
        name: row.name,
        uppType: row.uppType,
      });
    }
  });

  it('derives the RAL code from the service code (null for area 0000)', () => {
    for (const s of services) {
      expect(s.ralCode, s.code).toBe(ralCodeFromServiceCode(s.code));
      expect(s.ralName === null, s.code).toBe(s.ralCode === null);
    }
    expect(services.filter((s) => s.ralCode === null).map((s) => s.code)).toEqual(
      services.filter((s) => s.code.includes('-0000-')).map((s) => s.code),
    );
  });

  it('gives every service 4-10 distinct lowercase keywords', () => {
    expect(MAX_KEYWORDS).toBeGreaterThanOrEqual(10);
    for (const s of services) {
      expect(s.keywords.length, s.code).toBeGreaterThanOrEqual(4);
      expect(s.keywords.length, s.code).toBeLessThanOrEqual(10);
      expect(new Set(s.keywords).size, s.code).toBe(s.keywords.length);
      for (const k of s.keywords) expect(k, s.code).toBe(k.toLowerCase());
    }
  });

  it('writes a complete standar pelayanan for every service', () => {
    for (const s of services) {
      const st = s.standard;
      expect(st.requirements.length, s.code).toBeGreaterThanOrEqual(2);
      expect(st.procedure.length, s.code).toBeGreaterThanOrEqual(3);
      expect(st.complaintHandling, s.code).toContain('SP4N-LAPOR!');
      expect(st.responseTime, s.code).not.toBeNull();
    }
  });

  it("marks completion times without a reference source as 'contoh'", () => {
    for (const s of services) {
      if (SOURCED_COMPLETION_TIMES.includes(s.code)) continue;
      expect(s.standard.completionTime.toLowerCase(), s.code).toContain('contoh');
    }
  });

  it('states the response time in hours for urgent services and working days otherwise', () => {
    for (const s of services) {
      const rt = s.standard.responseTime;
      if (URGENT.includes(s.code)) {
        expect(rt?.unit, s.code).toBe('hours');
      } else if (rt?.unit === 'working_days') {
        expect(rt.value, s.code).toBeGreaterThanOrEqual(1);
        expect(rt.value, s.code).toBeLessThanOrEqual(5);
      }
    }
  });

  it('states the response time consistently in the complaint handling text', () => {
    for (const s of services) {
      const rt = s.standard.responseTime;
      if (rt === null) continue;
      const text = rt.unit === 'hours' ? `${rt.value} jam` : `${rt.value} hari kerja`;
      expect(s.standard.complaintHandling, s.code).toContain(`paling lama ${text}`);
    }
  });

  it('makes civil registration (adminduk) services free', () => {
    const adminduk = services.filter((s) => s.uppType === 'Dinas Dukcapil kab/kota');
    expect(adminduk.length).toBeGreaterThanOrEqual(8);
    for (const s of adminduk) expect(s.standard.fee, s.code).toMatch(/^Gratis/);
  });
});
