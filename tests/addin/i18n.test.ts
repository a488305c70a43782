import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi as vitest } from 'vitest';
import {
  DEFAULT_LANGUAGE,
  catalogs,
  createTranslator,
  getLanguage,
  onLanguageChange,
  parseLanguage,
  resolveLanguage,
  setLanguage,
  t,
  translate,
} from '../../src/i18n';
import type { Language } from '../../src/i18n';
import { en } from '../../src/i18n/en';
import { vi } from '../../src/i18n/vi';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

afterEach(() => setLanguage(DEFAULT_LANGUAGE));

describe('message catalogs', () => {
  it('en has exactly the keys of vi', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it('every message is non-empty and uses the same placeholders in both languages', () => {
    for (const key of Object.keys(vi) as Array<keyof typeof vi>) {
      expect(vi[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
    }
  });

  it('Vietnamese text is NFC and really carries its diacritics', () => {
    for (const [key, text] of Object.entries(vi)) expect(text, key).toBe(text.normalize('NFC'));
    for (const [key, text] of Object.entries(en)) expect(text, key).toBe(text.normalize('NFC'));
    expect(vi['document.emptyTitle']).toBe('Chưa phân tích tài liệu nào');
    expect(vi['environment.notInOffice']).toBe('Không chạy trong Office');
    // Most Vietnamese sentences have at least one letter outside ASCII; an ASCII-only catalog lost its marks.
    const sentences = Object.values(vi).filter((text) => text.split(' ').length >= 3);
    const withDiacritics = sentences.filter((text) => /[^\u0000-\u007f]/.test(text));
    expect(withDiacritics.length / sentences.length).toBeGreaterThan(0.9);
  });

  it('the source files themselves are stored NFC (what an editor saved is what ships)', () => {
    const dir = path.resolve(import.meta.dirname, '../../src/i18n');
    for (const file of readdirSync(dir)) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      expect(text, file).toBe(text.normalize('NFC'));
    }
  });
});

describe('layering', () => {
  it('src/i18n stays framework-free: no React, no DOM, no Office', () => {
    const dir = path.resolve(import.meta.dirname, '../../src/i18n');
    for (const file of readdirSync(dir)) {
      const source = readFileSync(path.join(dir, file), 'utf8');
      expect(source, file).not.toMatch(/from ['"](react|react-dom|@fluentui\/[^'"]*)['"]/);
      // Code only: drop comments and the messages themselves ("…the document.").
      const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '').replace(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, "''");
      expect(code, file).not.toMatch(/\b(Office|document|window|localStorage)\./);
    }
  });
});

describe('t / translate', () => {
  it('formats in the current language, Vietnamese by default', () => {
    expect(getLanguage()).toBe('vi');
    expect(t('app.name')).toBe('AI Provenance – Soạn thảo có kiểm chứng');
    setLanguage('en');
    expect(t('app.name')).toBe('AI Provenance – Verified drafting');
  });

  it('fills placeholders and returns NFC even when a param arrives decomposed', () => {
    const decomposed = 'Ha\u0300 No\u0323\u0302i'; // "Hà Nội" in NFD
    const text = translate('vi', 'environment.unsupportedHost', { host: decomposed });
    expect(text).toBe('Tiện ích này dành cho Word; Hà Nội chưa được hỗ trợ.');
    expect(text).toBe(text.normalize('NFC'));
    expect(createTranslator('en')('error.body', { detail: 42 })).toContain('Details: 42');
  });

  it('leaves a placeholder visible rather than inventing a value when a param is missing', () => {
    const text = translate('en', 'environment.unsupportedHost', {} as { host: string });
    expect(text).toContain('{host}');
  });

  it('type-checks keys and params', () => {
    // @ts-expect-error unknown key
    expect(() => t('no.such.key')).toThrow('Unknown message "no.such.key"');
    // @ts-expect-error a message with a placeholder needs its params
    t('environment.unsupportedHost');
    // @ts-expect-error a message without placeholders takes none
    t('app.name', { extra: 1 });
  });
});

describe('choosing the language', () => {
  it('parses language tags loosely', () => {
    expect(parseLanguage('vi-VN')).toBe('vi');
    expect(parseLanguage('EN_us')).toBe('en');
    expect(parseLanguage(' en ')).toBe('en');
    expect(parseLanguage('fr-FR')).toBeNull();
    expect(parseLanguage('')).toBeNull();
    expect(parseLanguage(null)).toBeNull();
  });

  it('explicit choice beats the Office display language', () => {
    expect(resolveLanguage({ explicit: 'vi', displayLanguage: 'en-US' })).toBe('vi');
    expect(resolveLanguage({ explicit: 'en', displayLanguage: 'vi-VN' })).toBe('en');
  });

  it('without a choice: English only when Office shows English, otherwise Vietnamese', () => {
    expect(resolveLanguage({ displayLanguage: 'en-US' })).toBe('en');
    expect(resolveLanguage({ displayLanguage: 'en-GB' })).toBe('en');
    expect(resolveLanguage({ displayLanguage: 'vi-VN' })).toBe('vi');
    expect(resolveLanguage({ displayLanguage: 'fr-FR' })).toBe('vi');
    expect(resolveLanguage({ explicit: 'klingon' })).toBe('vi');
    expect(resolveLanguage({})).toBe('vi');
  });

  it('notifies listeners on change only, and stops after unsubscribe', () => {
    const seen: Language[] = [];
    const stop = onLanguageChange((language) => seen.push(language));
    setLanguage('en');
    setLanguage('en');
    setLanguage('vi');
    stop();
    setLanguage('en');
    expect(seen).toEqual(['en', 'vi']);
  });

  it('rejects an unsupported language with a bilingual message', () => {
    const listener = vitest.fn();
    const stop = onLanguageChange(listener);
    expect(() => setLanguage('fr' as Language)).toThrow(/Ngôn ngữ không được hỗ trợ \/ Unsupported language: fr/);
    expect(listener).not.toHaveBeenCalled();
    expect(getLanguage()).toBe('vi');
    stop();
  });

  it('exposes both catalogs under their language codes', () => {
    expect(Object.keys(catalogs).sort()).toEqual(['en', 'vi']);
  });
});
