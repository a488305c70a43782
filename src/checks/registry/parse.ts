// Reading registry files from their text (the CLI reads the bytes; this stays pure). JSONL rows use
// the field names of registryEntrySchema; CSV is what Excel exports: a BOM, `;` or `,` separators,
// Vietnamese headers ("Số ký hiệu; Ngày ban hành; Cơ quan ban hành; Trích yếu; Tình trạng hiệu lực"),
// dates dd/mm/yyyy. Every bad row is reported with its 1-based line number; good rows still load.
import { registryCoverageSchema, registryEntrySchema, type RegistryEntry, type RegistryRowError, type RegistryStatus } from './types';
import type { RegistryCoverage } from './lookup';

export interface ParsedRegistry {
  entries: RegistryEntry[];
  errors: RegistryRowError[];
  /** JSONL lines `{"coverage": {...}}`: where the file claims to list every document (see docs/registry.md). */
  coverage?: RegistryCoverage[];
}

function zodMessage(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues.map((i) => `${i.path.map(String).join('.') || 'row'}: ${i.message}`).join('; ');
}

export function parseRegistryJsonl(text: string): ParsedRegistry {
  const entries: RegistryEntry[] = [];
  const errors: RegistryRowError[] = [];
  const coverage: RegistryCoverage[] = [];
  const lines = text.replace(/^\uFEFF/u, '').split(/\r?\n/u);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      errors.push({ line: i + 1, message: 'JSON' });
      return;
    }
    if (value !== null && typeof value === 'object' && 'coverage' in value) {
      // A coverage claim: a "not found" there becomes an error instead of information.
      const claim = registryCoverageSchema.safeParse((value as { coverage: unknown }).coverage);
      if (claim.success) coverage.push(claim.data);
      else errors.push({ line: i + 1, message: zodMessage(claim.error) });
      return;
    }
    const parsed = registryEntrySchema.safeParse(value);
    if (parsed.success) entries.push(normaliseEntry(parsed.data));
    else errors.push({ line: i + 1, message: zodMessage(parsed.error) });
  });
  return { entries, errors, ...(coverage.length ? { coverage } : {}) };
}

function normaliseEntry(e: RegistryEntry): RegistryEntry {
  return { ...e, symbol: e.symbol.normalize('NFC').trim(), type: e.type.normalize('NFC'), issuer: e.issuer?.normalize('NFC') ?? null, title: e.title?.normalize('NFC') ?? null };
}

/** Split CSV text into records of fields (quotes with "" escapes; newlines inside quotes kept). */
function csvRecords(text: string, separator: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else { if (c === '\n') line++; field += c; }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) { fields.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = []; field = '';
      line++; recordLine = line;
    } else field += c;
  }
  if (field !== '' || fields.length > 0) { fields.push(field); records.push({ line: recordLine, fields }); }
  return records.filter((r) => r.fields.some((f) => f.trim() !== ''));
}

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/gu, ' ').trim();

/** Header words (Vietnamese or the JSONL field names) → field. */
const HEADERS: Record<string, keyof RegistryEntry> = {
  'số ký hiệu': 'symbol', 'số hiệu': 'symbol', 'ký hiệu': 'symbol', symbol: 'symbol',
  'loại văn bản': 'type', 'loại': 'type', type: 'type',
  'cơ quan ban hành': 'issuer', 'cơ quan': 'issuer', issuer: 'issuer',
  'ngày ban hành': 'issued', issued: 'issued',
  'ngày có hiệu lực': 'effective', 'ngày hiệu lực': 'effective', effective: 'effective',
  'trích yếu': 'title', 'tên văn bản': 'title', title: 'title',
  'tình trạng hiệu lực': 'status', 'tình trạng': 'status', 'hiệu lực': 'status', status: 'status',
  'văn bản thay thế': 'replaced_by', 'thay thế bởi': 'replaced_by', replaced_by: 'replaced_by',
  'nguồn': 'source', source: 'source',
};

