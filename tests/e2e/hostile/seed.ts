import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Types } from 'mongoose';
import { projectRoot } from '../../../server/config';
import type { ServiceInput } from '../../../shared/schemas/catalog';
import { CATALOG_CSV_COLUMNS } from '../../../server/catalog/importIssues';
import { SHIPPED_CATALOG } from '../../../server/catalog/catalog.seed';
import { writeCsv } from '../../../server/catalog/csv';
import { InputModel } from '../../../server/forums/input.model';
import { buildAgency, buildForum, buildUpp, buildUser, PASSWORD } from '../../helpers/factories';
import { Client } from '../../helpers/http';
import type { TestApp } from '../../helpers/testApp';

/** The corpus: one payload a line (tests/fixtures/xss-payloads.txt), `# ` lines are notes. */
export const PAYLOADS = readFileSync(
  path.join(projectRoot, 'tests', 'fixtures', 'xss-payloads.txt'),
  'utf8',
)
  .split('\n')
  .filter((l) => l && !l.startsWith('# '));

/** A visible marker in front of each payload, so a page can be checked for what it shows. */
export const marked = (i: number, max = 10_000) =>
  `XSS${String(i).padStart(3, '0')} ${PAYLOADS[i % PAYLOADS.length]}`.slice(0, max);

/**
 * Hands out the corpus in order, as many whole marked payloads as fit in `max` characters per
 * value (at least one, cut if it alone is too long): every payload passes through every kind
 * of record, with few requests.
 */
export class Packer {
  private next = 0;
  constructor(private readonly avoid: RegExp | null = null) {}
  get done(): boolean {
    return this.next >= PAYLOADS.length;
  }
  /** Payloads handed out so far. */
  get used(): number {
    return this.next;
  }
  take(max: number): string {
    const parts: string[] = [];
    let len = 0;
    while (this.next < PAYLOADS.length) {
      let item = marked(this.next);
      if (this.avoid) item = item.replace(this.avoid, '/');
      if (parts.length && len + item.length + 1 > max) break;
      parts.push(item);
      len += item.length + 1;
      this.next += 1;
    }
    return parts.join(' ').slice(0, max);
  }
}

/** Runs `fn` over 0..n-1, `width` at a time. */
async function each(n: number, width: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < n; i += width) {
    await Promise.all(Array.from({ length: Math.min(width, n - i) }, (_, j) => fn(i + j)));
  }
}

