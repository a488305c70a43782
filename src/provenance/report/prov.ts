// The record as W3C PROV-JSON (https://www.w3.org/submissions/prov-json/):
// - entities: the document, each passage version (v0 = the AI's text, vN after the Nth edit), each
//   claim, each source given to the AI, each prompt, each source a verifier named, each verdict;
// - activities: generation (or declaration of pasted AI text), edit, verification / rejection,
//   removal, disclosure, sign-off;
// - agents: people (prov:Person), AI providers (prov:Organization), models and outside AI tools
//   (prov:SoftwareAgent); a model acted on behalf of the person who asked for the generation.
// Identifiers live under a per-document prefix (`rec:`); attributes of our own under `aiprov:`.
// Built from the events (not only the folded state) so that every version and decision appears.
import type { RecordState } from '../fold';
import { isKnownEvent, type ProvenanceRecord } from '../schema';

type Attributes = Record<string, unknown>;
export interface ProvJson {
  prefix: Record<string, string>;
  entity: Record<string, Attributes>;
  activity: Record<string, Attributes>;
  agent: Record<string, Attributes>;
  wasGeneratedBy: Record<string, Attributes>;
  used: Record<string, Attributes>;
  wasAssociatedWith: Record<string, Attributes>;
  wasAttributedTo: Record<string, Attributes>;
  wasDerivedFrom: Record<string, Attributes>;
  actedOnBehalfOf: Record<string, Attributes>;
  wasInvalidatedBy: Record<string, Attributes>;
}

const qname = (name: string) => ({ $: name, type: 'prov:QUALIFIED_NAME' });
const dateTime = (iso: string) => ({ $: iso, type: 'xsd:dateTime' });
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x';

