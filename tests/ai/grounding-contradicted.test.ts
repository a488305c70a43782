// issue 10 — evidence: a figure the sources speak of with another value is "contradicted", not merely
// "not found"; the match points at the source's value. Different things with different values are not.
import { describe, expect, it } from 'vitest';
import { groundAnswer, groundClaimIn } from '../../src/ai/grounding';

describe('contradicted figures (issue 10)', () => {
  it('names the value the source gives where it speaks of the same thing', () => {
    const source = 'Năm 2025, tỷ lệ hồ sơ trực tuyến đạt 80,0% kế hoạch.';
    const result = groundAnswer({ answer: 'Tỷ lệ hồ sơ trực tuyến đạt 87,5% kế hoạch.', sources: [source] });
    expect(result.contradicted).toBe(1);
    const claim = result.claims[0]!;
    expect(claim).toMatchObject({ status: 'contradicted', sourceValue: '80,0%' });
    expect(source.slice(claim.match!.start, claim.match!.end)).toBe('80,0%');
  });

  it('another figure elsewhere in the source is not a contradiction', () => {
    const result = groundAnswer({ answer: 'Tỷ lệ hồ sơ trực tuyến đạt 87,5% kế hoạch.', sources: ['Dân số tăng 1,2% so với năm trước.'] });
    expect(result.claims[0]!.status).toBe('ungrounded');
  });

  it('groundClaimIn grounds one claim of a passage against one text', () => {
    const passage = 'Toàn tỉnh cung cấp 1.234 dịch vụ công, đạt 87,5% kế hoạch.';
    const start = passage.indexOf('87,5%');
    expect(groundClaimIn(passage, { start, end: start + 5 }, 'Kết quả: đạt 87,5% kế hoạch năm.')!.status).toBe('grounded');
    expect(groundClaimIn(passage, { start: 0, end: 4 }, 'x')).toBeUndefined();
  });
});
