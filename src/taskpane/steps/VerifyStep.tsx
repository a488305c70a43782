/**
 * Step 5 (KAI-CB Điều 10, bước 4–5; QC-PB Điều 4.2): check the output. Every AI passage with its
 * claims (figures and citations): form warnings from the checks engine, what grounding found in the
 * sources, and for each claim a named person verifies it with a source, or rejects it with a reason.
 * Text pasted from an outside AI tool can be declared here so it follows the same verification.
 */
import {
  Badge,
  Body1Strong,
  Button,
  Caption1,
  Field,
  Input,
  Subtitle2,
} from '@fluentui/react-components';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import type { GroundingResult } from '../../ai';
import { scanText } from '../../checks';
import type { ClaimTarget, HostParagraph } from '../../host/port';
import type { ClaimState, PassageState, RecordState } from '../../provenance';
import { evidenceLabel, passageCondition, passageRegistryDiagnostics, qualifiedClaimId, resultLabel, shortId, suggestedSourceOfText, type EvidenceInput, type PassageCondition } from '../../workflow';
import type { SuggestedSource } from '../../checks/registry/suggest';
import type { PaneRegistryState } from '../registry';
import { focusSoon } from '../components/Announcer';
import { EvidenceForm } from './EvidenceForm'; // issue 10 — evidence
import { usePaneStyles } from '../components/styles';
import { useI18n } from '../useI18n';
import { DeclareForm, type DeclareFormProps } from './DeclareForm';

export interface VerifyStepProps {
  readonly state: RecordState | undefined;
  readonly groundings: Readonly<Record<string, GroundingResult>>;
  readonly onVerify: (claim: string, evidence: EvidenceInput, note?: string) => Promise<boolean>;
  readonly onReject: (claim: string, reason: string) => Promise<boolean>;
  readonly canRecord: boolean;
  readonly busy: boolean;
  /** issue 10 — evidence: the profile asks a note for a contradicted claim. */
  readonly noteRequiredWhenContradicted?: boolean;
  readonly paragraphs: readonly HostParagraph[];
  readonly declare: Omit<DeclareFormProps, 'paragraphs' | 'canRecord' | 'busy'>;
  /** Selects a passage (or a claim in it) in the document; absent where the host cannot. */
  readonly onSelect?: (passageId: string, claim?: ClaimTarget) => void;
  /** issue 9 — registry: the legal-document registry (core + organisation), loaded lazily. */
  readonly registry?: PaneRegistryState;
  /** A claim's card became current (focus moved into it). */
  readonly onCurrentClaim?: (passageId: string, claim: ClaimTarget) => void;
}

/** Which occurrence of the claim's text inside the passage the claim is (0 = the first). */
export function claimOccurrence(text: string, claim: { text: string; start: number }): number {
  let count = 0;
  for (let at = text.indexOf(claim.text); at >= 0 && at < claim.start; at = text.indexOf(claim.text, at + Math.max(1, claim.text.length))) count++;
  return count;
}

export const CONDITION_BADGE: Record<PassageCondition, 'warning' | 'success' | 'danger'> = {
  unverified: 'warning',
  verified: 'success',
  'needs-review': 'danger',
};

const CLAIM_BADGE: Record<ClaimState['status'], 'warning' | 'success' | 'danger'> = {
  unverified: 'warning',
  verified: 'success',
  rejected: 'danger',
  lapsed: 'danger',
};

export function VerifyStep(props: VerifyStepProps): ReactNode {
  const { state, groundings, canRecord, busy, paragraphs } = props;
  const { t } = useI18n();
  const styles = usePaneStyles();
  const passages = state?.passages.filter((p) => !p.removed) ?? [];
  // Every claim of every passage in one order, walked with next / previous.
  const order = passages.flatMap((p) => p.claims.map((c) => qualifiedClaimId(p.passageId, c.claimId)));
  const listRef = useRef<HTMLDivElement>(null);
  const walk = (reference: string, step: 1 | -1): void => {
    const target = order[order.indexOf(reference) + step];
    if (!target) return;
    const card = listRef.current?.querySelector<HTMLElement>(`[data-claim-card="${target}"]`);
    (card?.querySelector<HTMLElement>('[data-claim-source]') ?? card)?.focus();
  };
  return (
    <div className={styles.stack} ref={listRef}>
      {passages.length === 0 ? <Caption1>{t('verify.noPassages')}</Caption1> : null}
      {passages.length > 0 && props.registry ? <RegistryUsedNote registry={props.registry} /> : null}
      <ul className={styles.plainList} aria-label={t('verify.passagesList')}>
        {passages.map((passage) => (
          <PassageCard key={passage.passageId} passage={passage} grounding={groundings[passage.passageId]} order={order} walk={walk} {...props} />
        ))}
      </ul>
      {/* Text pasted from an outside AI tool: folded away, it is the exception. */}
      <details>
        <summary>{t('declare.open')}</summary>
        <DeclareForm {...props.declare} paragraphs={paragraphs} canRecord={canRecord} busy={busy} />
      </details>
    </div>
  );
}

