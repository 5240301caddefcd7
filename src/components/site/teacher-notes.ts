/**
 * Whether teacher notes show: remembered in localStorage, set from the address by ?teacher=1 or
 * ?teacher=0 (so a teacher can share a link that opens with them). The inline script in
 * BaseLayout.astro applies the same rule before the first paint; keep the two in step.
 */

const STORAGE_KEY = 'al-teacher-notes';

/** The setting the address asks for: true for ?teacher=1, false for ?teacher=0, else null. */
export function teacherSettingFromQuery(search: string): boolean | null {
  const asked = new URLSearchParams(search).get('teacher');
  return asked === '1' ? true : asked === '0' ? false : null;
}

/** Whether notes are on: the address first, then the saved choice; off when storage is unavailable. */
export function readTeacherNotes(search: string, storage?: Pick<Storage, 'getItem'>): boolean {
  const asked = teacherSettingFromQuery(search);
  if (asked !== null) return asked;
  try {
    // Even naming localStorage can throw (a sandboxed frame), so it is reached inside the try.
    return (storage ?? localStorage).getItem(STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

/** Remembers the choice; without storage it lasts for this page only. */
export function saveTeacherNotes(on: boolean, storage?: Pick<Storage, 'setItem'>): void {
  try {
    (storage ?? localStorage).setItem(STORAGE_KEY, on ? 'on' : 'off');
  } catch {
    // Private mode or file://: nothing else breaks.
  }
}

/** Shows or hides every teacher note on the page (the CSS keys on the root's attribute). */
export function applyTeacherNotes(on: boolean): void {
  if (on) document.documentElement.dataset.teacherNotes = '';
  else delete document.documentElement.dataset.teacherNotes;
}
