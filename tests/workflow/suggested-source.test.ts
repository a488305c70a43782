// issue 9 — registry: the verify step offers the registry entry of a cited document as its source.
import { describe, expect, it } from 'vitest';
import { buildRegistry, coreEntries, parseRegistryJsonl } from '../../src/checks/registry';
import { DocxHost } from '../../src/host/docx';
import { documentStatus, insertPassage, qualifiedClaimId, suggestSources, verifyClaim } from '../../src/workflow';
import { AI_TEXT, GENERATION, context, reportDocx } from './helpers';

async function drafted(text = AI_TEXT) {
  const host = DocxHost.open(reportDocx());
  const passageId = await insertPassage(host, context(), { afterParagraph: 5, text, generation: GENERATION });
  const state = (await documentStatus(host, context(), { level: false })).state!;
  const claims = state.passages[0]!.claims.map((c) => ({ id: qualifiedClaimId(passageId, c.claimId), kind: c.kind }));
  return { host, claims };
}

describe('suggestSources', () => {
  it('offers the core entry for a citation claim, nothing for a figure, and the offered label verifies the claim', async () => {
    const { host, claims } = await drafted();
    const citation = claims.find((c) => c.kind === 'citation')!;
    const figure = claims.find((c) => c.kind === 'figure')!;
    const registry = buildRegistry([coreEntries()]);
    const offered = await suggestSources(host, context(), [citation.id, figure.id], registry, '2026-03-01');
    expect(offered.get(figure.id)).toBeUndefined();
    const s = offered.get(citation.id)!;
    expect(s).toMatchObject({ symbol: '13/2023/NĐ-CP', type: 'Nghị định', issued: '2023-04-17', status: 'expired', replacedBy: ['356/2025/NĐ-CP'] });
    expect(s.label.en).toBe('Nghị định No. 13/2023/NĐ-CP of 17/04/2023 of Chính phủ «Bảo vệ dữ liệu cá nhân» (document registry)');
    // The offer is verified as registry evidence (issue 10), by a person other than the drafter.
    const state = await verifyClaim(host, context('Lê Văn Cường'), { claim: citation.id, evidence: { kind: 'registry', registry } });
    const verified = state.passages[0]!.claims.find((c) => c.kind === 'citation')!;
    expect(verified).toMatchObject({ status: 'verified', evidence: { kind: 'registry', symbol: '13/2023/NĐ-CP' } });
  });

  it('an organisation entry overrides the core one; a document the registry does not list gets no offer', async () => {
    const { host, claims } = await drafted();
    const citation = claims.find((c) => c.kind === 'citation')!;
    const org = parseRegistryJsonl('{"symbol":"13/2023/NĐ-CP","type":"Nghị định","issuer":"Chính phủ","issued":"2023-04-17","title":"Về bảo vệ dữ liệu cá nhân (bản của cơ quan)","status":"expired","replaced_by":["356/2025/NĐ-CP"]}').entries;
    const offered = await suggestSources(host, context(), [citation.id], buildRegistry([coreEntries(), org]));
    expect(offered.get(citation.id)!.title).toBe('Về bảo vệ dữ liệu cá nhân (bản của cơ quan)');
    const none = await suggestSources(host, context(), [citation.id], buildRegistry([]));
    expect(none.get(citation.id)).toBeUndefined();
  });

  it('refuses an unknown claim id as verify would', async () => {
    const { host } = await drafted();
    await expect(suggestSources(host, context(), ['ffffffff.c9'], buildRegistry([coreEntries()]))).rejects.toThrow(/ffffffff\.c9/);
  });
});
