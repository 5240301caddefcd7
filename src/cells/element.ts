/**
 * <al-code-cell>: a lesson's code block the reader can edit and run. This module is all a page
 * loads up front, so it stays small: the editor (CodeMirror) loads by dynamic import on the
 * first focus, click or key on the code (or for a restored or linked edit, or an error's line),
 * the runner (and with it the worker and sucrase) and the output view on the first Run. Code
 * never runs without the reader's click: not restored edits, not a linked cell.
 */
import { createAnnouncer } from '../widgets/common/announcer.ts';
import { whenNearViewport } from '../widgets/common/lazy.ts';
import { cellLink, readLinkedCode, removeLinkedCode } from './link.ts';
import { createEditStore, MAX_SAVED_CHARACTERS, recordCellPassed, type EditStore } from './storage.ts';
import type { CellEditor } from './editor.ts';
import type { CellRunner } from './runner.ts';
import { button, createParts, layOut, type CellParts } from './markup.ts';
import type { OutputView } from './output-view.ts';

/** The time limit when the fence gives none, in seconds. */
const DEFAULT_LIMIT = 3;

/** The notice on an edit too long for storage.ts to keep. */
const TOO_LONG = `This code is too long to keep in this browser (over ${MAX_SAVED_CHARACTERS.toLocaleString('en-GB')} characters); it stays until you leave the page.`;

class CodeCell extends HTMLElement {
  private original = '';
  private code = '';
  /** Whether the code shown came from a link and the reader has not edited it yet. */
  private linked = false;
  private store: EditStore | undefined;
  private editor: Promise<CellEditor> | undefined;
  private runner: CellRunner | undefined;
  private view: OutputView | undefined;
  private announce: (message: string) => void = () => {};
  private readonly parts: CellParts = createParts();

  connectedCallback(): void {
    if (this.store) return;
    const pre = this.querySelector<HTMLElement>(':scope > pre');
    const id = this.dataset.cellId;
    if (!pre || !id) return;
    this.original = (pre.textContent ?? '').replace(/\n$/, '');
    this.code = this.original;
    this.store = createEditStore(this.dataset.lesson ?? '', id, this.original);
    this.parts.code = pre;
    this.build(pre);
    void this.restore(id);
  }

  private get label(): string {
    return `Code editor: ${this.dataset.title ?? this.dataset.cellId}`;
  }

  private build(pre: HTMLElement): void {
    const { run, stop, reset, copy, status } = this.parts;
    layOut(pre, this.parts, this.label);
    // Until the editor loads, any focus, click or key on the still code brings it in its place.
    for (const type of ['focus', 'click', 'keydown'] as const) pre.addEventListener(type, () => void this.loadEditor(), { once: true });
    this.announce = createAnnouncer(status, 100);

    run.addEventListener('click', () => void this.run());
    stop.addEventListener('click', () => this.runner?.stop());
    reset.addEventListener('click', () => void this.reset());
    copy.addEventListener('click', () => void this.copyLink());
    this.addSolutionButton();
    addEventListener('pagehide', () => this.store?.flush());
  }

  /** Brings back the reader's saved edit, or a linked cell's code: shown, never run. */
  private async restore(id: string): Promise<void> {
    const linked = await readLinkedCode(id);
    const saved = this.store!.read();
    if (linked.kind === 'code') {
      this.showNotice('This code came from a link. Read it before you press Run.');
      this.linked = true;
      this.code = linked.code;
      this.setEdited(linked.code !== this.original);
      await this.loadEditor();
    } else {
      if (linked.kind === 'malformed') this.showNotice("This link's code for the cell could not be read, so the lesson's code is shown.");
      if (saved !== undefined) {
        this.code = saved;
        this.setEdited(true);
        whenNearViewport(this, () => void this.loadEditor());
      }
    }
    this.dataset.ready = '';
  }

  private showNotice(text: string): void {
    this.parts.notice.textContent = text;
    this.parts.notice.hidden = false;
  }

  /**
   * After each edit of the reader's: saved when it fits (and said when it does not), and a
   * link's code is now theirs, so its notice goes and the address stops carrying it: a
   * reload then shows their saved edit instead of the link's code again.
   */
  private changed(code: string): void {
    this.code = code;
    this.setEdited(code !== this.original);
    const kept = this.store!.save(code);
    if (this.linked) {
      this.linked = false;
      this.parts.notice.hidden = true;
      removeLinkedCode(this.dataset.cellId!);
    }
    const warned = !this.parts.notice.hidden && this.parts.notice.textContent === TOO_LONG;
    if (!kept && !warned) {
      this.showNotice(TOO_LONG);
      this.announce(TOO_LONG);
    } else if (kept && warned) {
      this.parts.notice.hidden = true;
    }
  }

  private setEdited(edited: boolean): void {
    this.parts.edited.hidden = !edited;
    this.parts.reset.hidden = !edited;
  }

