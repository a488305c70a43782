/**
 * Builds the Word task pane into dist/: taskpane.html, hashed JS chunks, assets/ (icons and the
 * workbench's sample documents) and manifest.xml.
 *
 *   npm run build                          production, office.js from Microsoft's CDN
 *   npm run build:dev                      development, office.js from node_modules (dist/office-js/)
 *   npm start                              dev server on https://localhost:3000 (scripts/start.ts)
 *
 * Where office.js comes from:
 *   local  the copy in @microsoft/office-js, at the relative URL office-js/office.js (pinned
 *          version, works offline); copied to dist/office-js/ by builds, served straight from
 *          node_modules by the dev server.
 *   cdn    https://appsforoffice.microsoft.com/lib/1/hosted/office.js, which Microsoft requires
 *          for add-ins in production (it keeps office.js current).
 * Default: `cdn` in production mode, `local` otherwise. Override with `--env officeJs=cdn|local`
 * or the environment variable OFFICE_JS=cdn|local (the --env flag wins).
 */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import CopyPlugin from 'copy-webpack-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import webpack from 'webpack';
import type { Compiler, Configuration } from 'webpack';
import type { Configuration as DevServerConfiguration } from 'webpack-dev-server';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const OFFICE_JS_PACKAGE_DIST = path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');

export const DEV_SERVER_PORT = 3000;
export const OFFICE_JS_CDN_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
export const OFFICE_JS_LOCAL_URL = 'office-js/office.js';

export type Mode = 'production' | 'development';
export type OfficeJsSource = 'local' | 'cdn';

export interface HttpsOptions {
  readonly ca?: Buffer;
  readonly cert: Buffer;
  readonly key: Buffer;
}

export interface BuildOptions {
  readonly mode: Mode;
  readonly officeJs: OfficeJsSource;
  /** Where to write the build; dist/ by default. */
  readonly outputPath?: string;
  /** Present when serving with webpack-dev-server: the TLS key pair for https://localhost. */
  readonly https?: HttpsOptions;
}

export function resolveOfficeJsSource(mode: Mode, flag?: string, variable?: string): OfficeJsSource {
  const chosen = (flag ?? variable ?? '').trim().toLowerCase();
  if (chosen === '') return mode === 'production' ? 'cdn' : 'local';
  if (chosen === 'cdn' || chosen === 'local') return chosen;
  throw new Error(`officeJs must be "cdn" or "local", not "${chosen}" (from --env officeJs or OFFICE_JS).`);
}

// issue 12 — ONLYOFFICE: the plugin folder (onlyoffice/ in the output) is self-contained, as the
// editor installs it on its own: it gets its own copy of the pane's scripts (same files, same names).
export const ONLYOFFICE_DIR = 'onlyoffice';
class OnlyOfficePluginScripts {
  apply(compiler: Compiler): void {
    compiler.hooks.thisCompilation.tap('OnlyOfficePluginScripts', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'OnlyOfficePluginScripts', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        for (const asset of compilation.getAssets()) {
          if (asset.name.endsWith('.js') && !asset.name.includes('/')) {
            compilation.emitAsset(`${ONLYOFFICE_DIR}/${asset.name}`, asset.source, { ...asset.info, minimized: true });
          }
        }
      });
    });
  }
}

