/**
 * taskpane.html writes the office.js script only where Office hosts the pane (issue 13: a plain
 * browser requests nothing from outside the machine). Runs the template's own loader script.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OFFICE_JS_CDN_URL } from '../../webpack.config';

const template = readFileSync(path.join(__dirname, '..', '..', 'src', 'taskpane', 'index.html'), 'utf8');
const loader = /<script id="office-js-loader">([\s\S]*?)<\/script>/.exec(template)?.[1] ?? '';

function written(search: string): string[] {
  const out: string[] = [];
  const source = loader.replace('<%= htmlWebpackPlugin.options.officeJsUrl %>', OFFICE_JS_CDN_URL);
  new Function('window', 'document', source)({ location: { search } }, { write: (html: string) => out.push(html) });
  return out;
}

describe('office.js loader in taskpane.html', () => {
  it('is the only way the template loads office.js', () => {
    expect(loader).toContain('document.write');
    expect(template.match(/officeJsUrl/g)).toHaveLength(1);
  });

  it.each(['', '?sample=report', '?official=1', '?x=office=1'])('a plain browser (%s) loads nothing', (search) => {
    expect(written(search)).toEqual([]);
  });

  it.each(['?office=1', '?office=1&_host_Info=Word$Win32$16.01$vi-VN', '?_host_Info=Word$Web$16.00$en-US'])('Office (%s) gets office.js before the pane', (search) => {
    expect(written(search)).toEqual([`<script src="${OFFICE_JS_CDN_URL}"></script>`]);
  });
});
