// Built-in profiles. `strict` is not written by hand: it is computed from the two regulations by
// mergeStricter(), so a change to either regulation's profile flows into it.
import type { Bilingual } from '../checks/types';
import { ARTICLES } from './articles';
import { FORBIDDEN, PURPOSES } from './purposes';
import {
  DATA_ACTIONS,
  PROVIDER_TIERS,
  SIGN_OFF_ACTIONS,
  profileSchema,
  type DataAction,
  type DisclosureOption,
  type ForbiddenPurpose,
  type LevelRule,
  type Profile,
  type SignOffRules,
  type TierActions,
  type TierRule,
} from './schema';

const open: TierRule = { allowed: true, redaction: false };
const redacted: TierRule = { allowed: true, redaction: true };
const closed: TierRule = { allowed: false, redaction: false };

const secretLevel = (articles: Bilingual[]): LevelRule => ({
  tiers: { public: closed, 'external-contracted': closed, internal: closed, 'licensed-secret': closed },
  articles,
});

const ALL_PURPOSES = PURPOSES.map((p) => p.id);

/** "dự toán ngân sách năm 2026 chưa được công bố", "giá gói thầu chưa công khai"… */
const UNPUBLISHED_SIGNALS = ['dự toán', 'ngân sách', 'thầu', 'quy hoạch'].flatMap((topic) => [
  `${topic} … chưa … công bố`,
  `${topic} … chưa … công khai`,
]);

const QC_PB_DISCLOSURE: DisclosureOption = {
  text: 'Nội dung có tham khảo, hỗ trợ từ công cụ AI và đã được kiểm chứng',
  translation: 'Content prepared with reference to and support from AI tools, and verified',
  article: ARTICLES.qcpbDisclosure,
};
const KAI_CB_DISCLOSURE: DisclosureOption = {
  text: 'Nội dung/kết quả có sự hỗ trợ của AI, đã được kiểm chứng bởi chuyên gia/cơ quan chuyên môn',
  translation: 'Content/results produced with AI support, verified by experts/the competent professional body',
  article: ARTICLES.kaicbDisclosure,
};

/** Quy chế khai thác và sử dụng AI, Đảng ủy phường Phước Bình, 03/2026. */
export const QC_PB_2026: Profile = profileSchema.parse({
  id: 'qc-pb-2026',
  name: { vi: 'Quy chế AI – Đảng ủy phường Phước Bình (2026)', en: 'AI Regulation – Phước Bình Ward Party Committee (2026)' },
  basis: {
    vi: 'Quy chế khai thác và sử dụng Trí tuệ nhân tạo (AI), Đảng ủy phường Phước Bình, 03/2026',
    en: 'Regulation on exploiting and using AI, Phước Bình Ward Party Committee, 03/2026',
  },
  levels: {
    1: {
      tiers: { public: open, 'external-contracted': open, internal: open, 'licensed-secret': open },
      articles: [ARTICLES.qcpbLevel(1)],
    },
    // Internal: domestic/internal providers; an external one only once nothing identifying is left.
    2: {
      tiers: { public: redacted, 'external-contracted': redacted, internal: open, 'licensed-secret': open },
      articles: [ARTICLES.qcpbLevel(2)],
    },
    // Personal data: never a public AI; treated as internal only, redacted.
    3: {
      tiers: { public: closed, 'external-contracted': closed, internal: redacted, 'licensed-secret': redacted },
      articles: [ARTICLES.qcpbLevel(3), ARTICLES.qcpbPersonalData],
    },
    4: secretLevel([ARTICLES.qcpbLevel(4), ARTICLES.qcpbSecret, ARTICLES.lawStateSecrets]),
  },
  personalData: {
    basic: { public: 'redact', 'external-contracted': 'redact', internal: 'allow', 'licensed-secret': 'allow' },
    sensitive: { public: 'deny', 'external-contracted': 'redact', internal: 'redact', 'licensed-secret': 'redact' },
    articles: [ARTICLES.qcpbPersonalData, ARTICLES.lawPersonalData],
  },
  // QC-PB has no budget/bidding/planning rule of its own; 7.10 (uncleared internal papers) asks for care.
  unpublishedTopics: {
    subtypes: ['budget', 'bidding', 'planning'],
    signals: UNPUBLISHED_SIGNALS,
    actions: { public: 'warn', 'external-contracted': 'warn', internal: 'allow', 'licensed-secret': 'allow' },
    articles: [ARTICLES.qcpbUnclearedDrafts],
  },
  purposes: {
    offered: ALL_PURPOSES,
    forbidden: [
      FORBIDDEN.secretDocuments('warn'),
      FORBIDDEN.deepfake('deny'),
      FORBIDDEN.leadershipDecisions('warn'),
      FORBIDDEN.policyDistortion('warn'),
      FORBIDDEN.personnelFiles('deny'),
    ],
  },
  signOff: {
    unverifiedClaims: { action: 'block', articles: [ARTICLES.qcpbVerify] },
    rejectedClaims: { action: 'block', articles: [ARTICLES.qcpbVerify] },
    verbatimPassages: { action: 'warn', articles: [ARTICLES.qcpbHumanControl] },
    brokenRecord: { action: 'block', articles: [ARTICLES.qcpbExplainUse] },
    // issue 10 — evidence
    weakEvidence: { action: 'warn', articles: [ARTICLES.qcpbVerify] },
    verifierMustDifferFromAuthor: { action: 'warn', articles: [ARTICLES.qcpbHumanControl] },
    signerMustDifferFromVerifier: { action: 'warn', articles: [ARTICLES.qcpbHumanControl] },
  },
  verification: { contradictedNeedsNote: false }, // issue 10 — evidence
  disclosure: [QC_PB_DISCLOSURE],
});