async function ok<T>(p: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const r = await p;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Every text field of the product filled with the corpus, through the API (and raw). */
export async function seedHostile(app: TestApp) {
  const n = PAYLOADS.length;
  const agency = await buildAgency({ name: 'Pemerintah Kota Uji XSS' });
  const upp = await buildUpp(agency._id, { name: 'UPP Uji XSS', serviceCodes: [] });
  const fac = await buildUser('facilitator', { uppIds: [upp._id] });
  const head = await buildUser('upp_head', { uppIds: [upp._id] });
  const platform = await buildUser('platform_admin');
  const login = async (email: string) => {
    const c = new Client(app.baseUrl);
    await c.login(email, PASSWORD);
    return c;
  };
  const [asFac, asHead, asAdmin] = await Promise.all([
    login(fac.email),
    login(head.email),
    login(platform.email),
  ]);
  const counts: Record<string, number> = {};
  const count = (field: string, k = 1) => (counts[field] = (counts[field] ?? 0) + k);

  // Catalog (CSV import): every text column of the shipped services carries payloads.
  const shipped = JSON.parse(readFileSync(SHIPPED_CATALOG, 'utf8')) as ServiceInput[];
  const catalogPack = new Packer(/\|/g);
  const next = (max: number) => catalogPack.take(max) || 'Layanan';
  const rows = shipped.map((s) => {
    const row: Record<string, string> = {
      code: s.code,
      name: next(160),
      stage: s.stage,
      sector: s.sector,
      ral_code: s.ralCode ?? '',
      ral_name: s.ralName ?? '',
      upp_type: next(120),
      government_level: s.governmentLevel,
      keywords: s.keywords.join(' | '),
      requirements: next(300),
      procedure: next(300),
      completion_time: next(600),
      fee: next(600),
      product: next(600),
      complaint_handling: next(600),
      response_value: '3',
      response_unit: 'working_days',
    };
    return CATALOG_CSV_COLUMNS.map((c) => row[c] ?? '');
  });
  const csv = writeCsv([[...CATALOG_CSV_COLUMNS], ...rows]);
  const imported = await ok(
    asAdmin.request<{ valid: number }>(
      'POST',
      '/api/admin/catalog/import?format=csv&mode=apply',
      csv,
      {
        'content-type': 'text/csv',
      },
    ),
    'catalog import',
  );
  count('catalog (CSV import)', imported.valid ? catalogPack.used : 0);
  const serviceCode = shipped[0]!.code;
  await upp.updateOne({ $set: { serviceCodes: [serviceCode] } });

  // Agencies, UPPs, staff, holidays: the whole corpus through each kind of record.
  const agencyPack = new Packer();
  const agencies: { name: string; region: string }[] = [];
  while (!agencyPack.done)
    agencies.push({ name: agencyPack.take(160), region: agencyPack.take(120) });
  await each(agencies.length, 10, (i) =>
    ok(
      asAdmin.post('/api/admin/agencies', {
        ...agencies[i],
        slug: `xss-ag-${i}`,
        level: 'kab/kota',
      }),
      'agency',
    ),
  );
  count('agency name and region', agencyPack.used);
  const uppPack = new Packer();
  const upps: Record<string, string>[] = [];
  while (!uppPack.done) {
    upps.push({
      name: uppPack.take(160),
      uppType: uppPack.take(160) || 'Dinas',
      region: uppPack.take(120) || 'Kota',
      address: uppPack.take(300),
    });
  }
  await each(upps.length, 10, (i) =>
    ok(
      asAdmin.post('/api/admin/upps', {
        ...upps[i],
        agencyId: agency._id.toString(),
        slug: `xss-upp-${i}`,
      }),
      'upp',
    ),
  );
  count('UPP name, type, region, address', uppPack.used);
  await each(12, 4, (i) =>
    ok(
      asAdmin.post('/api/admin/users', {
        email: `xss-staf-${i}@uji.test`,
        displayName: marked(i * 13, 80),
        role: 'facilitator',
        password: 'sandi-staf-xss-1',
        uppIds: [upp._id.toString()],
      }),
      'staff',
    ),
  );
  count('staff display name', 12);
  const holidayPack = new Packer();
  let h = 0;
  const holidays: string[] = [];
  while (!holidayPack.done && h < 60) holidays[h++] = holidayPack.take(120);
  await each(holidays.length, 10, (i) =>
    ok(
      asAdmin.post('/api/admin/holidays', {
        date: `2032-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + Math.floor(i / 12)).padStart(2, '0')}`,
        name: holidays[i],
      }),
      'holiday',
    ),
  );
  count('holiday name', holidayPack.used);

  // Forums: titles (drafts, listed in the console), one live forum with everything in it.
  const titlePack = new Packer();
  await each(24, 8, () =>
    ok(
      asFac.post('/api/forums', {
        hostUppId: upp._id.toString(),
        title: `Forum ${titlePack.take(150)}`,
        type: 'async',
        schedule: {
          opensAt: new Date().toISOString(),
          closesAt: new Date(Date.now() + 864e5).toISOString(),
        },
      }),
      'forum',
    ),
  );
  count('forum title', titlePack.used);
  const forum = await buildForum(upp, { status: 'live', settings: { moderation: 'post' } });
  const forumId = forum._id.toString();
  await ok(
    asFac.patch(`/api/forums/${forumId}`, {
      title: `Forum langsung ${marked(5, 140)}`,
      description: PAYLOADS.slice(0, 40).join('\n').slice(0, 4000),
      agenda: PAYLOADS.slice(40, 70).map((x, i) => `Agenda ${i} ${x}`.slice(0, 200)),
      location: marked(7, 200),
    }),
    'forum fields',
  );
  count('forum title, description, agenda, location', 72);
  const citizens = await Promise.all(
    Array.from({ length: Math.ceil(n / 15) }, async () => {
      const c = new Client(app.baseUrl);
      await c.get('/api/auth/me');
      return c;
    }),
  );
  const inputIds: string[] = [];
  await each(n, 10, async (i) => {
    const r = await ok(
      citizens[Math.floor(i / 15)]!.post<{ input: { id: string } }>(
        `/api/forums/${forumId}/inputs`,
        {
          text: marked(i, 2000),
          kind: 'complaint',
          displayName: marked(i + 7, 80),
          idempotencyKey: `xss-input-${String(i).padStart(6, '0')}`,
        },
      ),
      'input',
    );
    inputIds[i] = r.input.id;
  });
  count('input text and display name', 2 * n);
  const notes = new Packer();
  const answers: string[] = [];
  while (!notes.done) answers.push(notes.take(1000));
  await each(answers.length, 6, (i) =>
    ok(asFac.post(`/api/inputs/${inputIds[i]}/answer`, { note: answers[i] }), 'answer'),
  );
  count('answer note', notes.used);
  const hideNotes = new Packer();
  const hides: string[] = [];
  while (!hideNotes.done) hides.push(hideNotes.take(500));
  await each(hides.length, 6, (i) =>
    ok(
      asFac.post(`/api/inputs/${inputIds[n - 1 - i]}/hide`, { reason: 'other', note: hides[i] }),
      'hide',
    ),
  );
  count('hide/reject note', hideNotes.used);

  // The inbox: one routed input with replies, postponed cases with reasons.
  const routed = inputIds.slice(60, 66);
  for (const id of routed) {
    await ok(
      asFac.post(`/api/inputs/${id}/route`, {
        sector: shipped[0]!.sector,
        serviceCode,
        uppId: upp._id.toString(),
        reason: marked(3, 500),
      }),
      'route',
    );
  }
  count('routing reason', routed.length);
  const inbox = await ok(
    asHead.get<{ items: { id: string; text: string }[] }>('/api/inbox'),
    'inbox',
  );
  const [first, ...rest] = inbox.items;
  const replies = new Packer();
  while (!replies.done) {
    await ok(asHead.post(`/api/inbox/${first!.id}/reply`, { text: replies.take(4000) }), 'reply');
  }
  count('reply', replies.used);
  for (const [i, c] of rest.entries()) {
    await ok(
      asHead.post(`/api/inbox/${c.id}/status`, { status: 'postponed', reason: marked(i, 500) }),
      'postpone',
    );
  }
  count('postponed reason', rest.length);

  // Raw: markup stored as it came, as if the sanitizer had been bypassed (but for NUL, which
  // the PostgreSQL behind FerretDB cannot store; the sanitizer drops it on the API path).
  const raw = await buildForum(upp, { status: 'live', title: 'Forum mentah XSS' });
  await InputModel.insertMany(
    PAYLOADS.map((p) => p.replace(/\0/g, '')).map((x, i) => ({
      forumId: raw._id,
      text: `XSS${i} ${x}`,
      kind: 'question',
      displayName: x.slice(0, 80),
      authorKey: `p:raw${i}`,
      idempotencyKey: `xss-raw-${i}-${new Types.ObjectId().toString()}`,
      status: 'published',
      seq: i + 1,
      publishedAt: new Date(),
    })),
  );
  count('raw input text and name (no sanitizer)', 2 * n);

  return {
    forumId,
    rawForumId: raw._id.toString(),
    upp,
    fac,
    head,
    platform,
    citizen: citizens[0]!,
    counts,
  };
}
