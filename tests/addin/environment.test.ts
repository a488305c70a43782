import { describe, expect, it } from 'vitest';
import { detectOfficeEnvironment, detectThemeMode } from '../../src/taskpane/officeEnvironment';
import type { OfficeLike } from '../../src/taskpane/officeEnvironment';
import webpackConfig, {
  OFFICE_JS_CDN_URL,
  OFFICE_JS_LOCAL_URL,
  createConfig,
  resolveOfficeJsSource,
} from '../../webpack.config';

function office(overrides: Partial<OfficeLike> & { host?: unknown; platform?: unknown } = {}): OfficeLike {
  const { host = 'Word', platform = 'PC', ...rest } = overrides;
  return { onReady: () => Promise.resolve({ host, platform }), ...rest };
}

describe('detectOfficeEnvironment', () => {
  it('is standalone without office.js', async () => {
    expect(await detectOfficeEnvironment(undefined)).toEqual({ kind: 'standalone' });
  });

  it('is standalone when office.js runs outside an Office host', async () => {
    expect(await detectOfficeEnvironment(office({ host: null, platform: null }))).toEqual({ kind: 'standalone' });
  });

  it('reads host, platform, display language and the best WordApi set', async () => {
    const word = office({
      context: { displayLanguage: 'vi-VN', requirements: { isSetSupported: (name, v) => name === 'WordApi' && v !== '1.5' } },
    });
    expect(await detectOfficeEnvironment(word)).toEqual({
      kind: 'office',
      host: 'Word',
      platform: 'PC',
      wordApi: '1.4',
      displayLanguage: 'vi-VN',
    });
  });

  it('reports no WordApi set when the host has none or the check throws', async () => {
    const old = office({ context: { requirements: { isSetSupported: () => false } } });
    expect(await detectOfficeEnvironment(old)).toMatchObject({ wordApi: null, displayLanguage: null });
    const broken = office({
      context: {
        requirements: {
          isSetSupported: () => {
            throw new Error('not implemented');
          },
        },
      },
    });
    expect(await detectOfficeEnvironment(broken)).toMatchObject({ wordApi: null });
  });
});

describe('detectThemeMode', () => {
  const never = (): boolean => false;
  it('follows the Office theme background', () => {
    expect(detectThemeMode(office({ context: { officeTheme: { bodyBackgroundColor: '#262626' } } }), never)).toBe('dark');
    expect(detectThemeMode(office({ context: { officeTheme: { bodyBackgroundColor: '#FFFFFF' } } }), () => true)).toBe('light');
  });

  it('falls back to the browser preference, then light', () => {
    expect(detectThemeMode(undefined, () => true)).toBe('dark');
    expect(detectThemeMode(undefined, never)).toBe('light');
    expect(detectThemeMode(office({ context: { officeTheme: { bodyBackgroundColor: 'not a colour' } } }), never)).toBe('light');
  });
});

describe('webpack office.js switch', () => {
  it('defaults to the CDN in production and the local package in development', () => {
    expect(resolveOfficeJsSource('production')).toBe('cdn');
    expect(resolveOfficeJsSource('development')).toBe('local');
  });

  it('lets --env officeJs win over OFFICE_JS, and rejects anything else', () => {
    expect(resolveOfficeJsSource('production', 'local', 'cdn')).toBe('local');
    expect(resolveOfficeJsSource('development', undefined, 'CDN')).toBe('cdn');
    expect(() => resolveOfficeJsSource('production', 'jsdelivr')).toThrow(/"cdn" or "local"/);
  });

  function htmlOptions(config: ReturnType<typeof createConfig>): Record<string, unknown> {
    const plugin = config.plugins?.find((p) => p?.constructor.name === 'HtmlWebpackPlugin') as unknown as {
      userOptions: Record<string, unknown>;
    };
    return plugin.userOptions;
  }

  it('puts the chosen office.js URL into taskpane.html and copies the package only for local builds', async () => {
    expect(htmlOptions(createConfig({ mode: 'production', officeJs: 'cdn' })).officeJsUrl).toBe(OFFICE_JS_CDN_URL);
    expect(htmlOptions(createConfig({ mode: 'production', officeJs: 'local' })).officeJsUrl).toBe(OFFICE_JS_LOCAL_URL);
    const fromCli = await webpackConfig({ officeJs: 'local' }, { mode: 'production' });
    expect(fromCli.mode).toBe('production');
    expect(htmlOptions(fromCli).officeJsUrl).toBe(OFFICE_JS_LOCAL_URL);
    const copyPatterns = (config: ReturnType<typeof createConfig>): string[] =>
      (
        config.plugins?.find((p) => p?.constructor.name === 'CopyPlugin') as unknown as {
          patterns: Array<{ to: string }>;
        }
      ).patterns.map((pattern) => pattern.to);
    expect(copyPatterns(createConfig({ mode: 'development', officeJs: 'local' }))).toContain('office-js');
    expect(copyPatterns(createConfig({ mode: 'production', officeJs: 'cdn' }))).not.toContain('office-js');
  });

  it('serves https on port 3000 with CORS open when given certificates', () => {
    const https = { cert: Buffer.from('c'), key: Buffer.from('k') };
    const config = createConfig({ mode: 'development', officeJs: 'local', https });
    expect(config.devServer).toMatchObject({
      port: 3000,
      server: { type: 'https', options: { cert: https.cert, key: https.key } },
      headers: { 'Access-Control-Allow-Origin': '*' },
    });
  });
});