  /** The editor, loaded once, in the place of the still code block. */
  private loadEditor(): Promise<CellEditor> {
    this.editor ??= import('./editor.ts').then(({ createEditor }) => {
      const editor = createEditor({
        code: this.code,
        label: this.label,
        changed: (code) => this.changed(code),
        run: () => void this.run(),
      });
      const placeholder = this.parts.code!;
      const hadFocus = document.activeElement === placeholder;
      placeholder.replaceWith(editor.dom);
      this.parts.code = editor.dom;
      if (hadFocus) editor.focus();
      return editor;
    });
    // A failed load is forgotten, so the next focus or Run tries again.
    this.editor.catch(() => {
      this.editor = undefined;
    });
    return this.editor;
  }

  private setRunning(running: boolean): void {
    // Stop turns itself off when the run ends; focus moves to Run rather than to the page.
    if (!running && document.activeElement === this.parts.stop) this.parts.run.focus();
    this.parts.stop.disabled = !running;
    this.toggleAttribute('data-running', running);
  }

  /**
   * Marks an error's line in the editor, loading it when there is a line to mark (a cell run
   * from its still code has no editor yet); with no line, only an editor already there has a
   * mark to clear.
   */
  private markError(line: number | undefined): void {
    const editor = line === undefined ? this.editor : this.loadEditor();
    editor?.then(
      (loaded) => loaded.markError(line),
      () => {},
    );
  }

  /** Runs the cell's code: the reader's click (or Ctrl+Enter) is the only way in. */
  private async run(): Promise<void> {
    // The still block shows the lesson's code, so that runs as it is: CodeMirror is most of a
    // first run's bytes, and building its view a long task. Other code (a restored edit, a
    // link) is shown only by the editor, so the editor comes first. Either way this.code is
    // the code on screen: the editor's every change is copied to it.
    const shown = this.code === this.original ? undefined : this.loadEditor();
    // Said at the click, not after the modules load: until then the last run's "Done." would stand.
    this.parts.status.textContent = 'Running…';
    let modules;
    try {
      modules = await Promise.all([import('./runner.ts'), import('./output-view.ts'), shown]);
    } catch {
      // Offline, or the site was updated under an open page: the next click tries again.
      this.announce('The code runner could not load. Check the connection and press Run again.');
      return;
    }
    const [{ CellRunner, resultStatus }, { OutputView, errorSentence }] = modules;
    const limit = Number(this.dataset.limit) || DEFAULT_LIMIT;
    this.runner ??= new CellRunner(limit);
    const view = (this.view ??= new OutputView(this.parts.output));
    view.clear();
    this.markError(undefined);
    this.setRunning(true);
    const check = this.dataset.check;
    this.runner.run(this.code, check, {
      output: (entry) => view.append(entry),
      done: (result) => {
        this.setRunning(false);
        const errorText = result.error ? errorSentence(result.error) : undefined;
        if (result.error) {
          view.error(result.error);
          this.markError(result.error.line);
        }
        if (result.checks) view.checks(result.checks);
        if (check && result.checks && result.checks.length > 0 && result.checks.every((item) => item.passed)) {
          recordCellPassed(this.dataset.lesson ?? '', this.dataset.cellId!);
        }
        view.then(() => this.announce(resultStatus(result, errorText)));
      },
      stopped: (message) => {
        this.setRunning(false);
        view.note(message, 'cell-error');
        view.then(() => this.announce(message));
      },
    });
  }

  private async reset(): Promise<void> {
    const editor = await this.loadEditor();
    editor.replace(this.original);
    this.store!.forget();
    this.setEdited(false);
    this.parts.notice.hidden = true;
    this.announce("Back to the lesson's code.");
    editor.focus();
  }

  private async copyLink(): Promise<void> {
    const url = await cellLink(this.dataset.cellId!, this.code);
    try {
      await navigator.clipboard.writeText(url);
      this.announce('Link copied. It opens this cell with this code, and does not run it.');
    } catch {
      // No clipboard (permission refused, insecure page): give the link to copy by hand.
      const field = document.createElement('input');
      field.readOnly = true;
      field.value = url;
      field.setAttribute('aria-label', 'Link to this cell with its code');
      this.parts.notice.replaceChildren('Copy this link: ', field);
      this.parts.notice.hidden = false;
      field.select();
    }
  }

  /** A graded cell's solution (as the build made it) gets a button that puts it in the editor. */
  private addSolutionButton(): void {
    const solution = this.querySelector<HTMLElement>(':scope > details.cell-solution');
    const code = solution?.querySelector('pre')?.textContent?.replace(/\n$/, '');
    if (!solution || code === undefined) return;
    const load = button('Load this solution into the editor', 'al-button al-button-small cell-solution-load');
    load.addEventListener('click', async () => {
      const editor = await this.loadEditor();
      editor.replace(code);
      editor.focus();
    });
    solution.append(load);
  }
}

if (!customElements.get('al-code-cell')) customElements.define('al-code-cell', CodeCell);
