import { describe, expect, it } from 'vitest';
import { groundAnswer } from '../../src/ai';
import { cite, fig } from './findings';

const sources = [
  'Năm 2025, thu ngân sách trên địa bàn đạt 1.234 triệu đồng, tăng 12,5% so với cùng kỳ.',
  'Thực hiện Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ, tại Điều 9 quy định quyền của chủ thể dữ liệu.',
];
const sourceFindings = [
  [fig(sources[0]!, '1.234 triệu đồng', 1234e6, 'triệu đồng', 'money'), fig(sources[0]!, '12,5%', 12.5, '%', 'percentage')],
  [
    cite(sources[1]!, 'Nghị định số 13/2023/NĐ-CP', { system: 'state', typeName: 'Nghị định', symbol: '13/2023/NĐ-CP', number: '13', year: 2023 }),
    cite(sources[1]!, 'Điều 9', { system: 'none', articles: [{ article: '9' }] }, 'article-ref'),
  ],
];

describe('groundAnswer', () => {
  it('grounds figures by value (1,234 tỷ đồng = 1.234 triệu đồng) and citations by symbol and article', () => {
    const answer = 'Thu ngân sách đạt 1,234 tỷ đồng, tăng 12,5%; theo Điều 9 Nghị định 13/2023/NĐ-CP.';
    const answerFindings = [
      fig(answer, '1,234 tỷ đồng', 1.234e9, 'tỷ đồng', 'money'),
      fig(answer, '12,5%', 12.5, '%', 'percentage'),
      cite(answer, 'Điều 9 Nghị định 13/2023/NĐ-CP', { system: 'state', symbol: '13/2023/NĐ-CP', articles: [{ article: '9' }] }),
    ];
    const r = groundAnswer({ answer, sources, answerFindings, sourceFindings });
    expect(r).toMatchObject({ grounded: 3, partial: 0, ungrounded: 0 });
    expect(r.claims[0]!.match).toMatchObject({ sourceIndex: 0 });
    expect(sources[0]!.slice(r.claims[0]!.match!.start, r.claims[0]!.match!.end)).toBe('1.234 triệu đồng');
    expect(r.claims[0]!.match!.snippet).toContain('1.234 triệu đồng');
    expect(r.claims[2]!.match).toMatchObject({ sourceIndex: 1 });
  });

  it('flags invented figures, a different unit, and a wrong article', () => {
    const answer = 'Thu ngân sách đạt 1.500 triệu đồng, tăng 12,5 ha; theo Điều 15 Nghị định 13/2023/NĐ-CP và Luật 91/2025/QH15.';
    const answerFindings = [
      fig(answer, '1.500 triệu đồng', 1500e6, 'triệu đồng', 'money'),
      fig(answer, '12,5 ha', 12.5, 'ha'),
      cite(answer, 'Điều 15 Nghị định 13/2023/NĐ-CP', { system: 'state', symbol: '13/2023/NĐ-CP', articles: [{ article: '15' }] }),
      cite(answer, 'Luật 91/2025/QH15', { system: 'state', symbol: '91/2025/QH15' }),
    ];
    const r = groundAnswer({ answer, sources, answerFindings, sourceFindings });
    expect(r.claims.map((c) => c.status)).toEqual(['ungrounded', 'ungrounded', 'partial', 'ungrounded']);
    expect(r.claims[2]!.note?.vi).toContain('Điều 15');
  });

  it('falls back to the literal text when the sources were not scanned for that item', () => {
    const answer = 'Đạt 12,5%.';
    const r = groundAnswer({ answer, sources, answerFindings: [fig(answer, '12,5%', 12.5, '%')], sourceFindings: [[], []] });
    expect(r.claims[0]).toMatchObject({ status: 'grounded', match: { sourceIndex: 0 } });
  });

  it('uses a scan function for what was not given', () => {
    const answer = 'Tăng 12,5%.';
    let scanned = 0;
    const r = groundAnswer({
      answer,
      sources,
      scan: (text) => {
        scanned++;
        return { findings: text === answer ? [fig(answer, '12,5%', 12.5, '%')] : [] };
      },
    });
    expect(scanned).toBe(3);
    expect(r.grounded).toBe(1);
  });

  it('scans with the checks engine when no findings are given', () => {
    const answer =
      'Năm 2025 thu ngân sách đạt 1,234 tỷ đồng, tăng 12,5%, theo Điều 9 Nghị định số 13/2023/NĐ-CP; chi đầu tư 900 triệu đồng theo Điều 20 Nghị định số 13/2023/NĐ-CP.';
    const r = groundAnswer({ answer, sources });
    const byText = new Map(r.claims.map((c) => [c.finding.text, c.status]));
    expect(byText.get('1,234 tỷ đồng')).toBe('grounded');
    expect(byText.get('12,5%')).toBe('grounded');
    expect(byText.get('900 triệu đồng')).toBe('ungrounded');
    expect([...byText.entries()].find(([t]) => t.includes('Điều 9'))?.[1]).toBe('grounded');
    expect([...byText.entries()].find(([t]) => t.includes('Điều 20'))?.[1]).toBe('partial');
  });
});

describe('literal fallback', () => {
  it('does not find a number inside a longer one', () => {
    const answer = 'Có 12 xã.';
    const r = groundAnswer({ answer, sources: ['Năm 2012 có 120 hộ.'], answerFindings: [fig(answer, '12', 12)], sourceFindings: [[]] });
    expect(r.claims[0]!.status).toBe('ungrounded');
  });
});
