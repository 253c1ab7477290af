import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderBeritaAcara } from './beritaAcara';
import type { BeritaAcaraData } from './beritaAcara.data';
import { demoBeritaAcara } from './beritaAcara.fixture';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ARTIFACTS = join(ROOT, 'test-artifacts');

function hasTool(name: string): boolean {
  try {
    execFileSync('which', [name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const HAS_PDFTOTEXT = hasTool('pdftotext');
const HAS_PDFTOPPM = hasTool('pdftoppm');

function countPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page(?!s)/g) ?? []).length;
}

function writeArtifact(name: string, pdf: Buffer): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, name);
  writeFileSync(path, pdf);
  return path;
}

/** Text of the PDF in content-stream order, whitespace collapsed (cells wrap over lines). */
function pdfText(path: string): string {
  const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  return raw.replace(/\s+/g, ' ');
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('renderBeritaAcara', () => {
  const data = demoBeritaAcara();
  let pdfPath = '';
  let pdf: Buffer = Buffer.alloc(0);

  it('renders a multi-page A4 PDF of the demo forum', { timeout: 20_000 }, async () => {
    pdf = await renderBeritaAcara(data);
    pdfPath = writeArtifact('berita-acara.pdf', pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(countPages(pdf)).toBeGreaterThan(1);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.2\d* 841\.8\d*\]/);
  });

  it.skipIf(!HAS_PDFTOPPM)('writes page 1 as a PNG preview', { timeout: 20_000 }, () => {
    const prefix = join(ARTIFACTS, 'berita-acara-page1');
    const args = ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfPath, prefix];
    execFileSync('pdftoppm', args);
    const png = readFileSync(`${prefix}.png`);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(existsSync(`${prefix}.png`)).toBe(true);
  });

  it.skipIf(!HAS_PDFTOTEXT)('contains the title, the counts and the top input', () => {
    const text = pdfText(pdfPath);
    const pages = countPages(pdf);
    expect(text).toContain('BERITA ACARA FORUM KONSULTASI PUBLIK');
    expect(text).toContain(data.forumTitle);
    expect(text).toMatch(new RegExp(`Jumlah peserta : ${data.counts.participants} orang`));
    expect(text).toContain(collapse(data.inputs[0]!.text));
    expect(text).toContain('Pada hari Rabu, tanggal 14 Mei 2025, pukul 09.00 s.d. 11.45 WIB');
    expect(text).toContain('Nomor: BA-FKP/FKP-CBN-0425/V/2025');
    for (const section of [
      'I. Agenda',
      'II. Peserta',
      'III. Masukan',
      'IV. Rencana',
      'V. Penutup',
    ]) {
      expect(text).toContain(section);
    }
    expect(text).toContain(`Halaman 1 dari ${pages}`);
    expect(text).toContain(`Halaman ${pages} dari ${pages}`);
    expect(text).toContain(data.publicUrl);
    expect(text).toContain('NIP. 19750812 199803 1 004');
    // A signatory whose name and NIP are not known gets lines to write them on.
    expect(text).toMatch(/\(\.{10,}\) NIP\. \.{10,}/);
  });

  it.skipIf(!HAS_PDFTOTEXT)('repeats the table header on continuation pages', () => {
    const text = pdfText(pdfPath);
    const headers = text.match(/No Jenis Masukan Dukungan Status \/ Tanggapan/g) ?? [];
    expect(headers.length).toBeGreaterThan(1);
  });

  it.skipIf(!HAS_PDFTOTEXT)('masks personal data and replaces undrawable characters', () => {
    const text = pdfText(pdfPath);
    expect(text).not.toContain('0812-3456-7890');
    expect(text).toContain('[disamarkan]');
    expect(text).toContain('"jalur cepat"');
    expect(text).toContain('Rp150.000. Tolong');
    expect(text).not.toMatch(/[\u{1F300}-\u{1FAFF}\u201C\u201D]/u);
  });

  it.skipIf(!HAS_PDFTOTEXT)(
    'handles an async forum without follow-ups and a row longer than a page',
    { timeout: 20_000 },
    async () => {
      const base = demoBeritaAcara();
      const long = Array.from({ length: 120 }, (_, i) => `Kalimat ke-${i + 1} tentang antrean.`);
      const variant: BeritaAcaraData = {
        ...base,
        type: 'async',
        endedAt: null,
        followUps: [],
        inputs: base.inputs.map((input, i) =>
          i === 2 ? { ...input, text: long.join(' ') } : input,
        ),
      };
      const out = await renderBeritaAcara(variant);
      const text = pdfText(writeArtifact('berita-acara-async.pdf', out));
      expect(countPages(out)).toBeGreaterThan(countPages(pdf));
      expect(text).toContain('Belum ada rencana tindak lanjut.');
      expect(text).toContain('Kalimat ke-1 tentang');
      expect(text).toContain('Kalimat ke-120 tentang antrean.');
      expect(text).toContain('secara daring');
    },
  );
});
