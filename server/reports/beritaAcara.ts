/**
 * Berita acara (official minutes) of a Forum Konsultasi Publik, as an A4 PDF in Bahasa
 * Indonesia (PermenPANRB 16/2017). Uses only the built-in Helvetica fonts; all user text goes
 * through `toPdfSafeText`, and citizen text through `scrubPersonalData`, since the document is
 * published.
 */
import PDFDocument from 'pdfkit';
import {
  drawLetterhead,
  drawPageFurniture,
  drawSignatures,
  ensureSpace,
  INK,
  MUTED,
} from './beritaAcaraParts';
import { scrubPersonalData } from './exports';
import type { BeritaAcaraData } from './beritaAcara.data';
import { kalimatPembuka, nomorDokumen } from './beritaAcaraText';
import { angka, tanggalJam, tanggalPanjang } from './idFormat';
import { drawTable, FONT, type Cell, type CellBlock, type Column } from './pdfTable';
import { toPdfSafeText } from './pdfText';

const MARGINS = { top: 62, bottom: 70, left: 70, right: 57 };
const BODY_SIZE = 10.5;
const LINE_GAP = 2.5;
const safe = toPdfSafeText;
const citizen = (text: string): string => safe(scrubPersonalData(text));

function content(doc: PDFKit.PDFDocument): { left: number; width: number } {
  const left = doc.page.margins.left;
  return { left, width: doc.page.width - left - doc.page.margins.right };
}

function paragraph(doc: PDFKit.PDFDocument, text: string, indent = 0, size = BODY_SIZE): void {
  const { left, width } = content(doc);
  doc.font(FONT.regular).fontSize(size).fillColor(INK);
  doc.text(safe(text), left + indent, doc.y, {
    width: width - indent,
    align: 'justify',
    lineGap: LINE_GAP,
  });
  doc.moveDown(0.5);
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  doc.moveDown(0.4);
  ensureSpace(doc, 70);
  const { left, width } = content(doc);
  doc.font(FONT.bold).fontSize(11).fillColor(INK).text(text, left, doc.y, { width });
  doc.moveDown(0.35);
}

/** Hanging-indent list item: "1." in the gutter, wrapped text aligned after it. */
function listItem(doc: PDFKit.PDFDocument, marker: string, text: string): void {
  const { left, width } = content(doc);
  const indent = 22;
  doc.font(FONT.regular).fontSize(BODY_SIZE).fillColor(INK);
  const h = doc.heightOfString(safe(text), { width: width - indent, lineGap: LINE_GAP });
  ensureSpace(doc, Math.min(h, 40));
  const y = doc.y;
  doc.text(marker, left + 4, y, { width: indent - 4, lineBreak: false });
  doc.text(safe(text), left + indent, y, { width: width - indent, lineGap: LINE_GAP });
  doc.moveDown(0.2);
}

const persen = (share: number | null) => (share === null ? '' : ` (${Math.round(share * 100)}%)`);

function participation(doc: PDFKit.PDFDocument, data: BeritaAcaraData): void {
  const c = data.counts;
  const rows: [string, string][] = [
    ['Jumlah peserta', `${angka(c.participants)} orang`],
    ['Masukan yang diterima', `${angka(c.inputs)} masukan`],
    ['Masukan yang ditayangkan', `${angka(c.published)} masukan`],
    ['Dukungan (suara) yang diberikan', `${angka(c.votes)} suara`],
    ['Masukan yang telah ditanggapi', `${angka(c.answered)} masukan${persen(c.answeredShare)}`],
    ['- dijawab langsung di forum', `${angka(c.answeredLive)} masukan`],
    ['- dibalas tertulis oleh UPP', `${angka(c.answeredByUpp)} masukan`],
  ];
  const { left } = content(doc);
  const labelWidth = 190;
  ensureSpace(doc, rows.length * 16);
  let letter = 0;
  for (const [label, value] of rows) {
    const y = doc.y;
    const sub = label.startsWith('-');
    doc.font(FONT.regular).fontSize(BODY_SIZE).fillColor(INK);
    if (!sub) doc.text(`${String.fromCharCode(97 + letter++)}.`, left + 4, y, { lineBreak: false });
    doc.text(label, left + (sub ? 34 : 22), y, { lineBreak: false });
    doc.text(':', left + 22 + labelWidth, y, { lineBreak: false });
    doc.font(FONT.bold).text(value, left + 32 + labelWidth, y, { lineBreak: false });
    doc.y = y + BODY_SIZE + 5.5;
  }
  doc.moveDown(0.4);
  const r = data.response;
  if (r.received > 0) {
    const median =
      r.medianResponseHours === null
        ? ''
        : `; median waktu sampai balasan pertama ${angka(r.medianResponseHours)} jam`;
    paragraph(
      doc,
      `Sebanyak ${angka(r.received)} masukan diteruskan ke UPP yang berwenang; ` +
        `${angka(r.answered)} di antaranya telah dibalas. Dibalas sesuai standar pelayanan: ` +
        `${angka(r.answeredWithinStandard)} dari ${angka(r.due)} masukan yang telah jatuh ` +
        `tempo${persen(r.withinStandardShare)}${median}.`,
    );
  }
}

