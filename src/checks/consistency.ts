// Internal consistency of one citation: type word vs code, symbol year vs date, legislature term vs
// year, issuer named vs issuer code. These check form only; whether the document exists needs a
// document database (not available here).

import type { ScanContext } from './context';
import type { CitationData } from './types';
import { ISSUERS, LEGISLATURE_TERMS, TYPE_CODES } from './tables';
import { bilingual } from '../i18n';

const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII'];

function allowedCodes(c: CitationData): readonly string[] | undefined {
  const word = c.typeName;
  if (!word) return undefined;
  if (c.system === 'party' && word === 'Thông tư') return []; // TT in a Party symbol is Thông tri
  if (c.system === 'state' && word === 'Thông tri') return []; // Thông tri is a Party type only
  if (c.system === 'state' && word === 'Quy định') return ['QyĐ'];
  if (c.system === 'state' && word === 'Công văn') return undefined; // no code; CV reported separately
  return TYPE_CODES[word];
}

/** Pure lookups repeated for every citation of a long text (the same few issuers): remembered. */
function memo(f: (key: string) => string | undefined): (key: string) => string | undefined {
  const seen = new Map<string, string | undefined>();
  return (key) => {
    if (seen.has(key)) return seen.get(key);
    if (seen.size >= 4096) seen.clear();
    const v = f(key);
    seen.set(key, v);
    return v;
  };
}

const issuerClassOfCode = memo((code) => {
  const bare = code.replace(/\d+$/u, '');
  return ISSUERS.find((i) => i.codes.includes(bare))?.id;
});

const issuerClassOfName = memo((name) => ISSUERS.find((i) => i.name.test(name))?.id);

export function checkCitation(ctx: ScanContext, c: CitationData, start: number, end: number, dateSpan?: [number, number], malformed = false): void {
  const where = `«${ctx.text.slice(start, end)}»`;
  // 1. Type word vs type code.
  const allowed = allowedCodes(c);
  const glued = allowed && c.typeCode ? allowed.find((a) => a.length >= 2 && c.typeCode!.startsWith(a) && /^\p{Lu}{2}/u.test(c.typeCode!.slice(a.length))) : undefined;
  if (glued && c.typeCode) {
    // "37/2025/TTBNNMT": the type code and the issuer lost their hyphen — a format slip, not another type.
    const fixed = `${glued}-${c.typeCode.slice(glued.length)}`;
    ctx.diagnose('warning', 'malformed-symbol', start, end, bilingual('checks.consistency.checkCitation.malformed-symbol', { where, typeCode: c.typeCode, fixed }));
  } else if (allowed && c.typeCode && !allowed.includes(c.typeCode)) {
    ctx.diagnose('error', 'type-code-mismatch', start, end, bilingual('checks.consistency.checkCitation.type-code-mismatch', { typeName: String(c.typeName), typeCode: c.typeCode, where }));
  }
  // 2. Symbol year vs issuance date.
  if (c.year !== undefined && c.date && Number(c.date.slice(0, 4)) !== c.year) {
    const [ds, de] = dateSpan ?? [start, end];
    ctx.diagnose('error', 'year-mismatch', ds, de, bilingual('checks.consistency.checkCitation.year-mismatch', { year: c.year, date: c.date.slice(0, 4), where }));
  }
  // 3. Legislature term vs year (boundary years belong to both terms).
  if (c.legislatureTerm !== undefined && c.year !== undefined) {
    const range = LEGISLATURE_TERMS[c.legislatureTerm];
    if (range && (c.year < range[0] || c.year > range[1])) {
      const roman = ROMAN[c.legislatureTerm] ?? String(c.legislatureTerm);
      ctx.diagnose('error', 'term-mismatch', start, end, bilingual('checks.consistency.checkCitation.term-mismatch', { roman, range: range[0], range2: range[1], year: c.year, where }));
    }
  }
  // 4. Issuer named vs issuer code, only when both are recognised.
  if (c.issuerName && c.issuerCode && !c.issuerCode.includes('-')) {
    const byCode = issuerClassOfCode(c.issuerCode);
    const byName = byCode ? issuerClassOfName(c.issuerName) : undefined;
    if (byCode && byName && byCode !== byName) {
      ctx.diagnose('warning', 'issuer-mismatch', start, end, bilingual('checks.consistency.checkCitation.issuer-mismatch', { issuerName: c.issuerName, issuerCode: c.issuerCode, where }));
    }
  }
  // 5. Provincial normative decision with a year: legitimate, worth a note.
  if (!malformed && c.system === 'state' && c.year !== undefined && c.typeCode === 'QĐ' && /^(UBND|HĐND)$/u.test(c.issuerCode ?? '')) {
    ctx.diagnose('info', 'provincial-normative-qd', start, end, bilingual('checks.consistency.checkCitation.provincial-normative-qd', { where }));
  }
  // 6. CV is not a state type code (NĐ 30/2020 Phụ lục III: công văn has no code).
  if (c.system === 'state' && c.typeCode === 'CV') {
    ctx.diagnose('info', 'cv-not-state-code', start, end, bilingual('checks.consistency.checkCitation.cv-not-state-code', { where }));
  }
  // 7. Codes written without Đ (ND, QD) are usually typing slips.
  if (c.typeCode === 'ND' || c.typeCode === 'QD') {
    ctx.diagnose('warning', 'code-missing-diacritic', start, end, bilingual('checks.consistency.checkCitation.code-missing-diacritic', { typeCode: c.typeCode, typeCode2: c.typeCode.replace('D', 'Đ'), where }));
  }
}
