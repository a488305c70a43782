// One decision, made in code before any byte leaves the machine: may this text, at this level, go to
// a provider of this tier for this purpose? Every reason names the article it rests on.
import type { Bilingual, Finding, SensitivityLevel } from '../checks/types';
import { ARTICLES } from './articles';
import { LEVEL_LABELS, TIER_IN_SENTENCE, TIER_LABELS, TIER_RANK } from './labels';
import { purposeInfo } from './purposes';
import { PROVIDER_TIERS, type DataAction, type Profile, type ProviderTier } from './schema';
import { findSignal } from './signals';
import { bilingual } from '../i18n';

export type Outcome = 'allow' | 'warn' | 'allow-after-redaction' | 'deny';
export type ReasonSeverity = 'info' | 'warn' | 'redact' | 'deny';

export type ReasonCode =
  | 'level'
  | 'level-declared-lower'
  | 'secret'
  | 'secrecy-stamp-in-text'
  | 'secrecy-hint-in-text'
  | 'possibly-secret'
  | 'circulation-mark'
  | 'forbidden-purpose'
  | 'purpose-not-offered'
  | 'personal-data'
  | 'sensitive-personal-data'
  | 'unpublished-topic'
  | 'forbidden-purpose-signal'
  | 'redaction-coverage';

export interface Reason {
  code: ReasonCode;
  severity: ReasonSeverity;
  /** All articles joined for display: «QC-PB Điều 8 (mức 4); QC-PB Điều 7, khoản 1». */
  article: Bilingual;
  articles: Bilingual[];
  message: Bilingual;
}

export interface DecideInput {
  level: { declared?: SensitivityLevel; detected: SensitivityLevel };
  providerTier: ProviderTier;
  /** Findings of the checks engine in the text to be sent (prompt and sources). */
  findings: readonly Finding[];
  purpose: string;
  profile: Profile;
  /** The text to be sent, for signal phrases that name a forbidden purpose or unpublished data. */
  text?: string;
  /**
   * Text elsewhere in the document that may be a secrecy stamp (see `possibleStamp`), with the place
   * it was found. Together with such findings in the text to be sent, it refuses until a level is declared.
   */
  possiblySecret?: readonly PossibleSecret[];
  /** Certain secrecy stamps found in the document, with their place, so a refusal can name them. */
  secrecyStamps?: readonly PossibleSecret[];
}

export interface PossibleSecret {
  /** Where: "body", a part name ("word/header1.xml"), "docProps/core.xml", "source 1"… */
  place: string;
  text: string;
}

/** The certain secrecy stamps among findings, placed. */
export function secrecyStampsIn(findings: readonly Finding[], place: string): PossibleSecret[] {
  return findings.filter((f) => f.kind === 'mark' && f.markType === 'secrecy' && f.stamp).map((f) => ({ place, text: f.text }));
}

/** "«Tối Mật» (body); …": the first three stamps with their places, as messages name them. */
export function placedStampsText(stamps: readonly PossibleSecret[]): string {
  return stamps.slice(0, 3).map((s) => `«${s.text}» (${s.place})`).join('; ');
}

/** The possible stamps among findings, placed: the one test both documents and sources go through. */
export function possibleSecretsIn(findings: readonly Finding[], place: string): PossibleSecret[] {
  return findings.filter((f) => f.kind === 'mark' && f.possibleStamp).map((f) => ({ place, text: f.text }));
}

export interface Decision {
  outcome: Outcome;
  effectiveLevel: SensitivityLevel;
  reasons: Reason[];
  /** Present when the outcome is allow-after-redaction: the personal-data subtypes to replace. */
  redact?: { kinds: string[] };
  /** The user must acknowledge the warnings before sending. */
  confirm: boolean;
}

const SEVERITY_ORDER: readonly ReasonSeverity[] = ['info', 'warn', 'redact', 'deny'];

function joinArticles(articles: readonly Bilingual[]): Bilingual {
  return { vi: articles.map((a) => a.vi).join('; '), en: articles.map((a) => a.en).join('; ') };
}

function reason(code: ReasonCode, severity: ReasonSeverity, articles: readonly Bilingual[], message: Bilingual): Reason {
  return { code, severity, article: joinArticles(articles), articles: [...articles], message };
}

const actionSeverity = (a: DataAction): ReasonSeverity =>
  a === 'allow' ? 'info' : a === 'warn' ? 'warn' : a === 'redact' ? 'redact' : 'deny';

const maxLevel = (a: SensitivityLevel, b: SensitivityLevel): SensitivityLevel => (a >= b ? a : b);