function inputsTable(doc: PDFKit.PDFDocument, data: BeritaAcaraData): void {
  const { left } = content(doc);
  const columns: Column[] = [
    { header: 'No', width: 24, align: 'center' },
    { header: 'Jenis', width: 62 },
    { header: 'Masukan', width: 180 },
    { header: 'Dukungan', width: 54, align: 'center' },
    { header: 'Status / Tanggapan', width: 148 },
  ];
  const rows: Cell[][] = data.inputs.map((input) => {
    const masukan: CellBlock[] = [{ text: citizen(input.text) }];
    // Every answer is listed with what it is: live in the forum, or a UPP's written reply.
    const status: CellBlock[] = [{ text: safe(input.status), style: 'bold' }];
    if (input.liveAnswer?.trim()) {
      status.push({ text: 'Dijawab langsung di forum:', style: 'bold', size: 7.5 });
      status.push({ text: safe(input.liveAnswer), size: 8 });
    }
    for (const reply of input.replies) {
      status.push({
        text: `Balasan ${safe(reply.from)}, ${tanggalJam(reply.at, data.timeZone)}:`,
        style: 'bold',
        size: 7.5,
      });
      status.push({ text: citizen(reply.text), size: 8 });
    }
    if (!input.liveAnswer?.trim() && input.replies.length === 0) {
      status.push({ text: 'Belum ada tanggapan.', style: 'italic', color: MUTED, size: 8 });
    }
    return [String(input.rank), safe(input.kind), masukan, angka(input.votes), status];
  });
  doc.y = drawTable(doc, columns, rows, { x: left, y: doc.y }) + 6;
  doc.x = left;
  doc.font(FONT.italic).fontSize(8).fillColor(MUTED);
  doc.text(
    'Data pribadi dalam masukan (nomor telepon, alamat surel, NIK/KK) telah disamarkan.',
    left,
    doc.y,
  );
  doc.fillColor(INK).moveDown(0.6);
}

function followUpTable(doc: PDFKit.PDFDocument, data: BeritaAcaraData): void {
  const { left } = content(doc);
  const columns: Column[] = [
    { header: 'No', width: 24, align: 'center' },
    { header: 'Kegiatan', width: 185 },
    { header: 'Penanggung jawab', width: 110 },
    { header: 'Batas waktu', width: 74, align: 'center' },
    { header: 'Status', width: 75, align: 'center' },
  ];
  const rows: Cell[][] = data.followUps.map((f, i) => [
    String(i + 1),
    safe(f.what),
    safe(f.owner),
    tanggalPanjang(f.dueAt, data.timeZone),
    safe(f.status),
  ]);
  doc.y = drawTable(doc, columns, rows, { x: left, y: doc.y }) + 6;
  doc.x = left;
}

function layout(doc: PDFKit.PDFDocument, data: BeritaAcaraData): void {
  const { left, width } = content(doc);
  drawLetterhead(doc, data.agencyName, data.uppName);
  doc.font(FONT.bold).fontSize(13).fillColor(INK);
  doc.text('BERITA ACARA FORUM KONSULTASI PUBLIK', left, doc.y, { width, align: 'center' });
  doc.font(FONT.regular).fontSize(10);
  doc.text(`Nomor: ${safe(nomorDokumen(data))}`, left, doc.y + 2, { width, align: 'center' });
  doc.moveDown(1.4);
  paragraph(doc, kalimatPembuka(data));

  heading(doc, 'I. Agenda');
  if (data.agenda.length === 0) paragraph(doc, 'Tidak ada agenda yang tercatat.', 22);
  data.agenda.forEach((item, i) => listItem(doc, `${i + 1}.`, item));

  heading(doc, 'II. Peserta dan partisipasi');
  paragraph(doc, 'Rincian kehadiran dan partisipasi masyarakat dalam forum:');
  participation(doc, data);

  heading(doc, 'III. Masukan masyarakat');
  if (data.inputs.length === 0) {
    paragraph(doc, 'Tidak ada masukan masyarakat yang tercatat dalam forum ini.');
  } else {
    paragraph(doc, 'Masukan yang disampaikan, diurutkan menurut jumlah dukungan:');
    inputsTable(doc, data);
  }

  heading(doc, 'IV. Rencana tindak lanjut');
  if (data.followUps.length === 0) paragraph(doc, 'Belum ada rencana tindak lanjut.');
  else followUpTable(doc, data);

  // Keep the closing paragraph together with (the first row of) the signatures.
  doc.moveDown(0.4);
  ensureSpace(doc, 210);
  heading(doc, 'V. Penutup');
  paragraph(
    doc,
    'Demikian berita acara ini dibuat dengan sebenarnya. Penyelenggara pelayanan dan ' +
      'perwakilan masyarakat sepakat untuk bersama-sama melaksanakan dan memantau rencana ' +
      'tindak lanjut di atas sesuai batas waktu yang ditetapkan, serta menyampaikan ' +
      `perkembangannya kepada masyarakat melalui ${data.publicUrl}.`,
  );
  doc.moveDown(0.8);
  drawSignatures(doc, data.signatories);
}

/** Renders the berita acara to a PDF buffer. */
export function renderBeritaAcara(data: BeritaAcaraData): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margins: MARGINS,
      bufferPages: true,
      lang: 'id-ID',
      displayTitle: true,
      info: {
        Title: safe(`Berita Acara - ${data.forumTitle}`),
        Author: safe(data.uppName || data.agencyName),
        Subject: 'Berita Acara Forum Konsultasi Publik',
        CreationDate: data.generatedAt,
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      layout(doc, data);
      drawPageFurniture(doc, data);
      doc.end();
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
