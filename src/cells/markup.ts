/**
 * The parts a code cell adds around its code block, built once when the element connects: the
 * toolbar's buttons (named as the tests and readers know them), the "edited" mark, the status
 * line (the live region), a notice and the output region. element.ts wires their behaviour.
 */

/** A button of the site's style. */
export function button(label: string, className: string): HTMLButtonElement {
  const node = document.createElement('button');
  node.type = 'button';
  node.className = className;
  node.textContent = label;
  return node;
}

/** Every part of a cell besides its code. `code` is the still block until the editor replaces it. */
export interface CellParts {
  code: HTMLElement | undefined;
  run: HTMLButtonElement;
  stop: HTMLButtonElement;
  reset: HTMLButtonElement;
  copy: HTMLButtonElement;
  edited: HTMLSpanElement;
  status: HTMLParagraphElement;
  notice: HTMLDivElement;
  output: HTMLDivElement;
}

/** The parts, not yet in the page. */
export function createParts(): CellParts {
  return {
    code: undefined,
    run: button('Run', 'al-button al-button-primary'),
    stop: button('Stop', 'al-button'),
    reset: button("Reset to the lesson's code", 'al-button'),
    copy: button('Copy link', 'al-button'),
    edited: document.createElement('span'),
    status: document.createElement('p'),
    notice: document.createElement('div'),
    output: document.createElement('div'),
  };
}

/**
 * Puts the parts after the still code block and makes the block stand in for the editor until
 * it loads: focusable, a named multi-line textbox.
 */
export function layOut(pre: HTMLElement, parts: CellParts, label: string): void {
  const { run, stop, reset, copy, edited, status, notice, output } = parts;
  pre.tabIndex = 0;
  pre.setAttribute('role', 'textbox');
  pre.setAttribute('aria-multiline', 'true');
  pre.setAttribute('aria-label', label);

  const toolbar = document.createElement('div');
  toolbar.className = 'cell-toolbar';
  stop.disabled = true;
  reset.hidden = true;
  edited.className = 'cell-edited';
  edited.textContent = 'edited';
  edited.hidden = true;
  toolbar.append(run, stop, reset, copy, edited);
  status.className = 'cell-status';
  notice.className = 'al-notice cell-notice';
  notice.hidden = true;
  output.className = 'cell-output';
  output.dataset.part = 'output';
  pre.after(notice, toolbar, status, output);
}
