/**
 * A lesson page's progress: records the lesson as opened (and as last), marks it read when the
 * reader reaches the end of its main content or presses "Mark as read", remembers the last
 * heading reached, and marks every lesson in the sidebar (icon plus words, after load).
 */
import { canStoreProgress, readProgress, updateProgress, type ProgressRecord } from '../../utils/progress.ts';
import { lessonStatus, STATUS_WORDS } from '../../utils/progress-status.ts';

const ICONS = { read: '✓', 'in-progress': '◐', 'not-started': '○' } as const;

/** Writes each sidebar link's mark from the record. */
export function markSidebar(record: ProgressRecord, root: ParentNode = document): void {
  for (const link of root.querySelectorAll<HTMLAnchorElement>('[data-lesson-slug]')) {
    const status = lessonStatus(record, link.dataset.lessonSlug ?? '');
    const mark = link.querySelector<HTMLElement>('.progress-mark');
    if (!mark) continue;
    mark.dataset.status = status;
    mark.innerHTML = '';
    const icon = document.createElement('span');
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = ICONS[status];
    const words = document.createElement('span');
    words.className = 'visually-hidden';
    words.textContent = `, ${STATUS_WORDS[status]}`;
    mark.append(icon, words);
  }
}

function setRead(slug: string, read: boolean): ProgressRecord {
  return updateProgress((record) => {
    const lesson = record.lessons[slug] ?? { opened: new Date().toISOString(), read: false };
    record.lessons[slug] = { ...lesson, read };
  });
}

function start(): void {
  const main = document.querySelector<HTMLElement>('[data-progress-lesson]');
  const slug = main?.dataset.progressLesson;
  if (!main || !slug) {
    markSidebar(readProgress());
    return;
  }
  const record = updateProgress((draft) => {
    draft.lessons[slug] = draft.lessons[slug] ?? { opened: new Date().toISOString(), read: false };
    draft.lessons[slug].opened = new Date().toISOString();
    draft.last = slug;
  });
  markSidebar(record);

  const button = document.querySelector<HTMLButtonElement>('[data-progress-toggle]');
  const note = document.querySelector<HTMLElement>('[data-progress-note]');
  const show = (current: ProgressRecord): void => {
    const read = current.lessons[slug]?.read === true;
    if (button) {
      button.hidden = false;
      button.textContent = read ? 'Read ✓ — mark as not read' : 'Mark as read';
      button.setAttribute('aria-pressed', String(read));
    }
    markSidebar(current);
  };
  show(record);
  if (note && !canStoreProgress()) {
    note.hidden = false;
    note.textContent = 'Your progress cannot be saved in this browser (site storage is blocked); it lasts for this page only.';
  }
  button?.addEventListener('click', () => {
    show(setRead(slug, !(readProgress().lessons[slug]?.read === true)));
  });

  if (!('IntersectionObserver' in window)) return;
  const end = document.querySelector<HTMLElement>('[data-progress-end]');
  const headings = [...main.querySelectorAll<HTMLElement>('h2[id]')];
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const target = entry.target as HTMLElement;
      if (target === end) {
        observer.unobserve(target);
        show(setRead(slug, true));
      } else {
        updateProgress((draft) => {
          if (draft.lessons[slug]) draft.lessons[slug].heading = target.id;
        });
      }
    }
  });
  if (end) observer.observe(end);
  for (const heading of headings) observer.observe(heading);
}

start();
