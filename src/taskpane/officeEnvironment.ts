/**
 * What the pane knows about where it runs. This is the pane's bootstrap view of Office (host,
 * platform, display language, theme); everything that touches the document lives in src/host/word.
 *
 * The page must also work in a plain browser where office.js is absent (`typeof Office ===
 * 'undefined'`) or present but not inside an Office host (onReady reports host null).
 */

export type OfficeEnvironment =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'standalone' }
  | {
      readonly kind: 'office';
      /** Office.HostType value, e.g. "Word". */
      readonly host: string;
      /** Office.PlatformType value, e.g. "PC", "OfficeOnline", "Mac"; null when Office does not say. */
      readonly platform: string | null;
      /** Highest WordApi set we use that the host supports ("1.4" or "1.3"); null when neither. */
      readonly wordApi: WordApiLevel | null;
      /** e.g. "vi-VN", "en-US"; null when unknown. */
      readonly displayLanguage: string | null;
    };

export type WordApiLevel = '1.4' | '1.3';
export type ThemeMode = 'light' | 'dark';

/** The subset of the Office global this module reads: keeps it testable with a plain object. */
export interface OfficeLike {
  onReady(): Promise<{ host: unknown; platform: unknown }>;
  context?: {
    displayLanguage?: string;
    requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
    officeTheme?: { bodyBackgroundColor?: string };
  };
}

/** The Office global when office.js is loaded, otherwise undefined (plain browser, tests). */
export function officeGlobal(): OfficeLike | undefined {
  return typeof Office === 'undefined' ? undefined : (Office as unknown as OfficeLike);
}

function isSetSupported(office: OfficeLike, version: WordApiLevel): boolean {
  try {
    return office.context?.requirements?.isSetSupported('WordApi', version) ?? false;
  } catch {
    return false;
  }
}

/** Waits for Office.onReady and describes the environment; standalone when Office is absent. */
export async function detectOfficeEnvironment(office: OfficeLike | undefined = officeGlobal()): Promise<OfficeEnvironment> {
  if (!office) return { kind: 'standalone' };
  const info = await office.onReady();
  if (typeof info.host !== 'string' || info.host === '') return { kind: 'standalone' };
  const wordApi: WordApiLevel | null = isSetSupported(office, '1.4') ? '1.4' : isSetSupported(office, '1.3') ? '1.3' : null;
  return {
    kind: 'office',
    host: info.host,
    platform: typeof info.platform === 'string' && info.platform !== '' ? info.platform : null,
    wordApi,
    displayLanguage: office.context?.displayLanguage ?? null,
  };
}

/** Relative luminance of a "#rrggbb" colour (0 black … 1 white), or null if it is not one. */
function luminance(hex: string): number | null {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!match) return null;
  const [r, g, b] = match.slice(1).map((part) => {
    const c = parseInt(part, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Dark when Office's theme has a dark body background; otherwise follows the browser's
 * prefers-color-scheme (standalone view); light by default.
 */
export function detectThemeMode(
  office: OfficeLike | undefined = officeGlobal(),
  prefersDark: () => boolean = () =>
    typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches,
): ThemeMode {
  let background: string | undefined;
  try {
    background = office?.context?.officeTheme?.bodyBackgroundColor;
  } catch {
    background = undefined; // officeTheme throws on hosts that do not implement it
  }
  const level = background ? luminance(background) : null;
  if (level !== null) return level < 0.2 ? 'dark' : 'light';
  return prefersDark() ? 'dark' : 'light';
}
