// Issue 13: Vietnamese output names things in words, never by code: finding kinds in `aiprov scan`
// ("[văn bản hành chính]", not "[state-administrative]") and rule profiles in the HTML report
// ("Nghiêm ngặt nhất (strict)"), from the i18n catalogs.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recognisers } from '../../src/checks';
import { catalogs, findingSubtypeLabel, profileLabel } from '../../src/i18n';
import { BUILT_IN_PROFILE_IDS } from '../../src/policy';
import { foldRecord, reportHtml } from '../../src/provenance';
import { realisticRecord } from '../provenance/fixtures';
import { aiprov, tempDir } from '../cli/run';

describe('codes in words', () => {
  it('every subtype a recogniser can report has a label in both languages, and every built-in profile a name', () => {
    for (const subtype of new Set(recognisers.flatMap((r) => r.subtypes))) {
      for (const lang of ['vi', 'en'] as const) {
        expect(Object.hasOwn(catalogs[lang], `findingSubtype.${subtype}`) || Object.hasOwn(catalogs[lang], `personalKind.${subtype}`), `${lang} ${subtype}`).toBe(true);
      }
      expect(findingSubtypeLabel('vi', subtype), subtype).not.toBe(subtype);
    }
    for (const id of BUILT_IN_PROFILE_IDS) {
      expect(Object.hasOwn(catalogs.vi, `profile.${id}`)).toBe(true);
      expect(Object.hasOwn(catalogs.en, `profile.${id}`)).toBe(true);
    }
    expect(profileLabel('vi', 'strict')).toBe('Nghiêm ngặt nhất (strict)');
    expect(profileLabel('en', 'strict')).toBe('Strictest (strict)');
    expect(profileLabel('vi', 'so-xyz', { vi: 'Quy định Sở XYZ', en: 'XYZ rules' })).toBe('Quy định Sở XYZ (so-xyz)');
  });

  it('aiprov scan prints kinds in words: Vietnamese by default, English with --lang en', async () => {
    const dir = tempDir();
    const file = join(dir, 'cv.txt');
    writeFileSync(file, 'Thực hiện Quyết định số 2081/QĐ-UBND ngày 05/12/2025 của Ủy ban nhân dân tỉnh, tỷ lệ đạt 87,5%.\n');
    const vi = await aiprov('scan', file);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain('[văn bản hành chính]');
    expect(vi.stdout).toContain('[tỷ lệ phần trăm]');
    expect(vi.stdout).not.toMatch(/\[(state-administrative|percentage)\]/u);
    const en = await aiprov('scan', file, '--lang', 'en');
    expect(en.stdout).toContain('[administrative document]');
  });

  it('the HTML report names the profile in words with its id', async () => {
    const record = await realisticRecord({ passages: 1 });
    const state = foldRecord(record);
    const vi = await reportHtml(record, state, 'vi');
    expect(vi).toContain('Nghiêm ngặt nhất (strict)');
    const en = await reportHtml(record, state, 'en');
    expect(en).toContain('Strictest (strict)');
  });
});
