/**
 * "Print with answers" and "Print without answers": the mode goes on <html> as
 * data-print-answers for the print styles to read, and comes off once printing is over, so that
 * a later Ctrl+P prints without answers again.
 */

/** Whether a printout carries the "Answers" section. */
export type AnswersMode = 'with' | 'without';

/** Sets the mode and opens the browser's print dialog. */
export function printHandout(mode: AnswersMode, root: HTMLElement = document.documentElement, print: () => void = () => window.print()): void {
  root.dataset.printAnswers = mode;
  print();
}

/** Wires every [data-print-answers-mode] button on the page and shows them (they are hidden without JavaScript). */
export function wirePrintButtons(root: HTMLElement = document.documentElement): void {
  for (const group of document.querySelectorAll<HTMLElement>('[data-print-buttons]')) {
    for (const button of group.querySelectorAll<HTMLButtonElement>('[data-print-answers-mode]')) {
      const mode: AnswersMode = button.dataset.printAnswersMode === 'with' ? 'with' : 'without';
      button.addEventListener('click', () => printHandout(mode, root));
    }
    group.hidden = false;
  }
  addEventListener('afterprint', () => delete root.dataset.printAnswers);
}
