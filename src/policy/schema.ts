// The shape of a policy profile. Profiles are data: built-in ones are TS objects validated here at
// load, an organisation's own arrives as JSON in org-settings.json and goes through the same schema.
import { z } from 'zod';
import { bilingual } from '../i18n';

export const PROVIDER_TIERS = ['public', 'external-contracted', 'internal', 'licensed-secret'] as const;
export type ProviderTier = (typeof PROVIDER_TIERS)[number];

export const PURPOSE_IDS = ['draft', 'summarize', 'translate', 'outline', 'proofread', 'analyze'] as const;
export type PurposeId = (typeof PURPOSE_IDS)[number];

export const bilingualSchema = z.strictObject({
  vi: z.string().min(1),
  en: z.string().min(1),
});

/** What a tier may do with data of one level. */
export const tierRuleSchema = z.strictObject({
  allowed: z.boolean(),
  /** Identifying items must be removed before the text leaves the machine. */
  redaction: z.boolean(),
});
export type TierRule = z.infer<typeof tierRuleSchema>;

const tierRulesSchema = z.strictObject({
  public: tierRuleSchema,
  'external-contracted': tierRuleSchema,
  internal: tierRuleSchema,
  'licensed-secret': tierRuleSchema,
});

export const levelRuleSchema = z.strictObject({
  tiers: tierRulesSchema,
  articles: z.array(bilingualSchema).min(1),
});
export type LevelRule = z.infer<typeof levelRuleSchema>;

/** Order matters: later is stricter. */
export const DATA_ACTIONS = ['allow', 'warn', 'redact', 'deny'] as const;
export type DataAction = (typeof DATA_ACTIONS)[number];
const dataActionSchema = z.enum(DATA_ACTIONS);
const tierActionsSchema = z.strictObject({
  public: dataActionSchema,
  'external-contracted': dataActionSchema,
  internal: dataActionSchema,
  'licensed-secret': dataActionSchema,
});
export type TierActions = z.infer<typeof tierActionsSchema>;

export const personalDataRuleSchema = z.strictObject({
  /** Basic personal data (name, ID numbers, phone, address…). */
  basic: tierActionsSchema,
  /** Sensitive personal data (health, political or religious views, criminal data…). */
  sensitive: tierActionsSchema,
  articles: z.array(bilingualSchema).min(1),
});
export type PersonalDataRule = z.infer<typeof personalDataRuleSchema>;

/** Topics that must not reach AI while unpublished (KAI-CB Điều 7: budget, bidding, planning). */
export const unpublishedTopicsRuleSchema = z.strictObject({
  subtypes: z.array(z.string().min(1)),
  /** Phrases that say outright the content is unpublished. */
  signals: z.array(z.string().min(1)),
  /** Applied when the effective level is 2 or more (level 1 means the user says it is published). */
  actions: tierActionsSchema,
  articles: z.array(bilingualSchema).min(1),
});
export type UnpublishedTopicsRule = z.infer<typeof unpublishedTopicsRuleSchema>;

export const SIGNAL_ACTIONS = ['warn', 'deny'] as const;
export type SignalAction = (typeof SIGNAL_ACTIONS)[number];

export const forbiddenPurposeSchema = z.strictObject({
  id: z.string().min(1),
  label: bilingualSchema,
  /** Why it is absent from the list of purposes, in plain words. */
  explanation: bilingualSchema,
  articles: z.array(bilingualSchema).min(1),
  /** Phrases in the text that suggest this purpose (matched case-insensitively, NFC). */
  signals: z.array(z.string().min(1)),
  /** Topic finding subtypes from the checks engine that suggest this purpose. */
  topicSubtypes: z.array(z.string().min(1)),
  /** What a signal in the text does. Choosing the purpose itself is always refused. */
  signalAction: z.enum(SIGNAL_ACTIONS),
});
export type ForbiddenPurpose = z.infer<typeof forbiddenPurposeSchema>;