export function createConfig({ mode, officeJs, outputPath = path.join(ROOT, 'dist'), https }: BuildOptions): Configuration {
  const production = mode === 'production';
  const serving = https !== undefined;
  const copyPatterns: CopyPlugin.Pattern[] = [
    { from: path.join(ROOT, 'assets', 'icon-*.png').replaceAll('\\', '/'), to: 'assets/[name][ext]' },
    { from: path.join(ROOT, 'manifest.xml'), to: 'manifest.xml' },
    // The workbench's sample documents (src/workbench/files.ts fetches them beside taskpane.html).
    { from: path.join(ROOT, 'assets', 'samples').replaceAll('\\', '/'), to: 'assets/samples' },
    // issue 12 — ONLYOFFICE: the plugin's config.json, translations and toolbar icons (src/onlyoffice/).
    ...['config.json', 'translations', 'resources'].map((name) => ({ from: path.join(ROOT, 'src', 'onlyoffice', name), to: `${ONLYOFFICE_DIR}/${name}` })),
  ];
  // A build for local use carries its own office.js; the dev server serves it straight from
  // node_modules instead (see devServer.static) so it does not copy ~40 MB into memory.
  if (officeJs === 'local' && !serving) {
    copyPatterns.push({
      from: OFFICE_JS_PACKAGE_DIST,
      to: 'office-js',
      globOptions: { ignore: ['**/*.debug.js', '**/*.d.ts'] },
      // Already minified by Microsoft; without this Terser re-minifies ~28 MB (minutes).
      info: { minimized: true },
    });
  }

  const devServer: DevServerConfiguration | undefined = serving
    ? {
        port: DEV_SERVER_PORT,
        host: 'localhost',
        server: { type: 'https', options: { ...https } },
        headers: { 'Access-Control-Allow-Origin': '*' },
        static: officeJs === 'local' ? [{ directory: OFFICE_JS_PACKAGE_DIST, publicPath: '/office-js', watch: false }] : false,
        hot: true,
        client: { overlay: { errors: true, warnings: false } },
        open: false,
      }
    : undefined;

  return {
    mode,
    context: ROOT,
    // issue 15 — logbook: the workbench's logbook page (files read in the browser, nothing uploaded).
    entry: { taskpane: './src/taskpane/index.tsx', logbook: './src/logbook/page/index.ts' },
    output: {
      path: outputPath,
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      // Relative URLs: the pane also works when hosted below a path, e.g. https://intranet/aiprov/.
      publicPath: 'auto',
      clean: true,
    },
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'esbuild-loader',
          options: { target: 'es2020', jsx: 'automatic', tsconfig: path.join(ROOT, 'tsconfig.json') },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        template: path.join(ROOT, 'src', 'taskpane', 'index.html'),
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
        officeJsUrl: officeJs === 'cdn' ? OFFICE_JS_CDN_URL : OFFICE_JS_LOCAL_URL,
        officeJsSource: officeJs,
      }),
      new CopyPlugin({ patterns: copyPatterns }),
      // issue 12 — ONLYOFFICE: the plugin's page loads the editor's plugins.js, then the same pane.
      new HtmlWebpackPlugin({
        template: path.join(ROOT, 'src', 'onlyoffice', 'index.html'),
        filename: `${ONLYOFFICE_DIR}/index.html`,
        chunks: ['taskpane'],
        scriptLoading: 'defer',
        publicPath: './',
      }),
      new OnlyOfficePluginScripts(),
      new HtmlWebpackPlugin({
        template: path.join(ROOT, 'src', 'logbook', 'page', 'index.html'),
        filename: 'logbook.html',
        chunks: ['logbook'],
        scriptLoading: 'defer',
      }),
    ],
    optimization: {
      // React and Fluent change less often than the pane: separate, long-cached chunks.
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          react: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            name: 'react',
            priority: 20,
          },
          fluent: {
            test: /[\\/]node_modules[\\/](@fluentui|@griffel|@floating-ui|tabster|keyborg|@swc|tslib|use-sync-external-store|rtl-css-js|stylis|@emotion)[\\/]/,
            name: 'fluent',
            priority: 10,
          },
        },
      },
      runtimeChunk: false,
    },
    performance: {
      hints: production ? 'warning' : false,
      // Budget from the design: initial JS ≤ 250 KB gzip, i.e. roughly 800 KB minified.
      maxEntrypointSize: 800 * 1024,
      maxAssetSize: 800 * 1024,
      // Only our own bundles: Microsoft's office.js files are not part of the pane's first load.
      assetFilter: (name: string) => name.endsWith('.js') && !name.startsWith('office-js/') && !name.startsWith(`${ONLYOFFICE_DIR}/`),
    },
    ...(devServer ? { devServer } : {}),
  };
}

