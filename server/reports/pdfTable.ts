/**
 * A minimal bordered table for pdfkit with wrapped cells, page breaks inside long rows and the
 * header row repeated on every page the table continues on.
 */

export const FONT = {
  regular: 'Helvetica',
  bold: 'Helvetica-Bold',
  italic: 'Helvetica-Oblique',
} as const;

export type FontStyle = keyof typeof FONT;

/** One paragraph inside a cell. */
export interface CellBlock {
  text: string;
  style?: FontStyle;
  size?: number;
  color?: string;
}

export type Cell = string | CellBlock[];

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'center' | 'right';
}

interface Block {
  text: string;
  style: FontStyle;
  size: number;
  color: string;
}

type Row = Block[][];

const PAD_X = 4;
const PAD_Y = 3.5;
const BLOCK_GAP = 2;
const LINE_GAP = 1;
const BODY_SIZE = 8.5;
const TEXT_COLOR = '#111111';
const BORDER_COLOR = '#555555';
const HEADER_FILL = '#e4e7ec';
/** Do not start a split row in less space than this; take a new page instead. */
const MIN_SPLIT_SPACE = 40;
/** A tall row is split (instead of moved to the next page) when at least this much is left. */
const PREFER_SPLIT_SPACE = 120;

function normalize(cell: Cell): Block[] {
  const blocks: CellBlock[] = typeof cell === 'string' ? [{ text: cell }] : cell;
  return blocks
    .filter((b) => b.text.length > 0)
    .map((b) => ({
      text: b.text,
      style: b.style ?? 'regular',
      size: b.size ?? BODY_SIZE,
      color: b.color ?? TEXT_COLOR,
    }));
}

function setFont(doc: PDFKit.PDFDocument, block: Block): void {
  doc.font(FONT[block.style]).fontSize(block.size);
}

function blockHeight(doc: PDFKit.PDFDocument, block: Block, width: number): number {
  setFont(doc, block);
  return doc.heightOfString(block.text, { width, lineGap: LINE_GAP });
}

function cellHeight(doc: PDFKit.PDFDocument, blocks: Block[], width: number): number {
  if (blocks.length === 0) return 0;
  const inner = blocks.reduce((sum, b) => sum + blockHeight(doc, b, width), 0);
  return inner + BLOCK_GAP * (blocks.length - 1);
}

function rowHeight(doc: PDFKit.PDFDocument, row: Row, columns: Column[]): number {
  let max = 0;
  row.forEach((blocks, i) => {
    const width = (columns[i]?.width ?? 0) - 2 * PAD_X;
    max = Math.max(max, cellHeight(doc, blocks, width));
  });
  return max + 2 * PAD_Y;
}

/** Longest prefix of `parts` (joined by `sep`) whose height fits in `space`. */
function fitCount(
  doc: PDFKit.PDFDocument,
  block: Block,
  parts: string[],
  sep: string,
  width: number,
  space: number,
): number {
  let lo = 0;
  let hi = parts.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const h = blockHeight(doc, { ...block, text: parts.slice(0, mid).join(sep) }, width);
    if (h <= space) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Splits one block so that the first part fits in `space` points, at a word boundary; with
 * `force`, a single over-long word may be cut between characters.
 */
function splitBlock(
  doc: PDFKit.PDFDocument,
  block: Block,
  width: number,
  space: number,
  force: boolean,
): [Block | null, Block] {
  const words = block.text.split(' ');
  const n = fitCount(doc, block, words, ' ', width, space);
  if (n > 0) {
    return [
      { ...block, text: words.slice(0, n).join(' ') },
      { ...block, text: words.slice(n).join(' ') },
    ];
  }
  if (!force) return [null, block];
  const chars = [...block.text];
  const c = fitCount(doc, block, chars, '', width, space);
  if (c === 0) return [null, block];
  return [
    { ...block, text: chars.slice(0, c).join('') },
    { ...block, text: chars.slice(c).join('') },
  ];
}

function splitCell(
  doc: PDFKit.PDFDocument,
  blocks: Block[],
  width: number,
  space: number,
  force: boolean,
): [Block[], Block[]] {
  const head: Block[] = [];
  let used = 0;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const gap = head.length > 0 ? BLOCK_GAP : 0;
    const h = blockHeight(doc, block, width);
    if (used + gap + h <= space) {
      head.push(block);
      used += gap + h;
      continue;
    }
    const [first, rest] = splitBlock(doc, block, width, space - used - gap, force && !head.length);
    if (first) head.push(first);
    return [head, [rest, ...blocks.slice(i + 1)]];
  }
  return [head, []];
}