const SECRET_MESSAGE: Bilingual = {
  vi:
    'Văn bản có nội dung bí mật nhà nước: không gửi cho bất kỳ công cụ AI nào. ' +
    'Việc soạn thảo văn bản mật trên máy tính có kết nối mạng cũng bị cấm.',
  en:
    'The text contains state-secret material: it is not sent to any AI tool. ' +
    'Drafting secret documents on a networked computer is itself forbidden.',
};

export function decide(input: DecideInput): Decision {
  const { profile, providerTier: tier, findings } = input;
  const reasons: Reason[] = [];
  const text = input.text ?? '';

  // 1. The stricter of declared and detected wins; a secrecy stamp inside the text to be sent wins over both.
  let effectiveLevel = maxLevel(input.level.declared ?? input.level.detected, input.level.detected);
  if (input.level.declared !== undefined && input.level.detected > input.level.declared) {
    reasons.push(
      reason('level-declared-lower', 'info', profile.levels[input.level.detected].articles, bilingual('policy.decide.decide.level-declared-lower', { declared: lowerCase(LEVEL_LABELS[input.level.declared]), detected: lowerCase(LEVEL_LABELS[input.level.detected]) })),
    );
  }
  // 1b. Possibly secret: nothing leaves until a person declares the level; then the declared level governs.
  const placed = input.possiblySecret ?? [];
  const possible = [...placed, ...possibleSecretsIn(findings, 'text to be sent').filter((p) => !placed.some((q) => q.text === p.text))];
  if (possible.length > 0 && input.level.declared === undefined) {
    const where = placedStampsText(possible);
    reasons.push(
      reason('possibly-secret', 'deny', [ARTICLES.qcpbSecret, ARTICLES.lawStateSecrets], bilingual('policy.decide.decide.possibly-secret', { where })),
    );
    return { outcome: 'deny', effectiveLevel, reasons, confirm: false };
  }
  const marks = findings.filter((f) => f.kind === 'mark');
  if (marks.some((m) => m.markType === 'secrecy' && m.stamp) && effectiveLevel < 4) {
    effectiveLevel = 4;
    reasons.push(
      reason('secrecy-stamp-in-text', 'info', [ARTICLES.qcpbSecret, ARTICLES.lawStateSecrets], bilingual('policy.decide.decide.secrecy-stamp-in-text')),
    );
  }

  // 2. Level 4: no AI at all unless the profile opens it to a provider licensed for secret material.
  const levelRule = profile.levels[effectiveLevel];
  const tierRule = levelRule.tiers[tier];
  if (effectiveLevel === 4 && !tierRule.allowed) {
    const articles = [...levelRule.articles];
    for (const a of [ARTICLES.qcpbSecret, ARTICLES.lawStateSecrets]) {
      if (!articles.some((x) => x.vi === a.vi)) articles.push(a);
    }
    const stamps = input.secrecyStamps ?? [];
    const where = placedStampsText(stamps);
    reasons.push(
      reason('secret', 'deny', articles, where ? bilingual('policy.decide.decide.secret', { secretMessage: SECRET_MESSAGE, where }) : SECRET_MESSAGE),
    );
    return { outcome: 'deny', effectiveLevel, reasons, confirm: false };
  }

  // 3. Purpose: forbidden purposes are refused outright; only offered purposes may be used.
  const forbiddenPurpose = profile.purposes.forbidden.find((f) => f.id === input.purpose);
  if (forbiddenPurpose) {
    reasons.push(
      reason('forbidden-purpose', 'deny', forbiddenPurpose.articles, bilingual('policy.decide.decide.forbidden-purpose', { label: forbiddenPurpose.label, explanation: forbiddenPurpose.explanation })),
    );
  } else if (!profile.purposes.offered.some((p) => p === input.purpose)) {
    const known = purposeInfo(input.purpose);
    reasons.push(
      reason('purpose-not-offered', 'deny', [ARTICLES.qcpbAllowedUses, ARTICLES.kaicbAllowedUses], bilingual('policy.decide.decide.purpose-not-offered', { value: { vi: known?.label.vi ?? input.purpose, en: known?.label.en ?? input.purpose }, name: profile.name })),
    );
  }

  // 4. The level decides which tiers may see the text and whether identifying items must go first.
  const levelName = LEVEL_LABELS[effectiveLevel];
  const tierName = TIER_IN_SENTENCE[tier];
  if (!tierRule.allowed) {
    reasons.push(
      reason('level', 'deny', levelRule.articles, bilingual('policy.decide.decide.level', { levelName, tierName })),
    );
  } else if (tierRule.redaction) {
    reasons.push(
      reason('level', 'redact', levelRule.articles, bilingual('policy.decide.decide.level2', { levelName, tierName })),
    );
  } else {
    reasons.push(
      reason('level', 'info', levelRule.articles, bilingual('policy.decide.decide.level3', { levelName, tierName })),
    );
  }

  // 5. Personal data in the text itself, whatever the level says.
  const personal = findings.filter((f) => f.kind === 'personal-data');
  const basic = personal.filter((f) => f.sensitivity === 'basic');
  const sensitive = [
    ...personal.filter((f) => f.sensitivity === 'sensitive'),
    ...findings.filter((f) => f.kind === 'topic' && f.personalData),
  ];
  if (basic.length > 0) {
    const action = profile.personalData.basic[tier];
    if (action !== 'allow') {
      reasons.push(
        reason('personal-data', actionSeverity(action), profile.personalData.articles, personalDataMessage(action, tierName, false, basic)),
      );
    }
  }
  if (sensitive.length > 0) {
    const action = profile.personalData.sensitive[tier];
    if (action !== 'allow') {
      reasons.push(
        reason('sensitive-personal-data', actionSeverity(action), profile.personalData.articles, personalDataMessage(action, tierName, true, sensitive)),
      );
    }
  }

  // 6. Unpublished budget, bidding and planning content.
  const topicRule = profile.unpublishedTopics;
  const topics = findings.filter((f) => f.kind === 'topic' && topicRule.subtypes.includes(f.subtype));
  const unpublishedSignal = findSignal(text, topicRule.signals);
  if (topics.length > 0 || unpublishedSignal) {
    let action = topicRule.actions[tier];
    // At level 1 the user and the checks agree the content is published: ask, do not refuse,
    // unless the text itself says it is unpublished.
    if (effectiveLevel === 1 && !unpublishedSignal && (action === 'deny' || action === 'redact')) action = 'warn';
    // Redacting personal data does not make a budget public: treat redact as deny here.
    if (action === 'redact') action = 'deny';
    if (action !== 'allow') {
      const seen = unpublishedSignal ? [unpublishedSignal] : topics.map((t) => t.text).slice(0, 3);
      const what = { vi: seen.map((x) => `«${x}»`).join(', '), en: seen.map((x) => `“${x}”`).join(', ') };
      reasons.push(
        reason('unpublished-topic', actionSeverity(action), topicRule.articles, {
          vi:
            action === 'deny'
              ? `Nội dung về ngân sách, đấu thầu, quy hoạch chưa công bố (${what.vi}) không được đưa vào ${tierName.vi}.`
              : `Văn bản có nội dung về ngân sách, đấu thầu hoặc quy hoạch (${what.vi}). Chỉ gửi khi nội dung này đã được công bố.`,
          en:
            action === 'deny'
              ? `Unpublished budget, bidding or planning content (${what.en}) may not be given to ${tierName.en}.`
              : `The text deals with budgets, bidding or planning (${what.en}). Send it only if this content has been published.`,
        }),
      );
    }
  }

  // 7. Text that signals a forbidden purpose.
  for (const f of profile.purposes.forbidden) {
    if (f.id === input.purpose) continue;
    const phrase = findSignal(text, f.signals);
    const topic = findings.find((x) => x.kind === 'topic' && f.topicSubtypes.includes(x.subtype));
    if (!phrase && !topic) continue;
    const seen = phrase ?? topic?.text ?? '';
    reasons.push(
      reason('forbidden-purpose-signal', f.signalAction, f.articles, {
        vi:
          f.signalAction === 'deny'
            ? `Văn bản cho thấy mục đích bị cấm (${f.label.vi}): «${seen}». ${f.explanation.vi}`
            : `Văn bản có dấu hiệu của mục đích bị cấm (${f.label.vi}): «${seen}». Hãy xác nhận AI không được dùng cho việc này.`,
        en:
          f.signalAction === 'deny'
            ? `The text points to a forbidden purpose (${f.label.en}): “${seen}”. ${f.explanation.en}`
            : `The text suggests a forbidden purpose (${f.label.en}): “${seen}”. Confirm that AI is not being used for this.`,
      }),
    );
  }

  // 8. Marks that do not set the level by themselves but ask for care.
  const hint = marks.find((m) => m.markType === 'secrecy' && !m.stamp);
  if (hint) {
    reasons.push(
      reason('secrecy-hint-in-text', 'warn', [ARTICLES.qcpbSecret, ARTICLES.lawStateSecrets], bilingual('policy.decide.decide.secrecy-hint-in-text', { text: hint.text })),
    );
  }
  const circulation = marks.find((m) => m.markType === 'circulation');
  if (circulation && tier !== 'internal' && tier !== 'licensed-secret') {
    reasons.push(
      reason('circulation-mark', 'warn', [ARTICLES.qcpbUnclearedDrafts, ARTICLES.kaicbForbiddenData], bilingual('policy.decide.decide.circulation-mark', { text: circulation.text })),
    );
  }

  let outcome = outcomeOf(reasons);
  let redact: Decision['redact'];
  if (outcome === 'allow-after-redaction') {
    const kinds = [...new Set(personal.map((f) => f.subtype))].sort();
    redact = { kinds };
    if (kinds.length === 0 || tier !== 'internal') {
      // Automated redaction only covers what the checks recognise; the person sending stays responsible.
      reasons.push(
        reason('redaction-coverage', 'warn', [ARTICLES.qcpbHumanControl], {
          vi:
            kinds.length === 0
              ? 'Không nhận diện được thông tin định danh nào để thay thế. Hãy tự rà soát: tên người, đơn vị, địa danh cụ thể có thể làm lộ nguồn.'
              : 'Công cụ chỉ thay thế được các thông tin nhận diện được. Hãy rà soát lại: tên đơn vị, địa danh, chi tiết cụ thể vẫn có thể làm lộ nguồn.',
          en:
            kinds.length === 0
              ? 'No identifying items were recognised to replace. Review the text yourself: names of people, units and places can reveal the source.'
              : 'Only recognised items are replaced. Review the text: names of units, places and specific details can still reveal the source.',
        }),
      );
    }
  }
  outcome = outcomeOf(reasons);
  const confirm = outcome !== 'deny' && reasons.some((r) => r.severity === 'warn');
  return { outcome, effectiveLevel, reasons, ...(redact && outcome === 'allow-after-redaction' ? { redact } : {}), confirm };
}

