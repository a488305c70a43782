/** The host contract on the Word host, through the counting fake of Office.js, at both API levels it supports. */
import { describe, expect, it } from 'vitest';
import { FakeWord } from '../host-word/fake-word';
import { documentState, hostOver } from '../host-word/helpers';
import { describeHostContract } from './contract';
import type { ContractDocument } from './contract';

const wordOf = (doc: ContractDocument, wordApi?: number) =>
  new FakeWord(wordApi === undefined ? {} : { wordApi })
    .addParagraphs(...doc.before)
    .addTable(doc.table)
    .addParagraphs(...doc.after);

/** The host, and the fake's whole state (styles and parts too) to prove a refusal changed nothing. */
const over = (word: FakeWord) => ({ host: hostOver(word), state: () => documentState(word) });

describeHostContract('Word (WordApi 1.5, custom XML parts of WordApi 1.4)', (doc) => over(wordOf(doc)));
describeHostContract('Word (WordApi 1.3, custom XML parts of the common API)', (doc) => over(wordOf(doc, 3)));

describe('Word only: the record replaced through the prefix stays one part', () => {
  it.each([5, 3])('WordApi 1.%i', async (wordApi) => {
    const word = new FakeWord({ wordApi }).addParagraphs('Một');
    const host = hostOver(word);
    await host.writeRecord('urn:aiprov:provenance:2', '<record xmlns="urn:aiprov:provenance:2"/>');
    await host.writeRecord('urn:aiprov:provenance:', '<record xmlns="urn:aiprov:provenance:2"><e/></record>');
    expect(word.xmlParts).toHaveLength(1);
  });
});