/** Which registry the citations were checked against (issue 9): the core one, the organisation's files, what could not be used. */
function RegistryUsedNote({ registry }: { readonly registry: PaneRegistryState }): ReactNode {
  const { t } = useI18n();
  const styles = usePaneStyles();
  if (registry.status !== 'ready') {
    if (registry.status === 'loading') return <Caption1>{t('verify.registryLoading')}</Caption1>;
    if (registry.status === 'failed') return <Caption1 className={styles.warningText}>{t('verify.registryFailed')}</Caption1>;
    return null;
  }
  const org = registry.used.files.map((f) => t('verify.registryOrg', { file: f.file, n: f.entries })).join('');
  return (
    <div className={styles.tight} data-registry-used>
      <Caption1>{t('verify.registryUsed', { core: registry.used.core, org })}</Caption1>
      {registry.used.problems.map((p) => (
        <Caption1 key={p.file} className={styles.warningText}>
          {t(`verify.registryProblem.${p.reason}` as const, { file: p.file, detail: p.detail })}
        </Caption1>
      ))}
    </div>
  );
}

function PassageCard({
  passage,
  grounding,
  registry: registryState,
  onVerify,
  onReject,
  canRecord,
  busy,
  onSelect,
  onCurrentClaim,
  noteRequiredWhenContradicted,
  paragraphs,
  order,
  walk,
}: {
  readonly passage: PassageState;
  readonly grounding: GroundingResult | undefined;
  readonly order: readonly string[];
  readonly walk: (reference: string, step: 1 | -1) => void;
} & VerifyStepProps): ReactNode {
  const { t } = useI18n();
  const styles = usePaneStyles();
  const condition = passageCondition(passage);
  const diagnostics = useMemo(() => scanText(passage.currentText).diagnostics, [passage.currentText]);
  const registry = registryState?.status === 'ready' ? registryState.registry : undefined;
  // issue 9 — registry: the same pure checks as aiprov scan / inspect, once the registry chunk is here.
  const registryDiagnostics = useMemo(() => (registry ? passageRegistryDiagnostics(passage.currentText, registry) : []), [passage.currentText, registry]);
  const headingId = `passage-${passage.passageId}`;
  const origin = passage.origin === 'declared' ? t('verify.declaredFrom', { tool: passage.tool ?? '' }) : t('verify.generatedBy', { provider: passage.provider?.name ?? '' });
  return (
    <li className={styles.item} aria-labelledby={headingId}>
      <div className={styles.row}>
        <Subtitle2 as="h3" id={headingId} className={styles.heading}>
          {t('verify.passageHeading', { id: shortId(passage.passageId) })}
        </Subtitle2>
        <Badge appearance="filled" color={CONDITION_BADGE[condition]} className={styles.pill}>
          {t(`condition.${condition}`)}
        </Badge>
        {passage.verbatim ? (
          <Badge appearance="outline" color="warning" className={styles.pill}>
            {t('verify.verbatim')}
          </Badge>
        ) : null}
      </div>
      <Caption1>{origin}</Caption1>
      {onSelect ? (
        <div className={styles.row}>
          <Button size="small" aria-label={t('verify.selectPassage', { id: shortId(passage.passageId) })} onClick={() => onSelect(passage.passageId)}>
            {t('verify.select')}
          </Button>
        </div>
      ) : null}
      <details>
        <summary>{t('verify.fullText')}</summary>
        <p className={styles.quote}>{passage.currentText}</p>
      </details>
      {passage.claims.length === 0 ? <Caption1>{t('verify.noClaims')}</Caption1> : null}
      <ul className={styles.plainList} aria-label={t('verify.claimsList', { id: shortId(passage.passageId) })}>
        {passage.claims.map((claim) => (
          <ClaimRow
            key={claim.claimId}
            reference={qualifiedClaimId(passage.passageId, claim.claimId)}
            position={order.indexOf(qualifiedClaimId(passage.passageId, claim.claimId))}
            total={order.length}
            walk={walk}
            where={
              paragraphs.find((p) => p.passageId === passage.passageId)
                ? t('verify.where', { paragraph: paragraphs.find((p) => p.passageId === passage.passageId)!.index, id: shortId(passage.passageId) })
                : t('verify.whereUnknown', { id: shortId(passage.passageId) })
            }
            context={passage.currentText}
            claim={claim}
            warnings={diagnostics.filter((d) => d.severity !== 'info' && d.start < claim.end && d.end > claim.start).map((d) => d.message)}
            registryWarnings={registryDiagnostics.filter((d) => d.severity !== 'info' && d.start < claim.end && d.end > claim.start).map((d) => d.message)}
            registrySource={registry && claim.kind === 'citation' ? suggestedSourceOfText(claim.text, registry) : undefined}
            grounding={grounding?.claims.find((g) => g.finding.text === claim.text)}
            onVerify={onVerify}
            onReject={onReject}
            canRecord={canRecord}
            busy={busy}
            noteRequired={noteRequiredWhenContradicted ?? false}
            {...(onSelect
              ? { onSelect: () => onSelect(passage.passageId, { text: claim.text, occurrence: claimOccurrence(passage.currentText, claim) }) }
              : {})}
            {...(onCurrentClaim
              ? { onCurrent: () => onCurrentClaim(passage.passageId, { text: claim.text, occurrence: claimOccurrence(passage.currentText, claim) }) }
              : {})}
          />
        ))}
      </ul>
    </li>
  );
}

