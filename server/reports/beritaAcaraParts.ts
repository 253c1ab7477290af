/** Page furniture of the berita acara: letterhead, signature blocks and footers. */
import { FONT } from './pdfTable';
import { toPdfSafeText } from './pdfText';
import { tanggalJam } from './idFormat';

export const INK = '#111111';
export const MUTED = '#555555';

export interface Signatory {
  role: string;
  /** Empty: a dotted line to write the name on by hand. */
  name: string;
  /** Officials sign with their NIP (empty: a dotted line); citizens have none (undefined). */
  nip?: string;
}

const BLANK = '(.........................................)';
const BLANK_NIP = '..................................';

const bottomOf = (doc: PDFKit.PDFDocument): number => doc.page.height - doc.page.margins.bottom;

/** Starts a new page when fewer than `height` points are left. */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > bottomOf(doc)) doc.addPage();
}

/** Agency letterhead ("kop") with a double rule underneath. */
export function drawLetterhead(doc: PDFKit.PDFDocument, agencyName: string, uppName: string): void {
  const { left } = doc.page.margins;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.fillColor(INK).font(FONT.bold).fontSize(13);
  doc.text(toPdfSafeText(agencyName).toUpperCase(), left, doc.page.margins.top, {
    width,
    align: 'center',
  });
  if (uppName.trim() && uppName.trim() !== agencyName.trim()) {
    doc.moveDown(0.15).font(FONT.bold).fontSize(11.5);
    doc.text(toPdfSafeText(uppName), left, doc.y, { width, align: 'center' });
  }
  doc.moveDown(0.1).font(FONT.regular).fontSize(8).fillColor(MUTED);
  doc.text('Forum Konsultasi Publik  -  PermenPANRB Nomor 16 Tahun 2017', left, doc.y, {
    width,
    align: 'center',
  });
  const y = doc.y + 5;
  doc
    .strokeColor(INK)
    .lineWidth(1.6)
    .moveTo(left, y)
    .lineTo(left + width, y)
    .stroke();
  doc
    .lineWidth(0.5)
    .moveTo(left, y + 2.8)
    .lineTo(left + width, y + 2.8)
    .stroke();
  doc.fillColor(INK);
  doc.y = y + 16;
}

const SIG_SPACE = 58;

/** Signature blocks side by side (up to three per row): role, blank space, name, NIP. */
export function drawSignatures(doc: PDFKit.PDFDocument, signatories: Signatory[]): void {
  const { left } = doc.page.margins;
  const width = doc.page.width - left - doc.page.margins.right;
  const n = signatories.length;
  const perRow = n <= 3 ? Math.max(n, 1) : n === 4 ? 2 : 3;
  const colWidth = width / perRow;
  const inner = colWidth - 16;

  for (let start = 0; start < n; start += perRow) {
    const group = signatories.slice(start, start + perRow);
    doc.font(FONT.regular).fontSize(10);
    const roleHeight = Math.max(
      ...group.map((s) => doc.heightOfString(toPdfSafeText(s.role), { width: inner })),
    );
    const blockHeight = roleHeight + SIG_SPACE + 30;
    ensureSpace(doc, blockHeight);
    const top = doc.y;
    // Centre a short last row under the full ones.
    const offset = ((perRow - group.length) * colWidth) / 2;
    group.forEach((s, i) => {
      const x = left + offset + i * colWidth + 8;
      doc.fillColor(INK).font(FONT.regular).fontSize(10);
      doc.text(toPdfSafeText(s.role), x, top, { width: inner, align: 'center' });
      const nameY = top + roleHeight + SIG_SPACE;
      const name = s.name.trim();
      doc.font(name ? FONT.bold : FONT.regular).fontSize(10);
      doc.text(name ? toPdfSafeText(name) : BLANK, x, nameY, {
        width: inner,
        align: 'center',
        underline: !!name,
      });
      if (s.nip !== undefined) {
        const nip = s.nip.trim() ? toPdfSafeText(s.nip) : BLANK_NIP;
        doc.font(FONT.regular).fontSize(9.5);
        doc.text(`NIP. ${nip}`, x, doc.y + 1, { width: inner, align: 'center' });
      }
    });
    doc.x = left;
    doc.y = top + blockHeight + 10;
  }
}

/**
 * Writes the running header (from page 2) and the footer on every buffered page: public URL,
 * generation time and "Halaman x dari y".
 */
export function drawPageFurniture(
  doc: PDFKit.PDFDocument,
  opts: { forumCode: string; publicUrl: string; generatedAt: Date; timeZone?: string },
): void {
  const range = doc.bufferedPageRange();
  const total = range.count;
  for (let i = range.start; i < range.start + total; i++) {
    doc.switchToPage(i);
    const { left, right, bottom } = doc.page.margins;
    const width = doc.page.width - left - right;
    const savedBottom = bottom;
    // Writing inside the bottom margin must not trigger pdfkit's automatic page break.
    doc.page.margins.bottom = 0;
    const pageNo = i - range.start + 1;

    if (pageNo > 1) {
      doc.font(FONT.regular).fontSize(7.5).fillColor(MUTED);
      const head = `Berita Acara Forum Konsultasi Publik - ${toPdfSafeText(opts.forumCode)}`;
      doc.text(head, left, 34, { width, align: 'right', lineBreak: false });
    }

    const lineY = doc.page.height - savedBottom + 22;
    doc.strokeColor('#999999').lineWidth(0.5);
    doc
      .moveTo(left, lineY)
      .lineTo(left + width, lineY)
      .stroke();
    const textY = lineY + 5;
    const url = toPdfSafeText(opts.publicUrl);
    doc.font(FONT.regular).fontSize(7.5).fillColor(MUTED);
    doc.text(url, left, textY, {
      width: width - 90,
      height: 9,
      ellipsis: true,
      link: opts.publicUrl,
      underline: false,
    });
    doc.text(`Dokumen dibuat ${tanggalJam(opts.generatedAt, opts.timeZone)}`, left, textY + 10, {
      width: width - 90,
      lineBreak: false,
    });
    doc.font(FONT.bold).fillColor(INK);
    doc.text(`Halaman ${pageNo} dari ${total}`, left + width - 90, textY, {
      width: 90,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = savedBottom;
  }
  doc.fillColor(INK);
}
