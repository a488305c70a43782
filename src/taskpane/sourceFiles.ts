import { bilingual } from '../i18n';
/** Reads an attached source file as text: .txt as UTF-8, .docx through the docx host (loaded on demand). */
export async function readSourceFile(file: File): Promise<string> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.docx')) {
    const { openDocx, extractText } = await import('../host/docx');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const segments = extractText(openDocx(bytes));
    return segments
      .filter((segment) => segment.kind === 'body')
      .map((segment) => segment.text)
      .join('\n');
  }
  if (name.endsWith('.txt') || file.type.startsWith('text/')) return (await file.text()).normalize('NFC');
  throw Object.assign(new Error('unsupported source file'), {
    bilingual: bilingual('taskpane.sourceFiles.readSourceFile.bilingual', { name: file.name }),
  });
}
