// Dates outside citations, reported as figures (a date in an AI passage is a fact to verify).
// Forms: "ngày 28 tháng 02 năm 2023", "17/4/2023", "01-10-1997", "ngày06/5/2005", "tháng 6 năm 2025".
// A year alone ("năm 2025") is not reported: it is the setting of a text, rarely a claim.

import { guarded } from '../guarded';
import { ScanContext, isoDate, type Recogniser } from '../context';
import { bilingual } from '../../i18n';

const LONG_RE = guarded(/(?<!\p{L})(?:[Nn]gày[ \t]*)?(\d{1,2})[ \t]+tháng[ \t]+(\d{1,2})[ \t]*(?:năm[ \t]+|\/[ \t]*)(\d{4})(?!\d)/gu);
const SHORT_RE = guarded(/(?<![\d/.,-])(?:(?<!\p{L})[Nn]gày[ \t]*)?(\d{1,2})[ \t]*([/.-])[ \t]*(\d{1,2})[ \t]*\2[ \t]*((?:19|20)\d{2})(?![\d/]|[.,]\d)/gu);
const MONTH_YEAR_RE = guarded(/(?<!\p{L})[Tt]háng[ \t]+(\d{1,2})[ \t]*(?:năm[ \t]+|\/[ \t]*)((?:19|20)\d{2})(?!\d)/gu);
/** The place-and-date line of a document: "Cao Bằng, ngày 05 tháng 12 năm 2025". */
const PLACE_BEFORE_RE = /^[ \t]*\p{Lu}[\p{L} .]{1,40},[ \t]*$/u;

function emitDate(ctx: ScanContext, start: number, end: number, day: number | undefined, month: number, year: number, raw: { d?: string; m: string }): void {
  let value: string;
  let valid = true;
  if (day === undefined) {
    valid = month >= 1 && month <= 12;
    value = `${year}-${String(month).padStart(2, '0')}`;
  } else {
    const iso = isoDate(day, month, year);
    valid = iso !== null;
    value = iso ?? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  ctx.emit({
    kind: 'figure',
    subtype: 'date',
    start,
    end,
    value,
    confidence: valid ? 0.9 : 0.5,
    recogniser: 'dates',
    unit: 'date',
    explanation: bilingual('checks.recognisers.dates.emitDate.explanation'),
  });
  if (!valid) {
    ctx.diagnose('error', 'invalid-date', start, end, bilingual('checks.recognisers.dates.emitDate.invalid-date', { text: ctx.text.slice(start, end) }));
    return;
  }
  // NĐ 30/2020 Phụ lục I: on the issuance line, day < 10 and months 1–2 take a leading zero.
  if (day !== undefined && raw.d !== undefined) {
    let ls = start;
    while (ls > 0 && ctx.text[ls - 1] !== '\n' && ctx.text[ls - 1] !== '\t' && start - ls < 60) ls--;
    if (PLACE_BEFORE_RE.test(ctx.text.slice(ls, start)) && ((day < 10 && raw.d.length < 2) || (month <= 2 && raw.m.length < 2))) {
      ctx.diagnose('info', 'date-padding', start, end, bilingual('checks.recognisers.dates.emitDate.date-padding'));
    }
  }
}

export const datesRecogniser: Recogniser = {
  id: 'dates',
  kind: 'figure',
  subtypes: ['date'],
  description: bilingual('checks.recognisers.dates.datesRecogniser.dates.description'),
  run(ctx) {
    const text = ctx.text;
    LONG_RE.lastIndex = 0;
    for (let m = LONG_RE.exec(text); m; m = LONG_RE.exec(text)) {
      const end = m.index + m[0].length;
      if (!ctx.isFree(m.index, end)) continue;
      emitDate(ctx, m.index, end, Number(m[1]), Number(m[2]), Number(m[3]), { d: m[1] as string, m: m[2] as string });
    }
    SHORT_RE.lastIndex = 0;
    for (let m = SHORT_RE.exec(text); m; m = SHORT_RE.exec(text)) {
      const end = m.index + m[0].length;
      if (!ctx.isFree(m.index, end)) continue;
      emitDate(ctx, m.index, end, Number(m[1]), Number(m[3]), Number(m[4]), { d: m[1] as string, m: m[3] as string });
    }
    MONTH_YEAR_RE.lastIndex = 0;
    for (let m = MONTH_YEAR_RE.exec(text); m; m = MONTH_YEAR_RE.exec(text)) {
      const end = m.index + m[0].length;
      if (!ctx.isFree(m.index, end)) continue;
      emitDate(ctx, m.index, end, undefined, Number(m[1]), Number(m[2]), { m: m[1] as string });
    }
  },
};