/** Khung AI tin cậy tỉnh Cao Bằng, Quyết định 2081/QĐ-UBND ngày 05/12/2025. */
export const KAI_CB_2025: Profile = profileSchema.parse({
  id: 'kai-cb-2025',
  name: { vi: 'Khung AI tin cậy tỉnh Cao Bằng (2025)', en: 'Cao Bằng Trustworthy AI Framework (2025)' },
  basis: {
    vi: 'Khung AI tin cậy tỉnh Cao Bằng, ban hành kèm Quyết định 2081/QĐ-UBND ngày 05/12/2025',
    en: 'Cao Bằng Province Trustworthy AI Framework, issued with Decision 2081/QD-UBND of 5 December 2025',
  },
  levels: {
    1: {
      tiers: { public: open, 'external-contracted': open, internal: open, 'licensed-secret': open },
      articles: [ARTICLES.kaicbForbiddenData],
    },
    // Unpublished internal data must not be put onto AI platforms: public ones are closed; a contracted
    // provider under the agency's agreement may see it once identifying items are removed.
    2: {
      tiers: { public: closed, 'external-contracted': redacted, internal: open, 'licensed-secret': open },
      articles: [ARTICLES.kaicbForbiddenData],
    },
    3: {
      tiers: { public: closed, 'external-contracted': closed, internal: redacted, 'licensed-secret': redacted },
      articles: [ARTICLES.kaicbForbiddenData, ARTICLES.kaicbHighlySensitive, ARTICLES.lawPersonalData],
    },
    4: secretLevel([ARTICLES.kaicbForbiddenData, ARTICLES.kaicbHighlySensitive, ARTICLES.lawStateSecrets]),
  },
  personalData: {
    basic: { public: 'redact', 'external-contracted': 'redact', internal: 'allow', 'licensed-secret': 'allow' },
    sensitive: { public: 'deny', 'external-contracted': 'deny', internal: 'redact', 'licensed-secret': 'redact' },
    articles: [ARTICLES.kaicbForbiddenData, ARTICLES.kaicbHighlySensitive, ARTICLES.lawPersonalData],
  },
  // Điều 7: unpublished budget, bidding and planning content never goes to an AI outside the agency.
  unpublishedTopics: {
    subtypes: ['budget', 'bidding', 'planning'],
    signals: UNPUBLISHED_SIGNALS,
    actions: { public: 'deny', 'external-contracted': 'deny', internal: 'warn', 'licensed-secret': 'warn' },
    articles: [ARTICLES.kaicbForbiddenData],
  },
  purposes: {
    offered: ALL_PURPOSES,
    forbidden: [
      FORBIDDEN.sanctions('deny'),
      FORBIDDEN.appraisal('warn'),
      FORBIDDEN.highlySensitive('warn'),
      FORBIDDEN.financeApproval('warn'),
    ],
  },
  signOff: {
    unverifiedClaims: { action: 'block', articles: [ARTICLES.kaicbVerifyFigures, ARTICLES.kaicbUnverifiedBasis] },
    rejectedClaims: { action: 'block', articles: [ARTICLES.kaicbUnverifiedBasis] },
    verbatimPassages: { action: 'block', articles: [ARTICLES.kaicbNoVerbatim] },
    brokenRecord: { action: 'block', articles: [ARTICLES.kaicbRecordUse, ARTICLES.kaicbProcess] },
    // issue 10 — evidence
    weakEvidence: { action: 'warn', articles: [ARTICLES.kaicbVerifyFigures, ARTICLES.kaicbCiteSource] },
    verifierMustDifferFromAuthor: { action: 'block', articles: [ARTICLES.kaicbOwnReview, ARTICLES.kaicbProcess] },
    signerMustDifferFromVerifier: { action: 'block', articles: [ARTICLES.kaicbOwnReview, ARTICLES.kaicbProcess] },
  },
  verification: { contradictedNeedsNote: true }, // issue 10 — evidence (KAI-CB 6.1: figures rest on official data)
  disclosure: [KAI_CB_DISCLOSURE],
});

