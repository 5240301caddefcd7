/**
 * A cell's edits, kept in this browser: one localStorage key per cell (`al-cell:<lesson>/<id>`),
 * written a moment after the reader stops typing rather than on every key. Nothing stored here
 * ever runs by itself: the element only puts it back in the editor.
 */
import { recordExercisePassed } from '../utils/progress.ts';

/** How long typing must pause before an edit is saved. */
const SAVE_DELAY_MS = 400;

/**
 * The longest edit kept. localStorage writes are synchronous, so a pasted megabyte is a long
 * task on every save, and a few of them fill the site's quota so progress can no longer be saved.
 */
export const MAX_SAVED_CHARACTERS = 100_000;

/** One cell's saved edit: read, save (debounced), forget. */
export interface EditStore {
  /** The saved code, or undefined when the reader has not edited this cell (or storage is off). */
  read(): string | undefined;
  /**
   * Saves `code` after a pause in typing (code equal to the lesson's forgets the edit instead);
   * false when it is longer than MAX_SAVED_CHARACTERS, so is not kept (the last edit that fitted stays).
   */
  save(code: string): boolean;
  /** Writes a pending save now (before the page goes away). */
  flush(): void;
  /** Forgets the edit and any pending save. */
  forget(): void;
}

/** The storage key of a cell's edit. */
export function editKey(lesson: string, id: string): string {
  return `al-cell:${lesson}/${id}`;
}

/** The edit store of the cell `id` in `lesson`, whose own code is `original`. */
export function createEditStore(lesson: string, id: string, original: string, given?: Storage): EditStore {
  const key = editKey(lesson, id);
  // Even naming localStorage can throw (site data blocked, a sandboxed frame), so it is reached
  // only inside each try below: without storage the cell still works, its edits last for the page.
  const store = (): Storage => given ?? localStorage;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: string | undefined;
  const write = (): void => {
    timer = undefined;
    if (pending === undefined) return;
    const code = pending;
    pending = undefined;
    try {
      if (code === original) store().removeItem(key);
      else store().setItem(key, code);
    } catch {
      // Storage full or refused: the edit lasts for this page only.
    }
  };
  return {
    read() {
      try {
        const code = store().getItem(key);
        return code === null || code === original ? undefined : code;
      } catch {
        return undefined;
      }
    },
    save(code) {
      if (code.length > MAX_SAVED_CHARACTERS) return false;
      pending = code;
      clearTimeout(timer);
      timer = setTimeout(write, SAVE_DELAY_MS);
      return true;
    },
    flush() {
      clearTimeout(timer);
      write();
    },
    forget() {
      clearTimeout(timer);
      timer = undefined;
      pending = undefined;
      try {
        store().removeItem(key);
      } catch {
        // Nothing stored, nothing to forget.
      }
    },
  };
}

/** Records a graded cell whose every check passed, for the progress view. */
export function recordCellPassed(lesson: string, id: string): void {
  recordExercisePassed(`${lesson}/${id}`);
}