function splitRow(
  doc: PDFKit.PDFDocument,
  row: Row,
  columns: Column[],
  space: number,
  force: boolean,
) {
  const head: Row = [];
  const tail: Row = [];
  row.forEach((blocks, i) => {
    const width = (columns[i]?.width ?? 0) - 2 * PAD_X;
    const [h, t] = splitCell(doc, blocks, width, space - 2 * PAD_Y, force);
    head.push(h);
    tail.push(t);
  });
  return { head, tail };
}

function drawRow(
  doc: PDFKit.PDFDocument,
  row: Row,
  columns: Column[],
  x: number,
  y: number,
  height: number,
  fill?: string,
): void {
  let cx = x;
  row.forEach((blocks, i) => {
    const col = columns[i];
    if (!col) return;
    if (fill) doc.rect(cx, y, col.width, height).fill(fill);
    doc.lineWidth(0.5).strokeColor(BORDER_COLOR).rect(cx, y, col.width, height).stroke();
    let by = y + PAD_Y;
    const width = col.width - 2 * PAD_X;
    for (const block of blocks) {
      const h = blockHeight(doc, block, width);
      doc.fillColor(block.color).text(block.text, cx + PAD_X, by, {
        width,
        height: h + 1,
        lineGap: LINE_GAP,
        align: col.align ?? 'left',
      });
      by += h + BLOCK_GAP;
    }
    cx += col.width;
  });
  doc.fillColor(TEXT_COLOR);
}

export interface TableOptions {
  x: number;
  y: number;
}

/**
 * Draws the table starting at (x, y) and returns the y below it. Adds pages as needed using the
 * document's margins; never relies on pdfkit's automatic text flow.
 */
export function drawTable(
  doc: PDFKit.PDFDocument,
  columns: Column[],
  cells: Cell[][],
  opts: TableOptions,
): number {
  const headerRow: Row = columns.map((c) => [
    { text: c.header, style: 'bold', size: BODY_SIZE, color: TEXT_COLOR },
  ]);
  const headerColumns = columns.map((c) => ({ ...c, align: 'center' as const }));
  const headerHeight = rowHeight(doc, headerRow, columns);
  const bottom = (): number => doc.page.height - doc.page.margins.bottom;
  const top = (): number => doc.page.margins.top;
  let y = opts.y;

  const header = (): void => {
    drawRow(doc, headerRow, headerColumns, opts.x, y, headerHeight, HEADER_FILL);
    y += headerHeight;
  };
  const newPage = (): void => {
    doc.addPage();
    y = top();
    header();
  };

  const rows: Row[] = cells.map((r) => r.map(normalize));
  const firstHeight = rows[0] ? rowHeight(doc, rows[0], columns) : 0;
  if (y + headerHeight + Math.min(firstHeight, MIN_SPLIT_SPACE) > bottom()) {
    doc.addPage();
    y = top();
  }
  header();

  for (const original of rows) {
    let row = original;
    for (;;) {
      const h = rowHeight(doc, row, columns);
      if (y + h <= bottom()) {
        drawRow(doc, row, columns, opts.x, y, h);
        y += h;
        break;
      }
      const freshSpace = bottom() - top() - headerHeight;
      const onFreshPage = y === top() + headerHeight;
      const remaining = bottom() - y;
      // Tall rows are split rather than moved when that would leave a large empty area.
      const split = h > freshSpace || (h > freshSpace / 3 && remaining >= PREFER_SPLIT_SPACE);
      if (!onFreshPage && (!split || remaining < MIN_SPLIT_SPACE)) {
        newPage();
        continue;
      }
      const { head, tail } = splitRow(doc, row, columns, bottom() - y, onFreshPage);
      if (head.every((b) => b.length === 0)) {
        if (onFreshPage) {
          // Nothing can be placed even on an empty page: draw as is rather than loop forever.
          drawRow(doc, row, columns, opts.x, y, h);
          y += h;
          break;
        }
        newPage();
        continue;
      }
      if (tail.every((b) => b.length === 0)) {
        // Measurement rounding: the row fits after all.
        drawRow(doc, head, columns, opts.x, y, h);
        y += h;
        break;
      }
      drawRow(doc, head, columns, opts.x, y, bottom() - y);
      newPage();
      row = tail;
    }
  }
  return y;
}
