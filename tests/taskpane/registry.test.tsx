// @vitest-environment happy-dom
// Issue 9 — registry in the pane: step 5 loads the registry (its own chunk; here the same module
// through vitest's dynamic import) and shows, for a citation in an AI passage, what `aiprov scan`
// says of it: an expired decree with its replacement, and the registry entry as suggested source.
// An organisation's file named in org-settings.json is fetched from the pane's origin; one from
// another origin, or with bad rows, is named and left out.
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/i18n';
import { loadPaneRegistry } from '../../src/taskpane/registry';
import { hostWithPassage, openStep, renderPane, screen, waitFor } from './helpers';

beforeEach(() => {
  localStorage.clear();
  setLanguage('vi');
});
afterEach(() => cleanup());

const ORG_ROW = JSON.stringify({ symbol: '15/QĐ-UBND', type: 'Quyết định', issuer: 'Ủy ban nhân dân tỉnh Cao Bằng', issued: '2025-03-02', title: 'Về việc ban hành kế hoạch chuyển đổi số', status: 'in-force' });

describe('the registry in step 5', () => {
  it('shows an expired decree cited in an AI passage with its replacement, the suggested source, and which registry was used', async () => {
    const { host } = await hostWithPassage();
    await renderPane(host);
    openStep(5);
    await waitFor(() => expect(screen.getByText(/Theo danh mục văn bản: Nghị định 13\/2023\/NĐ-CP .*đã hết hiệu lực.*được thay thế bởi 356\/2025\/NĐ-CP/)).toBeTruthy());
    expect(screen.getByText(/Nguồn gợi ý từ danh mục văn bản: Nghị định số 13\/2023\/NĐ-CP ngày 17\/04\/2023 của Chính phủ «Bảo vệ dữ liệu cá nhân»/)).toBeTruthy();
    expect(screen.getByText(/Trích dẫn được đối chiếu với danh mục văn bản: danh mục lõi \(\d+ văn bản\)\./)).toBeTruthy();
  });

  it('loads the organisation’s file from the pane’s origin and names the one it cannot use (en)', async () => {
    setLanguage('en');
    const served: string[] = [];
    const fetch = async (url: string): Promise<Response> => {
      served.push(url);
      if (url.endsWith('/danh-muc.jsonl')) return new Response(`${ORG_ROW}\n`, { status: 200 });
      if (url.endsWith('/bad.jsonl')) return new Response('{"symbol": 12}\n', { status: 200 });
      return new Response('', { status: 404 });
    };
    const { host } = await hostWithPassage();
    await renderPane(host, { org: { registry: ['danh-muc.jsonl', 'bad.jsonl', 'https://elsewhere.example/x.jsonl'] }, fetch });
    openStep(5);
    await waitFor(() => expect(screen.getByText(/the core registry \(documents: \d+\) and the organisation's registry danh-muc\.jsonl \(documents: 1\)\./)).toBeTruthy());
    expect(screen.getByText(/The registry bad\.jsonl is not used: invalid rows: 1/)).toBeTruthy();
    expect(screen.getByText(/The registry https:\/\/elsewhere\.example\/x\.jsonl is not used: it is not on the pane’s server/)).toBeTruthy();
    expect(served.some((u) => u.includes('elsewhere'))).toBe(false);
  });

  it('an organisation entry overrides and extends the core registry (the same lookup as the CLI)', async () => {
    const loaded = await loadPaneRegistry(['danh-muc.jsonl'], async () => new Response(`${ORG_ROW}\n`), 'https://intranet.example/aiprov/taskpane.html');
    expect(loaded.used.files).toEqual([{ file: 'danh-muc.jsonl', entries: 1 }]);
    expect(loaded.registry.index.has('15/QĐ-UBND')).toBe(true);
    expect(loaded.registry.size).toBe(loaded.used.core + 1);
  });
});