interface ClaimRowProps {
  readonly reference: string;
  /** Place in the walk over every claim (0-based) and how many there are. */
  readonly position: number;
  readonly total: number;
  readonly walk: (reference: string, step: 1 | -1) => void;
  /** Where the claim is: paragraph and passage. */
  readonly where: string;
  /** The passage text, for the few words around the claim. */
  readonly context: string;
  readonly claim: ClaimState;
  readonly warnings: readonly { vi: string; en: string }[];
  readonly registryWarnings?: readonly { vi: string; en: string }[];
  readonly registrySource?: SuggestedSource | undefined;
  readonly grounding: GroundingResult['claims'][number] | undefined;
  readonly onVerify: VerifyStepProps['onVerify'];
  readonly onReject: (claim: string, reason: string) => Promise<boolean>;
  readonly canRecord: boolean;
  readonly busy: boolean;
  readonly noteRequired: boolean;
  readonly onSelect?: () => void;
  readonly onCurrent?: () => void;
}

/** The claim with a few words either side, the claim itself marked. */
function ClaimInContext({ text, claim }: { readonly text: string; readonly claim: ClaimState }): ReactNode {
  const styles = usePaneStyles();
  const start = Math.max(0, claim.start - 50);
  const end = Math.min(text.length, claim.end + 50);
  if (text.slice(claim.start, claim.end) !== claim.text) return <p className={styles.quote}><mark className={styles.claimMark}>{claim.text}</mark></p>;
  return (
    <p className={styles.quote}>
      {start > 0 ? '…' : ''}
      {text.slice(start, claim.start)}
      <mark className={styles.claimMark}>{claim.text}</mark>
      {text.slice(claim.end, end)}
      {end < text.length ? '…' : ''}
    </p>
  );
}

