// The contract of the checks engine: what every recogniser returns and what callers (CLI, workflow,
// policy, task pane) read. Keep this file free of logic; the JSON shape of `aiprov scan --json` is
// derived from these types (see docs/scan-schema.md).

/** A message shown to people, always in both languages. */
export interface Bilingual {
  vi: string;
  en: string;
}

export type FindingKind = 'citation' | 'figure' | 'personal-data' | 'mark' | 'topic';

interface FindingBase {
  kind: FindingKind;
  /** Finer class, e.g. `state-normative`, `party`, `percentage`, `cccd`, `secrecy`, `budget`. */
  subtype: string;
  /** Exactly `original.slice(start, end)` of the text the caller passed in. */
  text: string;
  /** UTF-16 offsets into the caller's original (un-normalised) text. */
  start: number;
  end: number;
  /** Normalised value (NFC, Word characters mapped, spaces inside symbols removed, numbers canonical). */
  value: string;
  /** 0..1; patterns give a base, validators and context words move it. */
  confidence: number;
  /** Id of the recogniser that produced the finding. */
  recogniser: string;
  /** Why this was reported, in plain words. */
  explanation: Bilingual;
}

/** Articles, clauses, points, chapters… referenced together with a document ("điểm a khoản 2 Điều 5"). */
export interface ArticleRef {
  article?: string; // "5", "10a"
  clauses?: string[]; // khoản
  points?: string[]; // điểm
  chapter?: string; // Chương (Roman)
  section?: string; // Mục
  part?: string; // Phần
}

export interface CitationData {
  /** `state-law`, `state-normative`, `state-administrative`, `state-official-letter`, `party`, `by-name`, `article-ref`. */
  system: 'state' | 'party' | 'none';
  /** Document type word as written or implied by the code ("Nghị định", "Quyết định", "Luật"). */
  typeName?: string;
  /** Type code from the symbol (NĐ, QĐ, KL, …); for laws "QH". */
  typeCode?: string;
  /** Number as written (without padding), or undefined for a blank-number draft. */
  number?: string;
  /** Year from the symbol (normative documents and laws). */
  year?: number;
  /** Issuer code (CP, UBND, TW, BTV, QH15 …). */
  issuerCode?: string;
  /** National Assembly term for laws / UBTVQH resolutions (15 for QH15). */
  legislatureTerm?: number;
  /** Issuer named in words ("Chính phủ", "Thủ tướng Chính phủ"). */
  issuerName?: string;
  /** Normalised symbol "13/2023/NĐ-CP", "126-KL/BTV". */
  symbol?: string;
  /** Document name for by-name citations ("Luật An ninh mạng"). */
  title?: string;
  /** Issuance date ISO yyyy-mm-dd, when cited. */
  date?: string;
  /** Articles and other units referenced. */
  articles?: ArticleRef[];
  /** True when the number is blank ("Số      -QC/ĐU", "Số:    /QĐ-UBND"). */
  draft?: boolean;
  /** A blank number in an annex of form templates ("Số: /BC-…" after "PHỤ LỤC", "Mẫu số 01"): not a sign of a draft. */
  inForm?: boolean;
}

export interface CitationFinding extends FindingBase {
  kind: 'citation';
  citation: CitationData;
}

export interface FigureFinding extends FindingBase {
  kind: 'figure';
  /** Numeric value when one can be read (1.234.567 → 1234567; 12,5 → 12.5). */
  number?: number;
  /** Unit or currency as normalised text ("%", "tỷ đồng", "ha", "mô hình"). */
  unit?: string;
}

export type PersonalDataSensitivity = 'basic' | 'sensitive';

export interface PersonalDataFinding extends FindingBase {
  kind: 'personal-data';
  /** Per Nghị định 13/2023 Điều 2 and Nghị định 356/2025 (union of both lists). */
  sensitivity: PersonalDataSensitivity;
}

export type MarkType = 'secrecy' | 'urgency' | 'circulation' | 'declassified';

export interface MarkFinding extends FindingBase {
  kind: 'mark';
  markType: MarkType;
  /** For secrecy marks: mat | toi-mat | tuyet-mat. */
  secrecyLevel?: 'mat' | 'toi-mat' | 'tuyet-mat';
  /** A stamp (whole line) or only a hint in running text (warn only). */
  stamp: boolean;
  /**
   * Text that may be a secrecy stamp but is not certain (mixed or lower case alone on a line): the
   * document is "possibly secret" and nothing leaves until a person declares its level.
   */
  possibleStamp?: boolean;
}

