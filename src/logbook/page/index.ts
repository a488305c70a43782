// The logbook as a workbench page: a person drops a folder of .docx files (or picks one), the files
// are read in this browser with the CLI's own pieces (summariseDocx, buildLogbook, logbookHtml) and
// the report is shown here. Nothing is uploaded: the page makes no request of its own.
import { parseOrgSettings } from '../../policy';
import type { TrustedKey } from '../../provenance';
import { buildLogbook } from '../aggregate';
import { logbookHtml } from '../html';
import { logbookStrings, type Lang } from '../strings';
import { summariseDocx } from '../summarise';
import type { DocumentSummary } from '../types';

const lang: Lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'vi';
const s = logbookStrings(lang);
document.documentElement.lang = lang;
document.title = s.title;

interface Picked {
  file: File;
  /** Path relative to the folder dropped or picked, "/"-separated. */
  path: string;
}

const DOCX = /\.(docx|docm)$/i;
let trustedKeys: TrustedKey[] = [];

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** The folder of a path without the folder dropped itself ("." at its root), as the CLI names units. */
function folderOf(path: string): string {
  const parts = path.split('/').slice(1, -1);
  return parts.length ? parts.join('/') : '.';
}

async function entriesOf(entry: FileSystemEntry): Promise<Picked[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    return [{ file, path: entry.fullPath.replace(/^\//, '') }];
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const all: FileSystemEntry[] = [];
  // readEntries gives at most 100 at a time: read until it answers with none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (!batch.length) break;
    all.push(...batch);
  }
  return (await Promise.all(all.map(entriesOf))).flat();
}

const status = element('p', { id: 'status', role: 'status' });
const frame = element('iframe', { id: 'report', title: s.title });
// The report is static HTML: shown without scripts, in a frame of its own.
frame.setAttribute('sandbox', '');

async function read(picked: Picked[]): Promise<void> {
  const docx = picked.filter((p) => DOCX.test(p.path) && !p.path.split('/').pop()!.startsWith('~$')).sort((a, b) => (a.path < b.path ? -1 : 1));
  const summaries: DocumentSummary[] = [];
  for (const [i, { file, path }] of docx.entries()) {
    status.textContent = s.pageReading(i + 1, docx.length);
    summaries.push(await summariseDocx(new Uint8Array(await file.arrayBuffer()), path, folderOf(path), { trustedKeys }));
  }
  status.textContent = docx.length ? s.pageRead(docx.length) : s.noFiles;
  frame.srcdoc = logbookHtml(buildLogbook(summaries), lang, new Date().toISOString());
}

const folderInput = element('input', { type: 'file', id: 'folder', multiple: true });
folderInput.setAttribute('webkitdirectory', '');
folderInput.addEventListener('change', () =>
  void read([...(folderInput.files ?? [])].map((file) => ({ file, path: file.webkitRelativePath || file.name }))),
);

const settingsInput = element('input', { type: 'file', id: 'settings', accept: '.json,application/json' });
settingsInput.addEventListener('change', async () => {
  const file = settingsInput.files?.[0];
  if (!file) return;
  try {
    const parsed = parseOrgSettings(JSON.parse(await file.text()));
    trustedKeys = parsed.settings.trustedKeys as TrustedKey[];
    status.textContent = parsed.error ? parsed.error[lang] : s.pageTrustList(trustedKeys.length);
  } catch (error) {
    status.textContent = s.pageBadSettings((error as Error).message);
  }
});

const drop = element('div', { id: 'drop' }, s.pageDrop);
drop.addEventListener('dragover', (event) => {
  event.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (event) => {
  event.preventDefault();
  drop.classList.remove('over');
  const entries = [...(event.dataTransfer?.items ?? [])].map((item) => item.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null);
  void Promise.all(entries.map(entriesOf)).then((lists) => read(lists.flat()));
});

document.getElementById('root')!.append(
  element('h1', {}, s.title),
  element('p', {}, s.pageNothingUploaded),
  element('label', {}, s.pageSettings, ' ', settingsInput),
  element('label', {}, s.pagePickFolder, ' ', folderInput),
  drop,
  status,
  frame,
);
