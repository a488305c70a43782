// Turns zod issues into one plain bilingual sentence that names the field, for people who edit
// org-settings.json by hand.
import type { z } from 'zod';
import type { Bilingual } from '../checks/types';
import { bilingual } from '../i18n';

const SECRET_KEY = /key|token|secret|password|passwd|credential/i;

export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(gốc / root)';
}

function vnType(t: string): string {
  const map: Record<string, string> = {
    string: 'chuỗi ký tự',
    number: 'số',
    boolean: 'true/false',
    object: 'đối tượng',
    array: 'danh sách',
  };
  return map[t] ?? t;
}

export function describeIssue(issue: z.core.$ZodIssue): Bilingual {
  const field = fieldPath(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return bilingual('policy.zod-messages.describeIssue.invalid_type', { field, expected: { vi: vnType(issue.expected), en: issue.expected }, missing: issue.input === undefined ? bilingual('policy.zod-messages.missing') : '' });
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return bilingual('policy.zod-messages.describeIssue.invalid_value', { field, values });
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.join(', ');
      if (issue.keys.some((k) => SECRET_KEY.test(k))) {
        return bilingual('policy.zod-messages.describeIssue.unrecognized_keys', { keys, field });
      }
      return bilingual('policy.zod-messages.describeIssue.unrecognized_keys2', { field, keys });
    }
    case 'invalid_format':
      return bilingual('policy.zod-messages.describeIssue.invalid_format', { field, format: issue.format === 'url' ? bilingual('policy.zod-messages.urlFormat') : issue.format });
    case 'too_small':
      return bilingual('policy.zod-messages.describeIssue.too_small', { field, minimum: String(issue.minimum) });
    case 'too_big':
      return bilingual('policy.zod-messages.describeIssue.too_big', { field, maximum: String(issue.maximum) });
    case 'custom': {
      const params = issue.params as Partial<Bilingual> | undefined;
      if (params?.vi && params.en) {
        return bilingual('policy.zod-messages.describeIssue.custom', { field, params: { vi: params.vi, en: params.en } });
      }
      return bilingual('policy.zod-messages.describeIssue.custom2', { field, message: issue.message });
    }
    default:
      return bilingual('policy.zod-messages.describeIssue', { field, message: issue.message });
  }
}

/** At most `max` issues, joined; the rest counted. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], max = 3): Bilingual {
  const shown = issues.slice(0, max).map(describeIssue);
  const more = issues.length - shown.length;
  return {
    vi: shown.map((s) => s.vi).join(' ') + (more > 0 ? ` (và ${more} lỗi khác)` : ''),
    en: shown.map((s) => s.en).join(' ') + (more > 0 ? ` (and ${more} more)` : ''),
  };
}