export interface TopicFinding extends FindingBase {
  kind: 'topic';
  /** Sensitive personal-data categories are topics too (health, religion…): then `personalData` is true. */
  personalData: boolean;
  /** For personal-data topics: the category's sensitivity (health… sensitive; marital status basic). */
  sensitivity?: PersonalDataSensitivity;
  /**
   * For personal-data topics: the sentence is about one particular person (a filled form field, "bệnh
   * nhân", "đương sự", "ông/bà"…). Only such a topic, or one near an identifying finding, raises the level.
   */
  aboutPerson?: boolean;
}

export type Finding =
  | CitationFinding
  | FigureFinding
  | PersonalDataFinding
  | MarkFinding
  | TopicFinding;

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: DiagnosticSeverity;
  /** Stable code, e.g. `type-code-mismatch`, `year-mismatch`, `term-mismatch`, `issuer-mismatch`,
   * `malformed-symbol`, `invalid-date`, `conflicting-dates`, `provincial-normative-qd`. */
  code: string;
  /** The text the diagnostic is about (original text slice). */
  text: string;
  start: number;
  end: number;
  message: Bilingual;
}

/** Sensitivity levels of QC-PB Điều 8: 1 public, 2 internal, 3 personal data, 4 state secret. */
export type SensitivityLevel = 1 | 2 | 3 | 4;

export interface LevelEvidence {
  level: SensitivityLevel;
  reason: Bilingual;
  text: string;
  start: number;
  end: number;
  /** Where it was found, when scanning several parts (body, header1.xml…). */
  part?: string;
  /** For a topic suggestion: the topic (subtype) it is evidence of. */
  topic?: string;
}

export interface LevelSuggestion {
  /**
   * The level that applies until a person answers: the stricter of `fromEvidence` and an open
   * `topicSuggestion` (fail closed: a topic counts as level 2 until it is set aside).
   */
  level: SensitivityLevel;
  label: Bilingual;
  /**
   * issue 9: the level the evidence alone justifies (secrecy stamps, circulation marks, a draft, real
   * identifiers of a person, a password in the text). Nothing a person says lowers it.
   */
  fromEvidence: SensitivityLevel;
  /** The strongest reasons from evidence, strictest level first (capped per level; see `evidenceOmitted`). */
  evidence: LevelEvidence[];
  /** How many further reasons were left out of `evidence` to keep it short. */
  evidenceOmitted?: number;
  /** A restricted topic (budget, bidding, personnel…) is a guess, not evidence: a suggestion a person may set aside. */
  topicSuggestion?: TopicLevelSuggestion;
  /** Topics a person set aside (the document is published / not about unpublished content). */
  topicsSetAside?: string[];
}

/** Level 2 suggested by restricted topics (KAI-CB Điều 7: content "not yet published"). */
export interface TopicLevelSuggestion {
  level: 2;
  /** The topics found (topic subtypes: budget, bidding, inspection, personnel-decision…), in order of appearance. */
  topics: string[];
  /** Why it is only a suggestion, and how to set it aside. */
  reason: Bilingual;
  /** Where the topics were found (capped). */
  evidence: LevelEvidence[];
}

export interface ScanResult {
  findings: Finding[];
  diagnostics: Diagnostic[];
  level: LevelSuggestion;
}

/** A finding or diagnostic from `scanParts`, saying which part of the document it is in. */
export type PartFinding = Finding & { part: string };
export type PartDiagnostic = Diagnostic & { part: string };

export interface PartsScanResult {
  findings: PartFinding[];
  diagnostics: PartDiagnostic[];
  level: LevelSuggestion;
}

/** One scannable part of a document: the body, a header, a footer, a text box… */
export interface DocumentPart {
  /** Name of the part, e.g. "body", "word/header1.xml", "textbox". */
  part: string;
  text: string;
}

export interface ScanOptions {
  /** Reference date for checks such as "birth year not in the future" (default: now). */
  now?: Date;
  /**
   * Only what the level rests on (issue 15: the logbook reads thousands of documents): the figures
   * recogniser is left out. It runs last and claims nothing another recogniser reads, and no figure
   * is level evidence, so the level, its evidence and every other finding are the same.
   */
  levelOnly?: boolean;
}
