/**
 * The home page's progress panel and the lesson list's per-lesson counts: summary, continue
 * link, export (a JSON download), import (validated, merged, never losing what is saved) and a
 * reset behind a native <dialog>. Messages go to the panel's polite live region.
 */
import { canStoreProgress, emptyRecord, readProgress, writeProgress, type ProgressRecord } from '../../utils/progress.ts';
import { countsText, lessonCounts, lessonStatus, mergeProgress, parseProgressFile, serialiseProgress, STATUS_WORDS } from '../../utils/progress-status.ts';

interface LessonEntry {
  slug: string;
  title: string;
  href: string;
}

function render(panel: HTMLElement, lessons: LessonEntry[], record: ProgressRecord): void {
  const read = lessons.filter((lesson) => lessonStatus(record, lesson.slug) === 'read').length;
  const summary = panel.querySelector<HTMLElement>('[data-progress-summary]');
  if (summary) summary.textContent = `${read} of ${lessons.length} lessons read.`;
  const last = lessons.find((lesson) => lesson.slug === record.last);
  const cont = panel.querySelector<HTMLElement>('[data-progress-continue]');
  const link = cont?.querySelector('a');
  if (cont && link) {
    cont.hidden = !last;
    if (last) {
      const heading = record.lessons[last.slug]?.heading;
      link.href = heading ? `${last.href}#${encodeURIComponent(heading)}` : last.href;
      link.textContent = `Continue where you left off: ${last.title}`;
    }
  }
  for (const item of document.querySelectorAll<HTMLElement>('[data-lesson-progress]')) {
    const slug = item.dataset.lessonProgress ?? '';
    const status = lessonStatus(record, slug);
    const totals = { checks: Number(item.dataset.checks ?? 0), cells: Number(item.dataset.cells ?? 0) };
    const counts = countsText(lessonCounts(record, slug), totals);
    item.dataset.status = status;
    item.textContent = status === 'not-started' ? '' : [STATUS_WORDS[status], counts].filter(Boolean).join(' · ');
  }
}

function download(text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = `activation-loss-progress-${new Date().toISOString().slice(0, 10)}.json`;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function start(): void {
  const panel = document.querySelector<HTMLElement>('[data-progress-panel]');
  if (!panel) return;
  const lessons = JSON.parse(panel.dataset.lessons ?? '[]') as LessonEntry[];
  const message = panel.querySelector<HTMLElement>('[data-progress-message]');
  const say = (text: string): void => {
    if (message) message.textContent = text;
  };
  const storable = canStoreProgress();
  panel.hidden = false;
  render(panel, lessons, readProgress());
  if (!storable) say('Progress cannot be saved in this browser (site storage is blocked), so there is nothing to export or reset.');

  panel.querySelector('[data-progress-export]')?.addEventListener('click', () => {
    download(serialiseProgress(readProgress()));
    say('Your progress was downloaded as a JSON file.');
  });

  const input = panel.querySelector<HTMLInputElement>('[data-progress-import]');
  input?.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    const result = parseProgressFile(await file.text(), lessons.map((lesson) => lesson.slug));
    input.value = '';
    if (!result.ok) {
      say(`Not imported: ${result.message} Your saved progress is unchanged.`);
      return;
    }
    const merged = mergeProgress(readProgress(), result.record);
    if (!writeProgress(merged)) {
      say('Not imported: this browser refuses to save progress.');
      return;
    }
    render(panel, lessons, merged);
    say('Progress imported and merged with what was saved.');
  });

  const dialog = panel.querySelector<HTMLDialogElement>('[data-progress-confirm]');
  panel.querySelector('[data-progress-reset]')?.addEventListener('click', () => dialog?.showModal());
  dialog?.addEventListener('close', () => {
    if (dialog.returnValue !== 'reset') return;
    writeProgress(emptyRecord());
    render(panel, lessons, readProgress());
    say('Your progress was reset.');
    panel.querySelector<HTMLButtonElement>('[data-progress-reset]')?.focus();
  });
}

start();