export function reportProv(record: ProvenanceRecord, state: RecordState): ProvJson {
  const prov: ProvJson = {
    prefix: { aiprov: 'urn:aiprov:provenance:1#', rec: `urn:uuid:${record.documentId}#` },
    entity: {},
    activity: {},
    agent: {},
    wasGeneratedBy: {},
    used: {},
    wasAssociatedWith: {},
    wasAttributedTo: {},
    wasDerivedFrom: {},
    actedOnBehalfOf: {},
    wasInvalidatedBy: {},
  };
  const counters = new Map<string, number>();
  const relation = (kind: Exclude<keyof ProvJson, 'prefix' | 'entity' | 'activity' | 'agent'>, attributes: Attributes) => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    prov[kind][`_:${kind}${n}`] = attributes;
  };

  const people = new Map<string, string>();
  const person = (name: string): string => {
    let id = people.get(name);
    if (!id) {
      id = name === 'system' ? 'rec:aiprov-software' : `rec:person-${people.size + 1}`;
      people.set(name, id);
      prov.agent[id] =
        name === 'system'
          ? { 'prov:type': qname('prov:SoftwareAgent'), 'prov:label': 'aiprov' }
          : { 'prov:type': qname('prov:Person'), 'prov:label': name };
    }
    return id;
  };
  const softwareAgent = (kind: 'model' | 'tool' | 'provider', key: string, label: string, extra: Attributes = {}): string => {
    const id = `rec:${kind}-${slug(key)}`;
    if (!prov.agent[id]) {
      prov.agent[id] = { 'prov:type': qname(kind === 'provider' ? 'prov:Organization' : 'prov:SoftwareAgent'), 'prov:label': label, ...extra };
    }
    return id;
  };

  prov.entity['rec:document'] = {
    'prov:type': qname('aiprov:Document'),
    'prov:label': record.documentId,
    'aiprov:profile': state.profileId ?? '',
    'aiprov:eventCount': record.events.length,
  };

  const versions = new Map<string, { id: string; n: number }>();
  const claimEntity = (passageId: string, claimId: string) => `rec:claim-${passageId}-${claimId}`;
  const addClaims = (passageId: string, versionId: string, claims: readonly { claimId: string; kind: string; subtype: string; text: string; value: string }[]) => {
    for (const claim of claims) {
      const id = claimEntity(passageId, claim.claimId);
      if (prov.entity[id]) continue;
      prov.entity[id] = {
        'prov:type': qname(claim.kind === 'figure' ? 'aiprov:Figure' : 'aiprov:Citation'),
        'prov:label': claim.text,
        'prov:value': claim.value,
        'aiprov:subtype': claim.subtype,
      };
      relation('wasDerivedFrom', { 'prov:generatedEntity': id, 'prov:usedEntity': versionId, 'prov:type': qname('prov:Quotation') });
    }
  };

  for (const event of record.events) {
    if (!isKnownEvent(event)) continue;
    const actorId = person(event.actor);
    switch (event.type) {
      case 'passage-generated': {
        const d = event.data;
        const activityId = `rec:${d.origin === 'declared' ? 'declare' : 'generate'}-${event.seq}`;
        const versionId = `rec:passage-${d.passageId}-v0`;
        versions.set(d.passageId, { id: versionId, n: 0 });
        prov.activity[activityId] = {
          'prov:type': qname(d.origin === 'declared' ? 'aiprov:DeclaredAiText' : 'aiprov:AiGeneration'),
          'prov:startTime': d.timings?.startedAt ?? event.at,
          'prov:endTime': event.at,
          'aiprov:purpose': d.purpose,
          'aiprov:level': d.level,
          ...(d.redactions ? { 'aiprov:redactions': JSON.stringify(d.redactions) } : {}),
        };
        prov.entity[versionId] = {
          'prov:type': qname('aiprov:PassageVersion'),
          'prov:value': d.originalText,
          'aiprov:sha256': d.originalHash,
          'aiprov:passageId': d.passageId,
        };
        relation('wasGeneratedBy', { 'prov:entity': versionId, 'prov:activity': activityId, 'prov:time': dateTime(event.at) });
        relation('wasAttributedTo', { 'prov:entity': versionId, 'prov:agent': actorId });
        relation('wasAssociatedWith', { 'prov:activity': activityId, 'prov:agent': actorId });
        if (d.provider) {
          const providerId = softwareAgent('provider', d.provider.id, d.provider.name, {
            'aiprov:tier': d.provider.tier,
            'aiprov:endpointHost': d.provider.endpointHost,
          });
          relation('wasAssociatedWith', { 'prov:activity': activityId, 'prov:agent': providerId });
          if (d.model) {
            const modelId = softwareAgent('model', `${d.provider.id}-${d.model}`, d.model, { 'aiprov:provider': d.provider.name });
            relation('wasAssociatedWith', { 'prov:activity': activityId, 'prov:agent': modelId });
            relation('actedOnBehalfOf', { 'prov:delegate': modelId, 'prov:responsible': actorId, 'prov:activity': activityId });
          }
        }
        if (d.tool) {
          const toolId = softwareAgent('tool', d.tool, d.tool);
          relation('wasAssociatedWith', { 'prov:activity': activityId, 'prov:agent': toolId });
          relation('actedOnBehalfOf', { 'prov:delegate': toolId, 'prov:responsible': actorId, 'prov:activity': activityId });
        }
        if (d.prompt !== undefined) {
          const promptId = `rec:prompt-${event.seq}`;
          prov.entity[promptId] = { 'prov:type': qname('aiprov:Prompt'), 'prov:value': d.prompt };
          relation('used', { 'prov:activity': activityId, 'prov:entity': promptId });
        }
        for (const source of d.sources ?? []) {
          const sourceId = `rec:source-${source.sha256}`;
          prov.entity[sourceId] ??= { 'prov:type': qname('aiprov:SourceDocument'), 'prov:label': source.name, 'aiprov:sha256': source.sha256, 'aiprov:chars': source.chars };
          relation('used', { 'prov:activity': activityId, 'prov:entity': sourceId });
        }
        addClaims(d.passageId, versionId, d.claims);
        break;
      }
      case 'passage-edited': {
        const previous = versions.get(event.data.passageId);
        if (!previous) break;
        const activityId = `rec:edit-${event.seq}`;
        const versionId = `rec:passage-${event.data.passageId}-v${previous.n + 1}`;
        versions.set(event.data.passageId, { id: versionId, n: previous.n + 1 });
        prov.activity[activityId] = { 'prov:type': qname('aiprov:HumanEdit'), 'prov:startTime': event.at, 'prov:endTime': event.at };
        prov.entity[versionId] = {
          'prov:type': qname('aiprov:PassageVersion'),
          'prov:value': event.data.text,
          'aiprov:sha256': event.data.textHash,
          'aiprov:passageId': event.data.passageId,
          'aiprov:editRatio': event.data.editRatio,
        };
        relation('used', { 'prov:activity': activityId, 'prov:entity': previous.id });
        relation('wasGeneratedBy', { 'prov:entity': versionId, 'prov:activity': activityId, 'prov:time': dateTime(event.at) });
        relation('wasDerivedFrom', { 'prov:generatedEntity': versionId, 'prov:usedEntity': previous.id, 'prov:activity': activityId, 'prov:type': qname('prov:Revision') });
        relation('wasAttributedTo', { 'prov:entity': versionId, 'prov:agent': actorId });
        relation('wasAssociatedWith', { 'prov:activity': activityId, 'prov:agent': actorId });
        addClaims(event.data.passageId, versionId, event.data.claims);
        break;
      }
      case 'claim-verified':
      case 'claim-rejected': {
        const claimId = claimEntity(event.data.passageId, event.data.claimId);
        if (!prov.entity[claimId]) break;
        const verified = event.type === 'claim-verified';
        const activityId = `rec:${verified ? 'verify' : 'reject'}-${event.seq}`;
        const verdictId = `rec:verdict-${event.seq}`;
        prov.activity[activityId] = { 'prov:type': qname(verified ? 'aiprov:ClaimVerification' : 'aiprov:ClaimRejection'), 'prov:startTime': event.at, 'prov:endTime': event.at };
        prov.entity[verdictId] = {
          'prov:type': qname('aiprov:Verdict'),
          'aiprov:status': verified ? 'verified' : 'rejected',
          'aiprov:claimText': event.data.claimText,
          'aiprov:claimTextSha256': event.data.claimTextHash,
          ...(event.type === 'claim-rejected' ? { 'aiprov:reason': event.data.reason } : {}),
        };
        relation('used', { 'prov:activity': activityId, 'prov:entity': claimId });
        if (event.type === 'claim-verified') {
          const evidenceId = `rec:evidence-${event.seq}`;
          // issue 10 — evidence: the kind, hash and located passage, the note and the grounding then.
          const e = event.data.evidence;
          const g = event.data.grounding;
          prov.entity[evidenceId] = {
            'prov:type': qname(!e ? 'aiprov:OfficialSource' : e.kind === 'manual' ? 'aiprov:ManualConfirmation' : e.kind === 'registry' ? 'aiprov:RegistryEntry' : e.kind === 'excerpt' ? 'aiprov:Excerpt' : 'aiprov:SourceDocument'),
            'prov:label': event.data.source,
            'aiprov:evidenceKind': e?.kind ?? 'none',
            ...(e && (e.kind === 'document' || e.kind === 'excerpt') ? { 'aiprov:sha256': e.sha256, 'aiprov:locatedStart': e.at.start, 'aiprov:locatedEnd': e.at.end, 'aiprov:locatedPassage': e.at.snippet } : {}),
            ...(e?.kind === 'registry' ? { 'aiprov:symbol': e.symbol, 'aiprov:documentType': e.type, 'aiprov:issued': e.issued, 'aiprov:registryStatus': e.status } : {}),
            ...(e?.kind === 'manual' ? { 'aiprov:manualNote': e.note } : {}),
          };
          if (event.data.note) prov.entity[verdictId]!['aiprov:note'] = event.data.note;
          if (g) prov.entity[verdictId]!['aiprov:groundingResult'] = g.result;
          relation('used', { 'prov:activity': activityId, 'prov:entity': evidenceId });
          prov.activity[activityId]!['aiprov:agentRole'] = 'verifier';
        }
        relation('wasGeneratedBy', { 'prov:entity': verdictId, 'prov:activity': activityId, 'prov:time': dateTime(event.at) });
        relation('wasDerivedFrom', { 'prov:generatedEntity': verdictId, 'prov:usedEntity': claimId, 'prov:activity': activityId });
        relation('wasAttributedTo', { 'prov:entity': verdictId, 'prov:agent': actorId });
        relation('wasAssociatedWith', { 'prov:activity': activityId, 'prov:agent': actorId });
        break;
      }
      case 'passage-removed': {
        const current = versions.get(event.data.passageId);
        if (!current) break;
        const activityId = `rec:remove-${event.seq}`;
        prov.activity[activityId] = { 'prov:type': qname('aiprov:PassageRemoval'), 'prov:startTime': event.at, 'prov:endTime': event.at };
        relation('wasInvalidatedBy', { 'prov:entity': current.id, 'prov:activity': activityId, 'prov:time': dateTime(event.at) });
        relation('wasAssociatedWith', { 'prov:activity': activityId, 'prov:agent': actorId });
        break;
      }
      case 'disclosure-inserted': {
        const activityId = `rec:disclose-${event.seq}`;
        prov.activity[activityId] = { 'prov:type': qname('aiprov:DisclosureInsertion'), 'prov:startTime': event.at, 'prov:endTime': event.at, 'aiprov:text': event.data.text, 'aiprov:profile': event.data.profile };
        relation('used', { 'prov:activity': activityId, 'prov:entity': 'rec:document' });
        relation('wasAssociatedWith', { 'prov:activity': activityId, 'prov:agent': actorId });
        break;
      }
      case 'signed-off': {
        const activityId = `rec:signoff-${event.seq}`;
        const current = state.signOffs.find((s) => s.seq === event.seq)?.current ?? false;
        prov.activity[activityId] = {
          'prov:type': qname('aiprov:SignOff'),
          'prov:startTime': event.at,
          'prov:endTime': event.at,
          ...(event.data.role ? { 'prov:role': event.data.role } : {}),
          'aiprov:passages': event.data.summary.passages,
          'aiprov:claims': event.data.summary.claims,
          'aiprov:verified': event.data.summary.verified,
          'aiprov:current': current,
        };
        relation('used', { 'prov:activity': activityId, 'prov:entity': 'rec:document' });
        relation('wasAssociatedWith', { 'prov:activity': activityId, 'prov:agent': actorId });
        break;
      }
      default:
        break;
    }
  }
  return prov;
}
