/**
 * `npm start`: serves the task pane on https://localhost:3000 with webpack-dev-server and, on
 * Windows and macOS, sideloads manifest.xml into desktop Word. On Linux (no desktop Word) it serves
 * the pane, whose address opens the workbench in any browser, and says so. Ctrl-C stops the server (and removes the sideloaded add-in).
 *
 *   npm start                       office.js from node_modules (works offline)
 *   OFFICE_JS=cdn npm start         office.js from Microsoft's CDN
 *   npm start -- --no-sideload      serve only, even on Windows/macOS
 */
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import webpack from 'webpack';
import WebpackDevServer from 'webpack-dev-server';
import { DEV_CERT_DIR, DEV_SERVER_PORT, createConfig, loadDevCertificates, resolveOfficeJsSource } from '../webpack.config';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const PANE_URL = `https://localhost:${DEV_SERVER_PORT}/taskpane.html`;

const args = new Set(process.argv.slice(2));
const canSideload = (process.platform === 'win32' || process.platform === 'darwin') && !args.has('--no-sideload');

function say(lines: string[]): void {
  console.log(lines.join('\n'));
}

function untrustedCertificateNotice(problem: string | undefined): string[] {
  return [
    '',
    '⚠ Chứng chỉ phát triển chưa được hệ thống tin cậy / The dev certificate is not trusted by the system.',
    `  ${problem ?? ''}`.trimEnd(),
    `  Tệp chứng chỉ / Certificate files: ${DEV_CERT_DIR}`,
    '  Máy chủ vẫn chạy HTTPS; trình duyệt sẽ cảnh báo cho tới khi bạn chấp nhận chứng chỉ.',
    '  The server still runs HTTPS; the browser warns until you accept the certificate.',
    ...(process.platform === 'linux'
      ? [
          '  Để tin cậy CA (cần quyền quản trị) / To trust the CA (needs admin rights):',
          `    sudo cp ${path.join(DEV_CERT_DIR, 'ca.crt')} /usr/local/share/ca-certificates/office-addin-dev-ca.crt && sudo update-ca-certificates`,
          '  Chrome/Chromium trên Linux dùng kho NSS riêng / Chrome/Chromium on Linux use their own NSS store:',
          `    certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Office Add-in Dev CA" -i ${path.join(DEV_CERT_DIR, 'ca.crt')}`,
        ]
      : []),
  ];
}

function howToOpen(): string[] {
  return [
    '',
    `AI Provenance – ngăn tác vụ và bàn làm việc đang chạy / task pane and workbench are running:`,
    `  ${PANE_URL}`,
    '',
    'Tiếng Việt:',
    '  • Mở địa chỉ trên bằng trình duyệt để vào bàn làm việc (không cần Word): mở một tệp .docx',
    '    hoặc tài liệu mẫu, làm theo bảy bước rồi tải tệp về. Nếu trình duyệt cảnh báo chứng chỉ,',
    '    hãy chấp nhận chứng chỉ phát triển (chỉ dùng trên máy này).',
    '  • Hoặc dùng trong Word trên web: Chèn › Phần bổ trợ › Tải lên phần bổ trợ của tôi',
    `    (Insert › Add-ins › Upload My Add-in) rồi chọn tệp ${MANIFEST}`,
    '    Trình duyệt phải tin cậy chứng chỉ của localhost thì Word mới tải được ngăn.',
    'English:',
    '  • Open the address above in a browser for the workbench (no Word needed): open a .docx or',
    '    a sample, follow the seven steps and download the file. If the browser warns about the',
    '    certificate, accept the development certificate (used on this machine only).',
    '  • Or use it in Word on the web: Insert › Add-ins › Upload My Add-in, then choose',
    `    ${MANIFEST}`,
    '    The browser must trust the localhost certificate for Word to load the pane.',
    '',
    'Nhấn Ctrl-C để dừng / Press Ctrl-C to stop.',
  ];
}

async function sideload(): Promise<boolean> {
  try {
    const debugging = await import('office-addin-debugging');
    await debugging.startDebugging(MANIFEST, {
      appType: debugging.AppType.Desktop,
      devServerPort: DEV_SERVER_PORT,
      enableDebugging: false,
      enableLiveReload: false,
    });
    say(['', 'Đã nạp tiện ích vào Word (thẻ Trang đầu › Soạn thảo AI) / Sideloaded into Word (Home tab › AI drafting).']);
    return true;
  } catch (error) {
    say([
      '',
      `⚠ Không nạp được tiện ích vào Word / Could not sideload into Word: ${error instanceof Error ? error.message : String(error)}`,
      '  Máy chủ vẫn chạy; có thể nạp thủ công bằng manifest.xml / The server keeps running; sideload manifest.xml by hand.',
    ]);
    return false;
  }
}

/** webpack-dev-server throws EADDRINUSE from an event handler (uncatchable), so check first. */
async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Cổng ${port} đang được dùng; hãy dừng chương trình kia / Port ${port} is in use; stop the other program first.`)
          : error,
      ),
    );
    probe.listen({ port, host: 'localhost', exclusive: true }, () => probe.close(() => resolve()));
  });
}

async function main(): Promise<void> {
  await assertPortFree(DEV_SERVER_PORT);
  const officeJs = resolveOfficeJsSource('development', undefined, process.env.OFFICE_JS);
  const certificates = await loadDevCertificates();
  const config = {
    ...createConfig({ mode: 'development', officeJs, https: certificates.https }),
    infrastructureLogging: { level: 'warn' as const },
    stats: 'errors-warnings' as const,
  };
  const compiler = webpack(config);
  if (!compiler) throw new Error('webpack could not create a compiler');

  let announced = false;
  compiler.hooks.done.tap('aiprov-start', (stats) => {
    if (stats.hasErrors()) {
      console.error(stats.toString({ all: false, errors: true, colors: true }));
      return;
    }
    if (announced) return;
    announced = true;
    if (!certificates.trusted) say(untrustedCertificateNotice(certificates.problem));
    say(howToOpen());
    if (canSideload) void sideload().then((done) => (sideloaded = done));
  });

  const server = new WebpackDevServer(config.devServer, compiler);
  let sideloaded = false;
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) process.exit(130); // a second Ctrl-C: do not wait any longer
    stopping = true;
    say(['', `Đang dừng (${signal})… / Stopping (${signal})…`]);
    try {
      if (sideloaded) {
        const debugging = await import('office-addin-debugging');
        await debugging.stopDebugging(MANIFEST);
      }
    } catch (error) {
      console.error('Could not remove the sideloaded add-in:', error);
    }
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await server.start();
}

main().catch((error: unknown) => {
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