/** Where office-addin-dev-certs keeps its files (its documented default directory). */
export const DEV_CERT_DIR = path.join(homedir(), '.office-addin-dev-certs');

export interface DevCertificates {
  readonly https: HttpsOptions;
  /** False when the CA could not be added to the system's trust store (browsers will warn). */
  readonly trusted: boolean;
  /** Why the CA is not trusted, when it is not. */
  readonly problem?: string;
}

/** The key pair office-addin-dev-certs left on disk, if it is still valid for at least a day. */
function readUsableCertificateFiles(): HttpsOptions | null {
  const certPath = path.join(DEV_CERT_DIR, 'localhost.crt');
  const keyPath = path.join(DEV_CERT_DIR, 'localhost.key');
  const caPath = path.join(DEV_CERT_DIR, 'ca.crt');
  if (!existsSync(certPath) || !existsSync(keyPath)) return null;
  try {
    const cert = readFileSync(certPath);
    const key = readFileSync(keyPath);
    const x509 = new X509Certificate(cert);
    const validForADay = Date.parse(x509.validTo) > Date.now() + 24 * 3600 * 1000;
    if (!validForADay || !x509.checkPrivateKey(createPrivateKey(key))) return null;
    return { cert, key, ...(existsSync(caPath) ? { ca: readFileSync(caPath) } : {}) };
  } catch {
    return null;
  }
}

/**
 * Dev certificates for https://localhost from office-addin-dev-certs. Installing its CA into the
 * system store needs admin rights (sudo on Linux) and can fail; the certificate files it has
 * generated still serve HTTPS, only without trust, so we go on and say so. On Linux an existing,
 * valid but untrusted key pair is reused as is: regenerating it on every start would make the
 * user accept a new certificate in the browser each time.
 */
export async function loadDevCertificates(): Promise<DevCertificates> {
  const devCerts = await import('office-addin-dev-certs');
  const existing = readUsableCertificateFiles();
  if (existing && process.platform === 'linux') {
    let caInstalled = false;
    try {
      caInstalled = devCerts.verifyCertificates();
    } catch {
      caInstalled = false; // the check itself needs openssl and a known trust store layout
    }
    return caInstalled
      ? { https: existing, trusted: true }
      : { https: existing, trusted: false, problem: 'The "Developer CA for Microsoft Office Add-ins" is not in the system trust store.' };
  }
  try {
    const options = await devCerts.getHttpsServerOptions();
    if (!options.cert || !options.key) throw new Error('office-addin-dev-certs returned no certificate');
    return { https: { ca: options.ca as Buffer, cert: options.cert as Buffer, key: options.key as Buffer }, trusted: true };
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    const generated = readUsableCertificateFiles();
    if (!generated) {
      throw new Error(
        `Không tạo được chứng chỉ HTTPS cho localhost / Could not create the localhost HTTPS certificate: ${problem}`,
      );
    }
    return { https: generated, trusted: false, problem };
  }
}

interface CliEnv {
  readonly officeJs?: string;
  readonly WEBPACK_SERVE?: boolean;
}

/** webpack-cli entry: `webpack --mode production [--env officeJs=local]`, or `webpack serve`. */
export default async function webpackConfig(env: CliEnv = {}, argv: { mode?: string } = {}): Promise<Configuration> {
  // Like webpack itself: production unless told otherwise, but `webpack serve` means development.
  const mode: Mode = (argv.mode ?? (env.WEBPACK_SERVE ? 'development' : 'production')) === 'development' ? 'development' : 'production';
  const officeJs = resolveOfficeJsSource(mode, env.officeJs, process.env.OFFICE_JS);
  const https = env.WEBPACK_SERVE ? (await loadDevCertificates()).https : undefined;
  return createConfig({ mode, officeJs, ...(https ? { https } : {}) });
}