// ---- merging ------------------------------------------------------------------------------------

const rank = <T extends string>(order: readonly T[], x: T) => order.indexOf(x);
const stricterOf = <T extends string>(order: readonly T[], a: T, b: T): T =>
  rank(order, a) >= rank(order, b) ? a : b;

function unionBy<T>(a: readonly T[], b: readonly T[], key: (x: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const x of [...a, ...b]) if (!seen.has(key(x))) seen.set(key(x), x);
  return [...seen.values()];
}
const unionArticles = (a: readonly Bilingual[], b: readonly Bilingual[]) => unionBy(a, b, (x) => x.vi);
const unionStrings = (a: readonly string[], b: readonly string[]) => unionBy(a, b, (x) => x);

function mergeTierRule(a: TierRule, b: TierRule): TierRule {
  const allowed = a.allowed && b.allowed;
  return { allowed, redaction: allowed && (a.redaction || b.redaction) };
}

function mergeLevel(a: LevelRule, b: LevelRule): LevelRule {
  const tiers = {} as LevelRule['tiers'];
  for (const t of PROVIDER_TIERS) tiers[t] = mergeTierRule(a.tiers[t], b.tiers[t]);
  return { tiers, articles: unionArticles(a.articles, b.articles) };
}

function mergeActions(a: TierActions, b: TierActions): TierActions {
  const out = {} as TierActions;
  for (const t of PROVIDER_TIERS) out[t] = stricterOf<DataAction>(DATA_ACTIONS, a[t], b[t]);
  return out;
}

function mergeForbidden(a: readonly ForbiddenPurpose[], b: readonly ForbiddenPurpose[]): ForbiddenPurpose[] {
  const byId = new Map<string, ForbiddenPurpose>();
  for (const f of [...a, ...b]) {
    const prev = byId.get(f.id);
    byId.set(
      f.id,
      prev
        ? {
            ...prev,
            articles: unionArticles(prev.articles, f.articles),
            signals: unionStrings(prev.signals, f.signals),
            topicSubtypes: unionStrings(prev.topicSubtypes, f.topicSubtypes),
            signalAction: prev.signalAction === 'deny' || f.signalAction === 'deny' ? 'deny' : 'warn',
          }
        : f,
    );
  }
  return [...byId.values()];
}

function mergeSignOff(a: SignOffRules, b: SignOffRules): SignOffRules {
  const out = {} as SignOffRules;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof SignOffRules>) {
    const [ra, rb] = [a[key], b[key]];
    if (!ra || !rb) {
      // An optional rule only one profile has (issue 11: untrustedSigner) applies as that profile says.
      const only = ra ?? rb;
      if (only) out[key] = only;
      continue;
    }
    out[key] = {
      action: stricterOf(SIGN_OFF_ACTIONS, ra.action, rb.action),
      articles: unionArticles(ra.articles, rb.articles),
    };
  }
  return out;
}

