import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard, InboxList, Scoreboard } from '../../shared/schemas/inbox';
import type { Input } from '../../shared/schemas/input';
import { seedCatalog } from '../../server/catalog/catalog.seed';
import { ManualClock } from '../../server/clock';
import { artifact } from '../helpers/browser';
import { buildAgency, buildForum, buildUpp, buildUser, PASSWORD } from '../helpers/factories';
import { Client } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/testApp';

// Thursday 17 December 2026, 10:00 WIB. Road repairs (LNG-0117-02) are due in 5 working days.
const clock = new ManualClock(new Date('2026-12-17T10:00:00+07:00'));
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ clock });
  await seedCatalog();
});
afterAll(() => app.stop());

const TEXTS = [
  'Jalan Melati berlubang di depan SD, mohon segera ditambal',
  'Aspal Jalan Kenanga mengelupas sepanjang seratus meter',
  'Trotoar Jalan Anggrek rusak dan membahayakan pejalan kaki',
  'Jembatan kecil di Gang Dahlia retak, mohon diperiksa',
  'Lampu jalan di simpang Jalan Cempaka padam sejak sebulan',
];
const REPLIES = [
  'Tim Bina Marga menambal lubang Jalan Melati pada Jumat pagi.',
  'Pengaspalan ulang Jalan Kenanga dijadwalkan minggu depan.',
];

const login = async (email: string) => {
  const c = new Client(app.baseUrl);
  await c.login(email, PASSWORD);
  return c;
};

/** Numbers as the berita acara prints them: the PDF read back with pdftotext. */
function pdfText(pdf: Buffer): string {
  const file = artifact('berita-acara-figures.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .replace(/\s+/g, ' ')
    .trim();
}

describe('one definition per figure', () => {
  it('gives the dashboard, the scoreboard, the exports and the berita acara the same figures', async () => {
    const agency = await buildAgency();
    const pupr = await buildUpp(agency._id, {
      name: 'Dinas PUPR Figur',
      serviceCodes: ['LNG-0117-02'],
    });
    const head = await buildUser('upp_head', { uppIds: [pupr._id] });
    const facilitator = await buildUser('facilitator', { uppIds: [pupr._id] });
    const forum = await buildForum(pupr, { settings: { moderation: 'post' } });

    const inputs: Input[] = [];
    for (const [i, text] of TEXTS.entries()) {
      const r = await new Client(app.baseUrl).post<{ input: Input }>(
        `/api/forums/${forum._id}/inputs`,
        { text, kind: 'complaint', serviceCode: 'LNG-0117-02', idempotencyKey: `figures-${i}-key` },
      );
      expect(r.status).toBe(201);
      inputs.push(r.body.input);
    }
    const fac = await login(facilitator.email);
    // The fifth is answered live in the hall (no written reply).
    expect(
      (
        await fac.post(`/api/inputs/${inputs[4]!.id}/answer`, {
          note: 'Dijawab langsung oleh Kabid.',
        })
      ).status,
    ).toBe(200);

    const upp = await login(head.email);
    const list = await upp.get<InboxList>(`/api/inbox?forumId=${forum._id}`);
    const caseOf = (inputId: string) => list.body.items.find((i) => i.inputId === inputId)!;
    expect(list.body.items).toHaveLength(5);
    // One reply two hours later (within the standard), one after the deadline.
    clock.advance(2 * 3600_000);
    expect(
      (await upp.post(`/api/inbox/${caseOf(inputs[0]!.id).id}/reply`, { text: REPLIES[0] })).status,
    ).toBe(200);
    clock.set(new Date('2026-12-28T10:00:00+07:00'));
    expect(
      (await upp.post(`/api/inbox/${caseOf(inputs[1]!.id).id}/reply`, { text: REPLIES[1] })).status,
    ).toBe(200);

    // Expected: 5 received; 2 answered by the UPP, 1 of them in time; the 3 unanswered are
    // past their deadline, so all 5 are due: 1 of 5 within the standard.
    const expected = { received: 5, answered: 2, answeredWithinStandard: 1, due: 5, share: 0.2 };

    const dash = (await upp.get<Dashboard>(`/api/reports/upp/${pupr._id}`)).body;
    const board = (
      await new Client(app.baseUrl).get<Scoreboard>(`/api/public/scoreboard/${pupr.slug}`)
    ).body;
    expect({
      received: dash.total,
      answered: dash.answered,
      answeredWithinStandard: dash.answeredWithinStandard,
      due: dash.due,
      share: dash.withinStandardShare,
    }).toEqual(expected);
    expect({
      received: board.received,
      answered: board.answered,
      answeredWithinStandard: board.answeredWithinStandard,
      due: board.due,
      share: board.withinStandardShare,
    }).toEqual(expected);
    expect(board.medianResponseHours).toBe(dash.medianResponseHours);
    expect(board.perService).toEqual([
      expect.objectContaining({
        serviceCode: 'LNG-0117-02',
        received: 5,
        answeredWithinStandard: 1,
        due: 5,
      }),
    ]);

    // Exports: an input is answered when it was answered live or replied to by a UPP.
    const rows = (
      await fac.get<{ answered: boolean; text: string; replies: string[] }[]>(
        `/api/forums/${forum._id}/export.json`,
      )
    ).body;
    expect(
      rows
        .filter((r) => r.answered)
        .map((r) => r.text)
        .sort(),
    ).toEqual([TEXTS[0], TEXTS[1], TEXTS[4]].sort());

    // The berita acara says the same, lists each reply and live answer beside its input, and
    // leaves name and NIP lines for the signatures.
    await fac.post(`/api/forums/${forum._id}/status`, { status: 'closed' });
    const res = await fetch(`${app.baseUrl}/api/forums/${forum._id}/berita-acara.pdf`);
    expect(res.status).toBe(200);
    const text = pdfText(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain('Masukan yang telah ditanggapi : 3 masukan (60%)');
    expect(text).toContain('- dijawab langsung di forum : 1 masukan');
    expect(text).toContain('- dibalas tertulis oleh UPP : 2 masukan');
    expect(text).toContain(
      'Sebanyak 5 masukan diteruskan ke UPP yang berwenang; 2 di antaranya telah dibalas',
    );
    expect(text).toContain(
      'Dibalas sesuai standar pelayanan: 1 dari 5 masukan yang telah jatuh tempo (20%)',
    );
    for (const reply of REPLIES) expect(text).toContain(reply);
    expect(text).toContain('Dijawab langsung di forum: Dijawab langsung oleh Kabid.');
    expect(text.match(/Balasan Dinas PUPR Figur/g)).toHaveLength(2);
    // Only the two inputs nobody answered say so.
    expect(text.match(/Belum ada tanggapan\./g)).toHaveLength(2);
    expect(text).toContain(head.displayName);
    expect(text).toMatch(/NIP\. \.{10,}/);
    expect(text).toMatch(/\(\.{10,}\)/);
  });
});