function ClaimRow({ reference, position, total, walk, where, context, claim, warnings, registryWarnings = [], registrySource, grounding, onVerify, onReject, canRecord, busy, noteRequired, onSelect, onCurrent }: ClaimRowProps): ReactNode {
  const { t, language } = useI18n();
  const styles = usePaneStyles();
  const [reason, setReason] = useState('');
  const [rejecting, setRejecting] = useState(false);
  const labelId = `claim-${reference}`;
  const suggestion =
    grounding && grounding.status !== 'ungrounded' && grounding.match
      ? t('verify.suggestedSource', { n: grounding.match.sourceIndex + 1, snippet: grounding.match.snippet })
      : null;
  return (
    <li className={styles.item} aria-labelledby={labelId} data-claim-card={reference} tabIndex={-1} onFocus={onCurrent}>
      <Caption1>{t('verify.claimPosition', { n: position + 1, total })}</Caption1>
      <div className={styles.row}>
        <Body1Strong id={labelId}>{claim.text}</Body1Strong>
        <Badge appearance="tint" color="informative" className={styles.pill}>
          {t(`claimKind.${claim.kind}`)}
        </Badge>
        <Badge appearance="filled" color={CLAIM_BADGE[claim.status]} className={styles.pill}>
          {t(`claimStatus.${claim.status}`)}
        </Badge>
      </div>
      <Caption1>{where}</Caption1>
      <ClaimInContext text={context} claim={claim} />
      {onSelect ? (
        <div className={styles.row}>
          <Button size="small" appearance="subtle" aria-label={t('verify.selectClaim', { claim: claim.text })} onClick={onSelect}>
            {t('verify.select')}
          </Button>
        </div>
      ) : null}
      {claim.status === 'verified' ? (
        <Caption1 className={!claim.evidence || claim.evidence.kind === 'manual' ? styles.warningText : undefined}>
          {t('evidence.verified', { who: claim.verifiedBy ?? '', kind: evidenceLabel(claim.evidence)[language], source: claim.source ?? '' })}
        </Caption1>
      ) : null}
      {claim.status === 'rejected' ? <Caption1>{t('verify.rejectedBy', { who: claim.rejectedBy ?? '', reason: claim.rejectionReason ?? '' })}</Caption1> : null}
      {claim.status === 'lapsed' ? <Caption1 className={styles.warningText}>{t('verify.lapsed')}</Caption1> : null}
      {warnings.map((w, i) => (
        <Caption1 key={i} className={styles.warningText}>
          {t('verify.formWarning', { message: w[language] })}
        </Caption1>
      ))}
      {registryWarnings.map((w, i) => (
        <Caption1 key={`r${i}`} className={styles.warningText}>
          {t('verify.registryWarning', { message: w[language] })}
        </Caption1>
      ))}
      {registrySource && claim.status !== 'verified' ? <Caption1>{t('verify.registrySource', { label: registrySource.label[language] })}</Caption1> : null}
      {claim.grounding ? (
        // issue 10 — evidence: the grounding kept in the record (the same in every session).
        <Caption1 className={claim.grounding.result === 'found' ? undefined : styles.warningText}>
          {claim.grounding.at && claim.grounding.source
            ? t('evidence.groundingAt', { result: resultLabel(claim.grounding.result)[language], source: claim.grounding.source.name, snippet: claim.grounding.at.snippet })
            : t('evidence.grounding', { result: resultLabel(claim.grounding.result)[language] })}
        </Caption1>
      ) : claim.status !== 'verified' ? (
        <Caption1>{suggestion ?? (grounding ? t('verify.ungrounded') : t('verify.noSuggestion'))}</Caption1>
      ) : null}
      {claim.status !== 'verified' ? (
        <EvidenceForm reference={reference} claim={claim} noteRequired={noteRequired} canRecord={canRecord} busy={busy} onVerify={onVerify} />
      ) : null}
      {claim.status !== 'rejected' && !rejecting ? (
        <div className={styles.row}>
          <Button
            size="small"
            appearance="subtle"
            onClick={(event) => {
              const card = event.currentTarget.closest('[data-claim-card]');
              setRejecting(true);
              focusSoon(() => card?.querySelector<HTMLElement>('[data-claim-reason]'));
            }}
          >
            {t('verify.showReject')}
          </Button>
        </div>
      ) : null}
      {claim.status !== 'rejected' && rejecting ? (
        <div className={styles.row}>
          <Field label={t('verify.reasonLabel', { claim: claim.text })} size="small" className={styles.field}>
            <Input size="small" value={reason} data-claim-reason onChange={(_event, data) => setReason(data.value)} />
          </Field>
          <Button size="small" disabled={!canRecord || busy || !reason.trim()} onClick={() => void onReject(reference, reason).then((ok) => ok && setReason(''))}>
            {t('verify.reject')}
          </Button>
        </div>
      ) : null}
      {total > 1 ? (
        <div className={styles.row}>
          <Button size="small" disabled={position <= 0} onClick={() => walk(reference, -1)}>
            {t('verify.previous')}
          </Button>
          <Button size="small" disabled={position >= total - 1} onClick={() => walk(reference, 1)}>
            {t('verify.nextClaim')}
          </Button>
        </div>
      ) : null}
    </li>
  );
}