/**
 * The profile that obeys both: a tier is open only if both open it, redaction is required if either
 * requires it, every forbidden purpose of either is forbidden, the stronger signal and sign-off action
 * wins, only purposes both offer are offered. Disclosure wordings of both are offered, a's first.
 */
export function mergeStricter(a: Profile, b: Profile, id: string, name: Bilingual): Profile {
  const merged: Profile = {
    id,
    name,
    basis: { vi: `${a.basis.vi}; ${b.basis.vi}`, en: `${a.basis.en}; ${b.basis.en}` },
    levels: {
      1: mergeLevel(a.levels[1], b.levels[1]),
      2: mergeLevel(a.levels[2], b.levels[2]),
      3: mergeLevel(a.levels[3], b.levels[3]),
      4: mergeLevel(a.levels[4], b.levels[4]),
    },
    personalData: {
      basic: mergeActions(a.personalData.basic, b.personalData.basic),
      sensitive: mergeActions(a.personalData.sensitive, b.personalData.sensitive),
      articles: unionArticles(a.personalData.articles, b.personalData.articles),
    },
    unpublishedTopics: {
      subtypes: unionStrings(a.unpublishedTopics.subtypes, b.unpublishedTopics.subtypes),
      signals: unionStrings(a.unpublishedTopics.signals, b.unpublishedTopics.signals),
      actions: mergeActions(a.unpublishedTopics.actions, b.unpublishedTopics.actions),
      articles: unionArticles(a.unpublishedTopics.articles, b.unpublishedTopics.articles),
    },
    purposes: {
      offered: a.purposes.offered.filter((p) => b.purposes.offered.includes(p)),
      forbidden: mergeForbidden(a.purposes.forbidden, b.purposes.forbidden),
    },
    signOff: mergeSignOff(a.signOff, b.signOff),
    // issue 10 — evidence: a note is needed if either asks for one.
    ...(a.verification || b.verification
      ? { verification: { contradictedNeedsNote: (a.verification?.contradictedNeedsNote ?? false) || (b.verification?.contradictedNeedsNote ?? false) } }
      : {}),
    disclosure: unionBy(a.disclosure, b.disclosure, (d) => d.text),
  };
  return profileSchema.parse(merged);
}

const BOTH_REGULATIONS = mergeStricter(QC_PB_2026, KAI_CB_2025, 'strict', {
  vi: 'Nghiêm ngặt (áp dụng đồng thời QC-PB và KAI-CB)',
  en: 'Strict (QC-PB and KAI-CB together)',
});

/**
 * Both regulations, and one rule neither writes down (issue 11): a sign-off counts only when it is
 * signed with a key on the organisation's trust list, valid at the time of signing — the record must
 * answer an inspection years later (QC-PB 17.1; KAI-CB 6.2, 6.4), and a hash chain alone can be
 * rewritten. The sign-off is still recorded without one; the document then reads "not ready" and
 * says what to do (create a key, have the administrator list it).
 */
export const STRICT: Profile = profileSchema.parse({
  ...BOTH_REGULATIONS,
  signOff: { ...BOTH_REGULATIONS.signOff, untrustedSigner: { action: 'block', articles: [ARTICLES.qcpbExplainUse, ARTICLES.kaicbRecordUse] } },
});

export const BUILT_IN_PROFILES = {
  strict: STRICT,
  'qc-pb-2026': QC_PB_2026,
  'kai-cb-2025': KAI_CB_2025,
} as const satisfies Record<string, Profile>;

export type BuiltInProfileId = keyof typeof BUILT_IN_PROFILES;
export const BUILT_IN_PROFILE_IDS = Object.keys(BUILT_IN_PROFILES) as BuiltInProfileId[];
export const DEFAULT_PROFILE_ID: BuiltInProfileId = 'strict';

export function getProfile(id: BuiltInProfileId): Profile {
  return BUILT_IN_PROFILES[id];
}
