/**
 * The cell's editor: CodeMirror 6 with TypeScript highlighting, line numbers and history.
 * Loaded only when the reader focuses, edits or runs a cell. Tab is left to the browser (no
 * indentWithTab), so keyboard users move on past the editor; Ctrl/Cmd+Enter runs. Colours are
 * the site's CSS variables and light-dark() pairs, so the editor follows the theme as it changes.
 */
import { EditorState, Prec, RangeSet, StateEffect, StateField } from '@codemirror/state';
import { Decoration, EditorView, GutterMarker, gutter, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { HighlightStyle, LanguageSupport, bracketMatching, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { typescriptLanguage } from '@codemirror/lang-javascript';
import { tags } from '@lezer/highlight';

/** What the cell can do with its editor. */
export interface CellEditor {
  /** The editor's outer element, to put where the code block was. */
  readonly dom: HTMLElement;
  /** The code as it stands. */
  code(): string;
  /** Replaces all the code (reset, a solution), as one step the reader can undo. */
  replace(code: string): void;
  /** Marks the line of an error (1-based), or clears the mark; the next edit clears it too. */
  markError(line: number | undefined): void;
  /** Moves keyboard focus into the code. */
  focus(): void;
}

/** How the cell sets up its editor. */
export interface EditorOptions {
  code: string;
  /** The accessible name of the code: "Code editor: <title or id>". */
  label: string;
  changed(code: string): void;
  run(): void;
}

/** GitHub's high-contrast palettes (as Shiki's, so the editor matches the still code), light then dark. */
const highlightStyle = HighlightStyle.define([
  { tag: [tags.keyword, tags.operatorKeyword, tags.modifier, tags.controlKeyword], color: 'light-dark(#a0111f, #ff9492)' },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: 'light-dark(#032563, #addcff)' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: 'light-dark(#4b535d, #bdc4cc)', fontStyle: 'italic' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'light-dark(#023b95, #91cbff)' },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: 'light-dark(#622cbc, #dbb7ff)' },
  { tag: [tags.typeName, tags.className, tags.namespace], color: 'light-dark(#702c00, #ffb757)' },
  { tag: [tags.propertyName, tags.definition(tags.variableName)], color: 'light-dark(#0e1116, #f0f3f6)' },
]);

const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--color-code-bg)', color: 'var(--color-text)', fontSize: '0.875rem' },
  '&.cm-focused': { outline: '3px solid var(--color-focus)', outlineOffset: '2px' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.55' },
  '.cm-content': { caretColor: 'var(--color-text)', padding: 'var(--space-2) 0' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--color-text)' },
  '.cm-gutters': { backgroundColor: 'var(--color-surface)', color: 'var(--color-muted)', borderRight: '1px solid var(--color-border)' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--color-accent) 7%, transparent)' },
  '.cm-matchingBracket': { backgroundColor: 'var(--color-accent-soft)', outline: '1px solid var(--color-accent)' },
  '.cm-error-line': { backgroundColor: 'color-mix(in srgb, var(--color-warning) 18%, transparent)' },
  '.cm-error-gutter .cm-gutterElement': { color: 'var(--color-warning)', fontWeight: '700', padding: '0 2px' },
});

const setErrorLine = StateEffect.define<number | undefined>();

/** The line with an error, until the reader edits the code. */
const errorLine = StateField.define<number | undefined>({
  create: () => undefined,
  update(value, transaction) {
    for (const effect of transaction.effects) if (effect.is(setErrorLine)) return effect.value;
    return transaction.docChanged ? undefined : value;
  },
});

class ErrorMarker extends GutterMarker {
  override toDOM(): Node {
    const mark = document.createElement('span');
    mark.textContent = '!';
    mark.title = 'The error is on this line';
    return mark;
  }
}

const errorMarker = new ErrorMarker();

/** The error line's start, when it is a line of the document. */
function errorStart(state: EditorState): number | undefined {
  const line = state.field(errorLine);
  return line !== undefined && line >= 1 && line <= state.doc.lines ? state.doc.line(line).from : undefined;
}

const errorMarks = [
  errorLine,
  EditorView.decorations.compute([errorLine], (state) => {
    const start = errorStart(state);
    return start === undefined ? Decoration.none : Decoration.set([Decoration.line({ class: 'cm-error-line' }).range(start)]);
  }),
  gutter({
    class: 'cm-error-gutter',
    markers: (view) => {
      const start = errorStart(view.state);
      return start === undefined ? RangeSet.empty : RangeSet.of([errorMarker.range(start)]);
    },
    initialSpacer: () => errorMarker,
  }),
];

/** An editor holding `options.code`. */
export function createEditor(options: EditorOptions): CellEditor {
  const view = new EditorView({
    state: EditorState.create({
      doc: options.code,
      extensions: [
        Prec.highest(
          keymap.of([
            {
              key: 'Mod-Enter',
              run: () => {
                options.run();
                return true;
              },
            },
          ]),
        ),
        lineNumbers(),
        errorMarks,
        history(),
        highlightActiveLine(),
        indentOnInput(),
        bracketMatching(),
        // The TypeScript language alone, not javascript({ typescript: true }): that adds
        // completions and snippets (@codemirror/autocomplete), a quarter of the editor's bytes.
        new LanguageSupport(typescriptLanguage),
        syntaxHighlighting(highlightStyle),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        EditorState.tabSize.of(2),
        EditorView.contentAttributes.of({ 'aria-label': options.label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.changed(update.state.doc.toString());
        }),
        theme,
      ],
    }),
  });
  return {
    dom: view.dom,
    code: () => view.state.doc.toString(),
    replace(code) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
    },
    markError(line) {
      view.dispatch({ effects: setErrorLine.of(line) });
      const start = errorStart(view.state);
      if (start !== undefined) view.dispatch({ effects: EditorView.scrollIntoView(start, { y: 'nearest' }) });
    },
    focus: () => view.focus(),
  };
}
