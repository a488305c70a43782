/**
 * The workbench's read-only view of a document's body, beside the pane: the paragraphs in order,
 * each AI passage wrapped in a labelled section in its state's colour (the same colour the content
 * control carries in Word). Data in, nothing fetched: the caller reads `readParagraphs()` and
 * `listPassages()` from the host and passes them here, so the view is the same over any host.
 */
import { makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';
import type { CSSProperties, ReactNode } from 'react';
import type { HostParagraph, HostPassage } from '../host/port';
import { CONDITION_COLORS, type PassageCondition } from '../workflow/looks';

export type ViewLanguage = 'vi' | 'en';

export interface DocumentViewProps {
  readonly paragraphs: readonly HostParagraph[];
  readonly passages: readonly HostPassage[];
  /** The language of the view's own words (labels, empty state); the document keeps its own. */
  readonly lang: ViewLanguage;
  /** Called with the passage id when the user picks a passage's label. */
  readonly onSelectPassage?: (passageId: string) => void;
  /** The passage the pane is working on, shown as selected. */
  readonly selectedPassageId?: string;
  /** A passage's state when the caller knows it from the record; used when the control has no colour. */
  readonly conditions?: Readonly<Record<string, PassageCondition>>;
  /** The document's language (BCP 47) for screen readers and hyphenation; Vietnamese by default. */
  readonly documentLang?: string;
  /**
   * The claim whose card is current in the pane: its words are marked inside its passage (the
   * `occurrence`-th time they appear there, 0-based), as Word selects the claim's range.
   */
  readonly markedClaim?: MarkedClaim;
}

export interface MarkedClaim {
  readonly passageId: string;
  readonly text: string;
  readonly occurrence?: number;
}

const WORDS: Record<ViewLanguage, { document: string; empty: string; select: (title: string) => string; passage: string }> = {
  vi: {
    document: 'Văn bản (chỉ đọc)',
    empty: 'Văn bản không có đoạn nào.',
    select: (title) => `Chọn đoạn AI: ${title}`,
    passage: 'Đoạn AI',
  },
  en: {
    document: 'Document (read-only)',
    empty: 'The document has no paragraphs.',
    select: (title) => `Select AI passage: ${title}`,
    passage: 'AI passage',
  },
};

const useStyles = makeStyles({
  page: {
    ...typographyStyles.body1,
    fontFamily: '"Times New Roman", Tinos, "Liberation Serif", serif',
    fontSize: '15px',
    lineHeight: '1.5',
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}`,
    maxWidth: '46rem',
    overflowY: 'auto',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  paragraph: {
    margin: `0 0 ${tokens.spacingVerticalXS}`,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  spacer: { height: '0.75em' },
  // Tables fit the view's width (no sideways scroll at 320 px): fixed layout, words wrap in cells.
  table: { width: '100%', tableLayout: 'fixed', borderCollapse: 'collapse', margin: `${tokens.spacingVerticalS} 0` },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    verticalAlign: 'top',
    overflowWrap: 'anywhere',
  },
  empty: { ...typographyStyles.body1, color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyBase, margin: 0 },
  passage: {
    margin: `${tokens.spacingVerticalS} 0`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS}`,
    borderLeft: `4px solid var(--aiprov-passage-colour)`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: 'var(--aiprov-passage-tint)',
  },
  selected: {
    outline: `${tokens.strokeWidthThick} solid var(--aiprov-passage-colour)`,
    outlineOffset: '2px',
  },
  label: {
    ...typographyStyles.caption1Strong,
    fontFamily: tokens.fontFamilyBase,
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    margin: `0 0 ${tokens.spacingVerticalXS}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid var(--aiprov-passage-colour)`,
    borderRadius: tokens.borderRadiusCircular,
  },
  labelButton: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  // A highlighter's yellow with dark text in both themes (a theme token gave too little contrast in dark).
  claim: {
    backgroundColor: '#FCE100',
    color: '#1B1A19',
    outline: `${tokens.strokeWidthThin} solid #8F7034`,
    borderRadius: tokens.borderRadiusSmall,
    scrollMarginBlock: '4em',
  },
  swatch: {
    width: '0.7em',
    height: '0.7em',
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: 'var(--aiprov-passage-colour)',
    flexShrink: 0,
  },
});

