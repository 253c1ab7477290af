/**
 * A small RFC 4180 CSV reader and writer (no dependency).
 *
 * Reading: fields may be quoted; inside quotes, delimiters, CR/LF line breaks and doubled quotes
 * ("") are data. Records end with CRLF, LF or CR. A leading UTF-8 byte-order mark is dropped and a
 * final line break does not start an empty record. A quote inside an unquoted field is kept as is.
 * Writing: fields containing the delimiter, a quote, CR or LF are quoted; records end with CRLF.
 */

export interface CsvOptions {
  /** Field delimiter, one character (default ','). Spreadsheets in Indonesian locales often use ';'. */
  delimiter?: string;
}

export interface CsvWriteOptions extends CsvOptions {
  /** Record terminator (default '\r\n' as in RFC 4180). */
  lineEnding?: '\r\n' | '\n';
  /** Start the text with a UTF-8 byte-order mark so spreadsheet programs detect UTF-8 (default false). */
  bom?: boolean;
}

/** Malformed CSV text; `line` is the physical line (1-based), `record` the record number (1-based). */
export class CsvParseError extends Error {
  readonly line: number;
  readonly record: number;

  constructor(message: string, line: number, record: number) {
    super(message);
    this.name = 'CsvParseError';
    this.line = line;
    this.record = record;
  }
}

const BOM = '\uFEFF';

function checkDelimiter(delimiter: string): void {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n') {
    throw new TypeError(`Invalid CSV delimiter: ${JSON.stringify(delimiter)}`);
  }
}

/**
 * Parses CSV text into records (arrays of raw field strings; nothing is trimmed).
 * Throws CsvParseError for an unterminated quoted field or text after a closing quote.
 */
export function parseCsv(text: string, options: CsvOptions = {}): string[][] {
  const delimiter = options.delimiter ?? ',';
  checkDelimiter(delimiter);
  const n = text.length;
  let i = text.startsWith(BOM) ? 1 : 0;
  const records: string[][] = [];
  if (i >= n) return records;

  let record: string[] = [];
  let line = 1;
  for (;;) {
    let field: string;
    if (text[i] === '"') {
      const startLine = line;
      const parts: string[] = [];
      i++;
      let chunkStart = i;
      for (;;) {
        if (i >= n) {
          throw new CsvParseError(
            `tanda kutip yang dibuka di baris ${startLine} tidak pernah ditutup`,
            startLine,
            records.length + 1,
          );
        }
        const ch = text[i];
        if (ch === '"') {
          parts.push(text.slice(chunkStart, i));
          if (text[i + 1] === '"') {
            parts.push('"');
            i += 2;
            chunkStart = i;
            continue;
          }
          i++;
          break;
        }
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        i++;
      }
      field = parts.join('');
      if (i < n && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') {
        throw new CsvParseError(
          `karakter '${text[i]}' setelah tanda kutip penutup di baris ${line}; ` +
            'tanda kutip di dalam nilai harus ditulis ganda ("")',
          line,
          records.length + 1,
        );
      }
    } else {
      const start = i;
      while (i < n) {
        const ch = text[i];
        if (ch === delimiter || ch === '\r' || ch === '\n') break;
        i++;
      }
      field = text.slice(start, i);
    }

    record.push(field);
    if (i >= n) {
      records.push(record);
      break;
    }
    if (text[i] === delimiter) {
      i++;
      continue;
    }
    // Line break: CRLF, LF or CR.
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    line++;
    records.push(record);
    record = [];
    if (i >= n) break;
  }
  return records;
}

function quoteIfNeeded(field: string, delimiter: string): string {
  if (
    field.includes(delimiter) ||
    field.includes('"') ||
    field.includes('\n') ||
    field.includes('\r')
  ) {
    return `"${field.replaceAll('"', '""')}"`;
  }
  return field;
}

/**
 * Writes records as CSV text, each record followed by the line ending.
 * A record with no fields cannot be represented; it is written as one empty field.
 */
export function writeCsv(
  records: readonly (readonly string[])[],
  options: CsvWriteOptions = {},
): string {
  const delimiter = options.delimiter ?? ',';
  checkDelimiter(delimiter);
  const eol = options.lineEnding ?? '\r\n';
  let out = options.bom ? BOM : '';
  for (const record of records) {
    out += record.map((f) => quoteIfNeeded(f, delimiter)).join(delimiter) + eol;
  }
  return out;
}
