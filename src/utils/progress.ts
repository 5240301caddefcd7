/**
 * What the reader has done, kept in this browser only: one versioned localStorage key, never
 * sent anywhere. Graded code cells record a pass, self-checks their answer. The progress view
 * (read / in progress / not started) builds on this record; unknown or malformed stored data
 * is treated as empty rather than trusted.
 */

const STORAGE_KEY = 'al-progress';
const VERSION = 1;

/** A graded exercise the reader passed. */
export interface ExerciseRecord {
  passed: true;
  at: string;
}

/** A self-check the reader answered: the chosen option ids (or the number typed) and whether it was right. */
export interface AnswerRecord {
  answer: string[];
  correct: boolean;
  at: string;
}

/** A lesson the reader opened: when, whether they read it to the end, and the last heading reached. */
export interface LessonRecord {
  opened: string;
  read: boolean;
  heading?: string;
}

/** The whole record: exercises and answers keyed by `<lesson slug>/<id>`, lessons by slug. */
export interface ProgressRecord {
  version: 1;
  exercises: Record<string, ExerciseRecord>;
  answers: Record<string, AnswerRecord>;
  lessons: Record<string, LessonRecord>;
  /** The slug of the lesson opened last. */
  last?: string;
}

/** The storage key and the record's version, for the export file and the docs. */
export const PROGRESS_KEY = STORAGE_KEY;
/** The version this code writes; a file with another version is refused on import. */
export const PROGRESS_VERSION = VERSION;

/** A record with nothing in it. */
export function emptyRecord(): ProgressRecord {
  return { version: VERSION, exercises: {}, answers: {}, lessons: {} };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Any parsed JSON as a valid record: entries that do not have the right shape are dropped. */
export function toProgressRecord(value: unknown): ProgressRecord {
  const record = emptyRecord();
  if (!isObject(value) || value.version !== VERSION) return record;
  if (isObject(value.exercises)) {
    for (const [key, entry] of Object.entries(value.exercises)) {
      if (isObject(entry) && entry.passed === true && typeof entry.at === 'string') record.exercises[key] = { passed: true, at: entry.at };
    }
  }
  if (isObject(value.answers)) {
    for (const [key, entry] of Object.entries(value.answers)) {
      if (
        isObject(entry) &&
        Array.isArray(entry.answer) &&
        entry.answer.every((item) => typeof item === 'string') &&
        typeof entry.correct === 'boolean' &&
        typeof entry.at === 'string'
      ) {
        record.answers[key] = { answer: entry.answer as string[], correct: entry.correct, at: entry.at };
      }
    }
  }
  if (isObject(value.lessons)) {
    for (const [slug, entry] of Object.entries(value.lessons)) {
      if (isObject(entry) && typeof entry.opened === 'string' && typeof entry.read === 'boolean') {
        record.lessons[slug] = { opened: entry.opened, read: entry.read, ...(typeof entry.heading === 'string' ? { heading: entry.heading } : {}) };
      }
    }
  }
  if (typeof value.last === 'string') record.last = value.last;
  return record;
}

/** The stored record; empty when storage is unavailable or holds something else. */
export function readProgress(storage?: Pick<Storage, 'getItem'>): ProgressRecord {
  try {
    // Even naming localStorage can throw (site data blocked, a sandboxed frame): inside the try.
    const text = (storage ?? localStorage).getItem(STORAGE_KEY);
    return text === null ? emptyRecord() : toProgressRecord(JSON.parse(text));
  } catch {
    return emptyRecord();
  }
}

/** Whether this browser lets the page save progress (localStorage present and writable). */
export function canStoreProgress(storage?: Pick<Storage, 'setItem' | 'removeItem'>): boolean {
  try {
    const store = storage ?? localStorage;
    store.setItem(`${STORAGE_KEY}:probe`, '1');
    store.removeItem(`${STORAGE_KEY}:probe`);
    return true;
  } catch {
    return false;
  }
}

/** Replaces the stored record; false when storage refused it. */
export function writeProgress(record: ProgressRecord, storage?: Pick<Storage, 'setItem'>): boolean {
  try {
    (storage ?? localStorage).setItem(STORAGE_KEY, JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}

/** Applies `change` to the stored record and saves it; without storage the change lasts for this page only. */
export function updateProgress(change: (record: ProgressRecord) => void, storage?: Pick<Storage, 'getItem' | 'setItem'>): ProgressRecord {
  const record = readProgress(storage);
  change(record);
  try {
    (storage ?? localStorage).setItem(STORAGE_KEY, JSON.stringify(record));
  } catch {
    // Storage full or refused: nothing else breaks.
  }
  return record;
}

/** Records that the graded exercise `key` passed. */
export function recordExercisePassed(key: string, storage?: Pick<Storage, 'getItem' | 'setItem'>): void {
  updateProgress((record) => {
    record.exercises[key] = { passed: true, at: new Date().toISOString() };
  }, storage);
}

/** Records the reader's answer to the self-check `key`. */
export function recordAnswer(key: string, answer: string[], correct: boolean, storage?: Pick<Storage, 'getItem' | 'setItem'>): void {
  updateProgress((record) => {
    record.answers[key] = { answer: [...answer], correct, at: new Date().toISOString() };
  }, storage);
}
