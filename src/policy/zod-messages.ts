// Turns zod issues into one plain bilingual sentence that names the field, for people who edit
// org-settings.json by hand.
import type { z } from 'zod';
import type { Bilingual } from '../checks/types';

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
      return {
        vi: `Trường «${field}» sai kiểu: cần ${vnType(issue.expected)}${issue.input === undefined ? ' (đang thiếu)' : ''}.`,
        en: `Field “${field}” has the wrong type: expected ${issue.expected}${issue.input === undefined ? ' (missing)' : ''}.`,
      };
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return {
        vi: `Trường «${field}» có giá trị không được chấp nhận; chọn một trong: ${values}.`,
        en: `Field “${field}” has a value that is not accepted; use one of: ${values}.`,
      };
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.join(', ');
      if (issue.keys.some((k) => SECRET_KEY.test(k))) {
        return {
          vi: `Trường «${keys}» tại «${field}» không được phép: khóa API, mật khẩu không được ghi trong tệp cấu hình; mỗi người nhập khóa trên máy của mình (QC-PB Điều 17, khoản 2).`,
          en: `Field “${keys}” at “${field}” is not allowed: API keys and passwords must not be written in the settings file; each user enters theirs on their own machine (QC-PB Article 17(2)).`,
        };
      }
      return {
        vi: `Trường không được hỗ trợ tại «${field}»: ${keys}.`,
        en: `Unsupported field(s) at “${field}”: ${keys}.`,
      };
    }
    case 'invalid_format':
      return {
        vi: `Trường «${field}» sai định dạng (${issue.format === 'url' ? 'cần địa chỉ http:// hoặc https://' : issue.format}).`,
        en: `Field “${field}” is badly formatted (${issue.format === 'url' ? 'expected an http:// or https:// address' : issue.format}).`,
      };
    case 'too_small':
      return {
        vi: `Trường «${field}» quá ngắn hoặc quá nhỏ (tối thiểu ${String(issue.minimum)}).`,
        en: `Field “${field}” is too short or too small (minimum ${String(issue.minimum)}).`,
      };
    case 'too_big':
      return {
        vi: `Trường «${field}» quá dài hoặc quá lớn (tối đa ${String(issue.maximum)}).`,
        en: `Field “${field}” is too long or too large (maximum ${String(issue.maximum)}).`,
      };
    case 'custom': {
      const params = issue.params as Partial<Bilingual> | undefined;
      if (params?.vi && params.en) {
        return { vi: `Trường «${field}»: ${params.vi}.`, en: `Field “${field}”: ${params.en}.` };
      }
      return { vi: `Trường «${field}» không hợp lệ: ${issue.message}.`, en: `Field “${field}” is invalid: ${issue.message}.` };
    }
    default:
      return { vi: `Trường «${field}» không hợp lệ: ${issue.message}.`, en: `Field “${field}” is invalid: ${issue.message}.` };
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