/** The state a passage's title names, in either language ("AI · đã kiểm chứng · 3f2a…"). */
export function conditionFromTitle(title: string): PassageCondition | null {
  const lower = title.normalize('NFC').toLowerCase();
  if (lower.includes('cần xem lại') || lower.includes('needs review')) return 'needs-review';
  if (lower.includes('chưa kiểm chứng') || lower.includes('unverified')) return 'unverified';
  if (lower.includes('đã kiểm chứng') || lower.includes('verified')) return 'verified';
  return null;
}

/** "#RRGGBB" for a passage: its control's colour, else its known state's, else its title's, else amber. */
export function passageColour(passage: HostPassage, condition?: PassageCondition): string {
  if (passage.color && /^#?[0-9a-f]{6}$/i.test(passage.color)) return `#${passage.color.replace(/^#/, '').toUpperCase()}`;
  return CONDITION_COLORS[condition ?? conditionFromTitle(passage.title) ?? 'unverified'];
}

function tint(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

type Block =
  | { kind: 'paragraph'; paragraph: HostParagraph }
  | { kind: 'passage'; passage: HostPassage; paragraphs: HostParagraph[] };

/** Paragraphs grouped into runs: plain paragraphs, and each passage's paragraphs together. */
export function groupByPassage(paragraphs: readonly HostParagraph[], passages: readonly HostPassage[]): Block[] {
  const byIndex = new Map<number, HostPassage>();
  for (const passage of passages) {
    const [from, to] = passage.paragraphRange;
    for (let i = from; i <= to; i++) if (!byIndex.has(i)) byIndex.set(i, passage);
  }
  const byId = new Map(passages.map((p) => [p.id, p]));
  const blocks: Block[] = [];
  for (const paragraph of paragraphs) {
    const passage = byIndex.get(paragraph.index) ?? (paragraph.passageId ? byId.get(paragraph.passageId) : undefined);
    const last = blocks[blocks.length - 1];
    if (passage && last?.kind === 'passage' && last.passage === passage) last.paragraphs.push(paragraph);
    else if (passage) blocks.push({ kind: 'passage', passage, paragraphs: [paragraph] });
    else blocks.push({ kind: 'paragraph', paragraph });
  }
  return blocks;
}

type Shown = Block | { kind: 'table'; table: string; rows: HostParagraph[][][] };

/**
 * Issue 13: plain paragraphs in table cells (where the host says so) drawn as their table — rows of
 * cells — instead of one flat run. A passage inside a table stays a passage (it splits the table).
 */
export function withTables(blocks: readonly Block[]): Shown[] {
  const out: Shown[] = [];
  for (const block of blocks) {
    const cell = block.kind === 'paragraph' ? block.paragraph.cell : undefined;
    if (!cell || block.kind !== 'paragraph') {
      out.push(block);
      continue;
    }
    const last = out[out.length - 1];
    const table = last?.kind === 'table' && last.table === cell.table ? last : undefined;
    const target = table ?? { kind: 'table' as const, table: cell.table, rows: [] };
    if (!table) out.push(target);
    const row = (target.rows[cell.row] ??= []);
    (row[cell.column] ??= []).push(block.paragraph);
  }
  return out;
}

// Word's object model reports a manual line break as U+000B; show it as one.
const displayText = (text: string) => text.replace(/\u000b/g, '\n');

/**
 * Where the claim is marked in a passage's paragraphs: the paragraph (position in the block) and the
 * offset of the `occurrence`-th appearance of its words, counted across the paragraphs in order.
 */
export function claimSpot(paragraphs: readonly { text: string }[], claim: string, occurrence = 0): { paragraph: number; start: number } | null {
  if (claim === '') return null;
  let seen = 0;
  let first: { paragraph: number; start: number } | null = null;
  for (let i = 0; i < paragraphs.length; i++) {
    const text = paragraphs[i]!.text;
    for (let at = text.indexOf(claim); at >= 0; at = text.indexOf(claim, at + claim.length)) {
      first ??= { paragraph: i, start: at };
      if (seen++ === occurrence) return { paragraph: i, start: at };
    }
  }
  // The occurrence asked for is gone: the first one, as Word does.
  return first;
}

export function DocumentView(props: DocumentViewProps): ReactNode {
  const { paragraphs, passages, lang, onSelectPassage, selectedPassageId, conditions, documentLang = 'vi', markedClaim } = props;
  const styles = useStyles();
  const words = WORDS[lang];

  const renderParagraph = (p: HostParagraph, mark?: { start: number; length: number }) =>
    p.text.trim() === '' ? (
      <div key={p.locator} className={styles.spacer} aria-hidden="true" />
    ) : (
      <p key={p.locator} className={styles.paragraph} data-paragraph={p.index}>
        {mark ? (
          <>
            {displayText(p.text.slice(0, mark.start))}
            <mark className={styles.claim} data-marked-claim>
              {displayText(p.text.slice(mark.start, mark.start + mark.length))}
            </mark>
            {displayText(p.text.slice(mark.start + mark.length))}
          </>
        ) : (
          displayText(p.text)
        )}
      </p>
    );

  return (
    <div role="document" aria-label={words.document} tabIndex={0} className={styles.page} lang={documentLang}>
      {paragraphs.length === 0 ? (
        <p className={styles.empty} lang={lang}>
          {words.empty}
        </p>
      ) : (
        withTables(groupByPassage(paragraphs, passages)).map((block) => {
          if (block.kind === 'paragraph') return renderParagraph(block.paragraph);
          if (block.kind === 'table')
            return (
              <table key={`table-${block.table}-${block.rows.flat(2)[0]?.locator ?? ''}`} className={styles.table} data-table>
                <tbody>
                  {Array.from(block.rows, (row, r) => (
                    <tr key={r}>
                      {Array.from(row ?? [], (cell, c) => (
                        <td key={c} className={styles.cell}>
                          {(cell ?? []).map((p) => renderParagraph(p))}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          const spot = markedClaim && markedClaim.passageId === block.passage.id ? claimSpot(block.paragraphs, markedClaim.text, markedClaim.occurrence) : null;
          const { passage } = block;
          const colour = passageColour(passage, conditions?.[passage.id]);
          const style = { '--aiprov-passage-colour': colour, '--aiprov-passage-tint': tint(colour, 0.12) } as CSSProperties;
          const selected = passage.id === selectedPassageId;
          const label = (
            <>
              <span className={styles.swatch} aria-hidden="true" />
              {passage.title}
            </>
          );
          return (
            <section
              key={`passage-${passage.id}`}
              aria-label={passage.title}
              aria-roledescription={words.passage}
              className={mergeClasses(styles.passage, selected && styles.selected)}
              style={style}
              data-passage-id={passage.id}
              data-colour={colour}
            >
              {onSelectPassage ? (
                <button
                  type="button"
                  className={mergeClasses(styles.label, styles.labelButton)}
                  aria-label={words.select(passage.title)}
                  aria-pressed={selected}
                  onClick={() => onSelectPassage(passage.id)}
                  lang={lang}
                >
                  {label}
                </button>
              ) : (
                <div className={styles.label} lang={lang}>
                  {label}
                </div>
              )}
              {block.paragraphs.map((p, i) => renderParagraph(p, spot && spot.paragraph === i ? { start: spot.start, length: markedClaim!.text.length } : undefined))}
            </section>
          );
        })
      )}
    </div>
  );
}
