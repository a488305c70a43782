import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

/** Layout shared by the steps: vertical stacks, rows of buttons, quiet notes. */
export const usePaneStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  tight: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  note: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3, margin: 0 },
  paragraph: { margin: 0 },
  heading: { margin: 0 },
  // A message bar's title on its own line, above its body.
  noticeTitle: { display: 'block', margin: 0, fontSize: 'inherit' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  plainList: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  quote: {
    ...typographyStyles.body1,
    margin: 0,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  output: {
    ...typographyStyles.body1,
    minHeight: '4em',
    maxHeight: '40vh',
    overflowY: 'auto',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  facts: {
    display: 'grid',
    // The name column takes at most half, so a long name never squeezes the value out of the step;
    // at 200 % zoom of a 350 px pane (175 CSS px) names and values stack.
    gridTemplateColumns: 'fit-content(50%) minmax(0, 1fr)',
    '@media (max-width: 260px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
    overflowWrap: 'anywhere',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  factName: { ...typographyStyles.body1Strong },
  factValue: { ...typographyStyles.body1, margin: 0, minWidth: 0, '@media (max-width: 260px)': { marginBottom: tokens.spacingVerticalXS } },
  warningText: { margin: 0, color: tokens.colorPaletteRedForeground1 },
  // issue 13 — pane: nothing wider than the pane (320 px, and 200 % zoom), labels wrap inside their pills.
  pill: { height: 'auto', minHeight: '20px', maxWidth: '100%', whiteSpace: 'normal', overflowWrap: 'anywhere', textAlign: 'start', lineHeight: '1.3' },
  field: { minWidth: 0, maxWidth: '100%' },
  // Room for focus rings (drawn 2 px outside a control) inside the step, so they never widen it.
  stepBody: { paddingInline: '3px', minWidth: 0 },
  picker: { minWidth: 0, maxWidth: '100%', width: '100%' },
  pickerSelect: { minWidth: 0, maxWidth: '100%', width: '100%', textOverflow: 'ellipsis' },
  // The context sent can be a whole document: scrolled inside, not stretching the step.
  contextQuote: { maxHeight: '12em', overflowY: 'auto' },
  claimMark: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
});