function outcomeOf(reasons: readonly Reason[]): Outcome {
  const worst = reasons.reduce<ReasonSeverity>(
    (acc, r) => (SEVERITY_ORDER.indexOf(r.severity) > SEVERITY_ORDER.indexOf(acc) ? r.severity : acc),
    'info',
  );
  return worst === 'deny' ? 'deny' : worst === 'redact' ? 'allow-after-redaction' : worst === 'warn' ? 'warn' : 'allow';
}

const lowerCase = (b: Bilingual): Bilingual => ({ vi: b.vi.toLowerCase(), en: b.en.toLowerCase() });

function personalDataMessage(action: DataAction, tierName: Bilingual, sensitive: boolean, items: readonly Finding[]): Bilingual {
  const n = items.length;
  const whatVi = sensitive ? 'dữ liệu cá nhân nhạy cảm' : 'dữ liệu cá nhân';
  const whatEn = sensitive ? 'sensitive personal data' : 'personal data';
  switch (action) {
    case 'deny':
      return bilingual('policy.decide.personalDataMessage.deny', { n, what: { vi: whatVi, en: whatEn }, tierName });
    case 'redact':
      return bilingual('policy.decide.personalDataMessage.redact', { n, what: { vi: whatVi, en: whatEn } });
    default:
      return bilingual('policy.decide.personalDataMessage', { n, what: { vi: whatVi, en: whatEn } });
  }
}

export interface TierPermission {
  tier: ProviderTier;
  label: Bilingual;
  allowed: boolean;
  redaction: boolean;
  article: Bilingual;
  articles: Bilingual[];
  message: Bilingual;
}

/** For the provider list: which tiers a document of this level may use, most trusted first. */
export function providersFor(level: SensitivityLevel, profile: Profile): TierPermission[] {
  const rule = profile.levels[level];
  return [...PROVIDER_TIERS]
    .sort((a, b) => TIER_RANK[a] - TIER_RANK[b])
    .map((tier) => {
      const t = rule.tiers[tier];
      const label = TIER_LABELS[tier];
      const levelName = LEVEL_LABELS[level];
      const message: Bilingual = !t.allowed
        ? level === 4
          ? SECRET_MESSAGE
          : bilingual('policy.decide.message', { levelName, tier: { vi: TIER_IN_SENTENCE[tier].vi, en: label.en } })
        : t.redaction
          ? bilingual('policy.decide.message2', { levelName })
          : bilingual('policy.decide.message3', { levelName });
      return { tier, label, allowed: t.allowed, redaction: t.allowed && t.redaction, article: joinArticles(rule.articles), articles: [...rule.articles], message };
    });
}
