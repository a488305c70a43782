/**
 * The slice of ONLYOFFICE's plugin API and Document Builder API (`Api.*`) the host calls, typed so
 * the in-memory fake (tests/host-onlyoffice/fake.ts) must implement the same names and shapes.
 *
 * Checked against ONLYOFFICE's published reference (api.onlyoffice.com, "Office API" › text document
 * API, and "Plugins" › methods/events) and the declarations in ONLYOFFICE/office-js-api-declarations
 * (office-js-api/word.json at 7ab2335, Feb 2025) — see the tag after each name:
 *   [decl]  in office-js-api/word.json with these parameters and return type
 *   [docs]  on api.onlyoffice.com only (methods added in 9.x, after the declarations snapshot)
 */

/** `ApiColor` [docs: text-document-api/ApiColor] — `GetHex()` returns "#RRGGBB" text. */
export interface OoColor {
  GetHex(): string;
}

/** Text of a paragraph: `GetText(oPr)` [decl: Numbering, Math, NewLineSeparator, TabSymbol]. */
export interface OoGetTextOptions {
  Numbering?: boolean;
  Math?: boolean;
  NewLineSeparator?: string;
  TabSymbol?: string;
}

export interface OoParagraph {
  GetClassType(): 'paragraph'; // [decl]
  GetText(options?: OoGetTextOptions): string; // [decl]
  AddText(text: string): unknown; // [decl] → ApiRun
  AddTabStop(): unknown; // [decl] → ApiRun
  AddLineBreak(): unknown; // [decl] → ApiRun
  Copy(): OoParagraph; // [decl]
}

export interface OoTableCell {
  GetContent(): OoDocumentContent; // [decl]
}
export interface OoTableRow {
  GetCellsCount(): number; // [decl]
  GetCell(index: number): OoTableCell; // [decl]
}
export interface OoTable {
  GetClassType(): 'table'; // [decl]
  GetRowsCount(): number; // [decl]
  GetRow(index: number): OoTableRow | null; // [decl]
  Copy(): OoTable; // [decl]
}

/** `ApiBlockLvlSdt` [decl + docs: text-document-api/ApiBlockLvlSdt]. */
export interface OoBlockSdt {
  GetClassType(): 'blockLvlSdt'; // [decl]
  GetTag(): string; // [decl]
  SetTag(tag: string): void; // [decl]
  /** The title Word shows ("alias" in OOXML, w:alias). */
  GetAlias(): string; // [decl]
  SetAlias(alias: string): void; // [decl]
  GetContent(): OoDocumentContent; // [decl]
  /** `keepContent` true unwraps the control and keeps its paragraphs. */
  Delete(keepContent: boolean): boolean; // [decl]
  GetInternalId(): string; // [decl]
  /** "unlocked" | "contentLocked" | "sdtContentLocked" | "sdtLocked" [decl: SdtLock]. */
  GetLock(): string; // [decl]
  Copy(): OoBlockSdt; // [decl]
  /** The control's tag colour (w15:color) [docs: ApiBlockLvlSdt/Methods/GetColor, SetColor]. */
  GetColor?(): OoColor | null;
  SetColor?(color: OoColor | null): boolean;
}

export type OoElement = OoParagraph | OoTable | OoBlockSdt;

/** `ApiDocumentContent` (a cell's or a control's content) [decl]. */
export interface OoDocumentContent {
  GetElementsCount(): number; // [decl]
  GetElement(index: number): OoElement; // [decl]
  AddElement(index: number, element: OoElement): void; // [decl]
  RemoveElement(index: number): void; // [decl]
}

/** `ApiCustomXmlPart` [docs: text-document-api/ApiCustomXmlPart, 9.0+]. */
export interface OoCustomXmlPart {
  GetId(): string;
  GetXml(): string;
  Delete(): boolean;
}
/** `ApiCustomXmlParts` [docs: text-document-api/ApiCustomXmlParts, 9.0+]. */
export interface OoCustomXmlParts {
  Add(xml: string): OoCustomXmlPart;
  GetAll(): OoCustomXmlPart[];
  GetByNamespace(namespace: string): OoCustomXmlPart[];
}
/** `ApiCustomProperties` [docs: text-document-api/ApiCustomProperties]; no enumeration is documented. */
export interface OoCustomProperties {
  Add(name: string, value: string | number | boolean | Date): boolean;
  Get(name: string): string | number | boolean | Date | null;
}

/** `ApiDocument` [decl], with the parts of 9.0+ optional (older editors lack them). */
export interface OoDocument extends OoDocumentContent {
  /** [docs: ApiDocument/Methods/GetCustomXmlParts] → ApiCustomXmlParts | null. */
  GetCustomXmlParts?(): OoCustomXmlParts | null;
  /** [docs: ApiDocument/Methods/GetCustomProperties]. */
  GetCustomProperties?(): OoCustomProperties;
}

/** The global `Api` inside a command [decl: Api#GetDocument, CreateParagraph, CreateBlockLvlSdt; docs: Api#HexColor]. */
export interface OoApi {
  GetDocument(): OoDocument;
  CreateParagraph(): OoParagraph;
  CreateBlockLvlSdt(): OoBlockSdt;
  HexColor?(hex: string): OoColor;
}

/**
 * `window.Asc.plugin` [docs: plugins › callCommand, executeMethod]. `callCommand(func, isClose,
 * isCalc, callback)`: `func` is sent to the editor as text and run there, with `Asc.scope` (plain
 * data, copied) as its only input; `callback` gets its return value (plain data only).
 */
export interface OoPlugin {
  callCommand(func: () => unknown, isClose?: boolean, isCalc?: boolean, callback?: (result: unknown) => void): void;
  /** `executeMethod(name, params, callback)`, e.g. "SelectContentControl" with [InternalId]. */
  executeMethod(name: string, params: unknown[] | null, callback?: (result: unknown) => void): boolean | void;
  /** Set by the editor before `init`: UI language, e.g. "vi-VN" [docs: plugins › info]. */
  info?: { lang?: string; editorType?: string; version?: string };
  /** Called by plugins.js once the editor has started the plugin [docs: plugins › events › init]. */
  init?: (data?: unknown) => void;
  /**
   * The editor's theme when it started the plugin: plugins.js copies it from the "init" message
   * before calling `init` (sdkjs common/plugins/plugin_base.js, `window.Asc.plugin.theme`).
   */
  theme?: OoTheme;
  /** The editor's theme changed [docs: events › onThemeChanged]; `onThemeChangedBase` applies the editor's own styles. */
  onThemeChanged?: (theme: OoTheme) => void;
  onThemeChangedBase?: (theme: OoTheme) => void;
  /** The editor's UI language changed [docs: events › onTranslate]. */
  onTranslate?: () => void;
  /** A plugin window button was pressed (-1: the window's close box) [docs: events › button]. */
  button?: (id: number) => void;
  executeCommand?: (type: string, data: string) => void;
}

/** The theme object the editor passes [docs: events › onThemeChanged]: `type` is "light" or "dark". */
export interface OoTheme {
  type?: string;
  name?: string;
}

/** `window.Asc`: the plugin object and the scope object commands read. */
export interface OoAsc {
  plugin: OoPlugin;
  scope: Record<string, unknown>;
}
