/**
 * "Print with answers" and "Print without answers": the mode goes on <html> as
 * data-print-answers for the print styles to read, and comes off once printing is over, so that
 * a later Ctrl+P prints without answers again. With answers, handout-answers.ts builds the
 * Answers section from the page while it prints.
 */

/** Whether a printout carries the "Answers" section. */
export type AnswersMode = 'with' | 'without';

/** Sets the mode and opens the browser's print dialog. */
export function printHandout(mode: AnswersMode, root: HTMLElement = document.documentElement, print: () => void = () => window.print()): void {
  root.dataset.printAnswers = mode;
  print();
}

/**
 * Wires every [data-print-answers-mode] button on the page and shows them (they are hidden without
 * JavaScript), and the Answers section into `main`, the lesson's text.
 */
export function wirePrintButtons(main: HTMLElement | null, root: HTMLElement = document.documentElement): void {
  // Loaded beside the page rather than inlined in its HTML, which has a size budget; only the
  // "with" button prints answers, so it waits for the section's code (long loaded by any click),
  // and a failed load still prints, only without them.
  const answersReady = main ? import('./handout-answers.ts').then(({ wireHandoutAnswers }) => wireHandoutAnswers(main, root)).catch(() => undefined) : Promise.resolve();
  for (const group of document.querySelectorAll<HTMLElement>('[data-print-buttons]')) {
    for (const button of group.querySelectorAll<HTMLButtonElement>('[data-print-answers-mode]')) {
      const mode: AnswersMode = button.dataset.printAnswersMode === 'with' ? 'with' : 'without';
      button.addEventListener('click', async () => {
        if (mode === 'with') await answersReady;
        printHandout(mode, root);
      });
    }
    group.hidden = false;
  }
  addEventListener('afterprint', () => delete root.dataset.printAnswers);
}