const STATUS_WORDS: [RegExp, RegistryStatus][] = [
  [/^(hết hiệu lực một phần|hết hiệu lực 1 phần|partly-expired)$/u, 'partly-expired'],
  [/^(hết hiệu lực( toàn bộ)?|expired)$/u, 'expired'],
  [/^(chưa có hiệu lực|chưa có hiệu lực thi hành|not-yet-in-force)$/u, 'not-yet-in-force'],
  [/^(còn hiệu lực|đang có hiệu lực|có hiệu lực|in-force)$/u, 'in-force'],
  [/^(không xác định|chưa xác định|unknown|)$/u, 'unknown'],
];

const TYPE_OF_CODE: Record<string, string> = {
  'NĐ': 'Nghị định', 'QĐ': 'Quyết định', 'TT': 'Thông tư', 'TTLT': 'Thông tư liên tịch', 'NQ': 'Nghị quyết',
  'CT': 'Chỉ thị', 'PL': 'Pháp lệnh', 'KL': 'Kết luận', 'TB': 'Thông báo', 'KH': 'Kế hoạch', 'GP': 'Giấy phép',
};

/** dd/mm/yyyy (or d/m/yyyy, or ISO) → yyyy-mm-dd; anything else is returned unchanged for zod to refuse. */
function isoOf(value: string): string {
  const v = value.trim();
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u.exec(v);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : v;
}

function typeFromSymbol(symbol: string): string | undefined {
  const codes = symbol.replace(/^[^/]*\/(\d{4}\/)?/u, '');
  const first = codes.split('-')[0] ?? '';
  if (/^QH\d+$/u.test(codes)) return undefined; // Luật or Nghị quyết: the row must say
  return TYPE_OF_CODE[first.toUpperCase()];
}

export function parseRegistryCsv(text: string): ParsedRegistry {
  const body = text.replace(/^\uFEFF/u, '');
  const firstLine = body.split(/\r?\n/u, 1)[0] ?? '';
  const separator = (firstLine.match(/;/gu)?.length ?? 0) >= (firstLine.match(/,/gu)?.length ?? 0) ? ';' : ',';
  const records = csvRecords(body, separator);
  const errors: RegistryRowError[] = [];
  const entries: RegistryEntry[] = [];
  const header = records.shift();
  if (!header) return { entries, errors: [{ line: 1, message: 'empty file' }] };
  const columns = header.fields.map((h) => HEADERS[fold(h).replace(/[:*]$/u, '')]);
  if (!columns.includes('symbol') || !columns.includes('issued')) {
    return { entries, errors: [{ line: header.line, message: 'header: needs "Số ký hiệu" and "Ngày ban hành"' }] };
  }
  for (const record of records) {
    const row: Record<string, unknown> = {};
    record.fields.forEach((raw, i) => {
      const field = columns[i];
      if (!field) return;
      const v = raw.normalize('NFC').trim();
      if (field === 'issued' || field === 'effective') row[field] = v ? isoOf(v) : field === 'effective' ? null : v;
      else if (field === 'status') {
        const hit = STATUS_WORDS.find(([re]) => re.test(fold(v)));
        row[field] = hit ? hit[1] : v;
      } else if (field === 'replaced_by') row[field] = v ? v.split(/[;,]\s*/u).filter(Boolean) : [];
      else row[field] = v === '' ? null : v;
    });
    if (typeof row.symbol === 'string') row.symbol = row.symbol.replace(/\s+/gu, '');
    if (row.type === undefined || row.type === null) row.type = typeof row.symbol === 'string' ? typeFromSymbol(row.symbol) : undefined;
    if (row.status === undefined) row.status = 'unknown';
    if (row.issuer === undefined) row.issuer = null;
    const parsed = registryEntrySchema.safeParse(row);
    if (parsed.success) entries.push(normaliseEntry(parsed.data));
    else errors.push({ line: record.line, message: zodMessage(parsed.error) });
  }
  return { entries, errors };
}

/** By file name: `.csv` → CSV, anything else JSONL. */
export function parseRegistryFile(name: string, text: string): ParsedRegistry {
  return /\.csv$/iu.test(name) ? parseRegistryCsv(text) : parseRegistryJsonl(text);
}
