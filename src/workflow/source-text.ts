// Sources and the selected text are read the way the document is (issue 17): one line-ending form,
// and markup taken off, so a stamp such as "MẬT" written as "# MẬT", "> MẬT", "<p>MẬT</p>" or inside
// RTF stands alone on its line for the secrecy gate exactly as it would in a .docx — and what is sent
// is the text a person reads, not its markup.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/giu, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

function looksLikeRtf(text: string): boolean {
  return /^\s*\{\\rtf/u.test(text);
}

/** RTF to its visible text: destinations such as font tables dropped, \par as a line break, \'xx and \uN decoded. */
function rtfText(text: string): string {
  let out = text
    .replace(/\{\\\*[^{}]*\}/gu, '')
    .replace(/\{\\(?:fonttbl|colortbl|stylesheet|info|pict)(?:[^{}]|\{[^{}]*\})*\}/gu, '');
  out = out
    .replace(/\\u(-?\d+)\s?\??/gu, (_m, n: string) => String.fromCharCode((Number(n) + 0x10000) % 0x10000))
    .replace(/\\'([0-9a-f]{2})/giu, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\(?:par|line|row|cell|sect|page)\b ?/gu, '\n')
    .replace(/\\tab\b ?/gu, '\t')
    .replace(/\\[a-z]+-?\d* ?/giu, '')
    .replace(/\\([\\{}])/gu, '$1')
    .replace(/[{}]/gu, '');
  return out;
}

function looksLikeHtml(text: string): boolean {
  return /<(?:!doctype|html|body|p|div|h[1-6]|br|span|table|td|li|strong|b|em)\b[^>]*>/iu.test(text);
}

function htmlText(text: string): string {
  return decodeEntities(
    text
      .replace(/<!--[\s\S]*?-->/gu, '')
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/giu, '')
      .replace(/<\/?(?:p|div|h[1-6]|br|li|tr|table|section|article|header|footer|blockquote|title)\b[^>]*>/giu, '\n')
      .replace(/<[^>]+>/gu, ''),
  );
}

/** Markdown line markers and emphasis: headings, quotes, list bullets, **bold**, _italic_, `code`. */
function markdownText(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/^[ \t]*(?:>[ \t]?)+/u, '')
        .replace(/^[ \t]*#{1,6}[ \t]+/u, '')
        .replace(/[ \t]+#+[ \t]*$/u, '')
        .replace(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]+/u, '')
        .replace(/(\*\*|__|\*|_|`|~~)(?=\S)([^\n]*?\S)\1/gu, '$2'),
    )
    .join('\n');
}

/** The readable text of a source as it is scanned and sent. */
export function sourceText(raw: string): string {
  let text = raw.replace(/\r\n?/gu, '\n').replace(/^\uFEFF/u, '');
  if (looksLikeRtf(text)) text = rtfText(text);
  else if (looksLikeHtml(text)) text = htmlText(text);
  text = markdownText(text.replace(/\r\n?/gu, '\n'));
  return text.normalize('NFC');
}