export const SIGN_OFF_ACTIONS = ['ignore', 'warn', 'block'] as const;
export type SignOffAction = (typeof SIGN_OFF_ACTIONS)[number];
const signOffItemSchema = z.strictObject({
  action: z.enum(SIGN_OFF_ACTIONS),
  articles: z.array(bilingualSchema),
});
export const signOffRulesSchema = z.strictObject({
  unverifiedClaims: signOffItemSchema,
  rejectedClaims: signOffItemSchema,
  verbatimPassages: signOffItemSchema,
  brokenRecord: signOffItemSchema,
  /**
   * Issue 11: the document's current sign-off is not signed with a key on the organisation's trust
   * list valid at its time (unsigned, unknown key, outside the entry's dates, invalid, someone else's
   * key). Optional so older profiles stay valid; absent = ignore. `block` (the built-in `strict`): the
   * document is not ready until a sign-off is trusted. Before signing it only ever warns.
   */
  untrustedSigner: signOffItemSchema.optional(),
  // issue 10 — evidence (optional, so older profiles stay valid; absent = ignore)
  /** Claims verified only "checked elsewhere" (manual) or with no evidence recorded (records before 1.2). */
  weakEvidence: signOffItemSchema.optional(),
  /** Four eyes: a claim verified by the person who drafted (inserted or declared) its passage. */
  verifierMustDifferFromAuthor: signOffItemSchema.optional(),
  /** Four eyes: the person signing off verified claims of the document themselves. */
  signerMustDifferFromVerifier: signOffItemSchema.optional(),
});
export type SignOffRules = z.infer<typeof signOffRulesSchema>;
export type SignOffItem = keyof SignOffRules;

export const disclosureOptionSchema = z.strictObject({
  /** The line inserted into the document (Vietnamese, as the regulation words it). */
  text: z.string().min(1),
  /** An English rendering for the English UI; never inserted into the document. */
  translation: z.string().min(1),
  article: bilingualSchema,
});
export type DisclosureOption = z.infer<typeof disclosureOptionSchema>;

export const profileSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes'),
    name: bilingualSchema,
    basis: bilingualSchema,
    levels: z.strictObject({ 1: levelRuleSchema, 2: levelRuleSchema, 3: levelRuleSchema, 4: levelRuleSchema }),
    personalData: personalDataRuleSchema,
    unpublishedTopics: unpublishedTopicsRuleSchema,
    purposes: z.strictObject({
      offered: z.array(z.enum(PURPOSE_IDS)),
      forbidden: z.array(forbiddenPurposeSchema),
    }),
    signOff: signOffRulesSchema,
    // issue 10 — evidence
    /** How a claim may be verified. Optional: absent = no extra condition. */
    verification: z
      .strictObject({
        /** A claim the grounding found contradicted (the source gives another value) needs a note saying why. */
        contradictedNeedsNote: z.boolean(),
      })
      .optional(),
    /** The first option is the default wording. */
    disclosure: z.array(disclosureOptionSchema).min(1),
  })
  .superRefine((profile, ctx) => {
    // The law on state secrets admits no exception for ordinary AI services: a profile may at most
    // open level 4 to a provider specially licensed for secret material.
    for (const tier of PROVIDER_TIERS) {
      if (tier !== 'licensed-secret' && profile.levels[4].tiers[tier].allowed) {
        ctx.addIssue({
          code: 'custom',
          path: ['levels', 4, 'tiers', tier, 'allowed'],
          message: `level 4 (state secret) may only be opened to the licensed-secret tier, not ${tier}`,
          params: bilingual('policy.schema.profileSchema.params', { tier }),
        });
      }
    }
    const forbiddenIds = new Set(profile.purposes.forbidden.map((f) => f.id));
    for (const [i, id] of profile.purposes.offered.entries()) {
      if (forbiddenIds.has(id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['purposes', 'offered', i],
          message: `purpose ${id} is both offered and forbidden`,
          params: bilingual('policy.schema.profileSchema.params2', { id }),
        });
      }
    }
  });

export type Profile = z.infer<typeof profileSchema>;
