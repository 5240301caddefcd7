/**
 * Draws what a run printed into the cell's output region, in the order it happened. Entries
 * are queued and drawn in batches, a few milliseconds of work per animation frame, so a run
 * that prints a thousand tables never blocks the page. Plot loads only when a chart arrives.
 */
import type { CellError, CheckResult, ConsoleOutput, NoteOutput, OutputEntry, PlotOutput, TableOutput } from './protocol.ts';

/**
 * How much one frame may draw before the rest waits for the next: a few milliseconds of
 * building, and a bounded count, since the browser's style and layout of what was added
 * (paid after the frame's script) grow with the number of new elements, not with our time.
 */
const FRAME_BUDGET_MS = 6;
const FRAME_MAX_TASKS = 40;

const ERROR_LABELS: Record<CellError['kind'], string> = {
  syntax: 'Syntax error',
  runtime: 'Error',
  import: 'Import error',
  memory: 'Out of memory',
  thrown: 'Thrown value',
};

const CONSOLE_LABELS: Record<ConsoleOutput['level'], string> = { log: 'log', warn: 'warning', error: 'error' };

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Where an error happened, in the reader's own code: "line 3, column 5", "line 3" or nothing. */
export function errorPlace(error: CellError): string {
  if (error.line === undefined) return '';
  return error.column === undefined ? `line ${error.line}` : `line ${error.line}, column ${error.column}`;
}

/** An error as one sentence: "Syntax error at line 2, column 9: Unexpected token". */
export function errorSentence(error: CellError): string {
  const place = errorPlace(error);
  return `${ERROR_LABELS[error.kind]}${place ? ` at ${place}` : ''}: ${error.message}`;
}

function renderTable(entry: TableOutput): HTMLElement {
  const wrapper = element('div', 'cell-table');
  const table = element('table');
  if (entry.caption) table.append(element('caption', undefined, entry.caption));
  const head = element('tr');
  for (const column of entry.columns) {
    const cell = element('th', undefined, column);
    cell.scope = 'col';
    head.append(cell);
  }
  table.append(element('thead'), element('tbody'));
  table.tHead!.append(head);
  for (const row of entry.rows) {
    const line = element('tr');
    row.forEach((value, index) => {
      // The first column names the row (an index or a key), so it is the row's header.
      const cell = element(index === 0 ? 'th' : 'td', undefined, value);
      if (index === 0) (cell as HTMLTableCellElement).scope = 'row';
      line.append(cell);
    });
    table.tBodies[0].append(line);
  }
  wrapper.append(table);
  if (entry.omitted > 0) {
    wrapper.append(element('p', 'cell-note', `${entry.omitted.toLocaleString('en')} more ${entry.omitted === 1 ? 'row' : 'rows'} not shown.`));
  }
  return wrapper;
}

function renderConsole(entry: ConsoleOutput): HTMLElement {
  const line = element('div', `cell-console cell-console-${entry.level}`);
  line.append(element('span', 'cell-level', CONSOLE_LABELS[entry.level]), element('span', 'cell-console-text', entry.text));
  return line;
}

function renderNote(entry: NoteOutput): HTMLElement {
  return element('p', 'cell-note', entry.text);
}

/** The output region of one cell. */
export class OutputView {
  private readonly region: HTMLElement;
  private queue: (() => void)[] = [];
  private frame: number | undefined;
  private generation = 0;

  /** A view drawing into `region` (the cell's data-part="output"). */
  constructor(region: HTMLElement) {
    this.region = region;
  }

  /** Empties the region and drops anything still queued from an earlier run. */
  clear(): void {
    this.generation++;
    this.queue = [];
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
    this.region.replaceChildren();
  }

  /** Queues one output entry. */
  append(entry: OutputEntry): void {
    this.enqueue(() => this.region.append(this.renderOrExplain(entry)));
  }

  /**
   * The entry drawn, or a line saying it could not be. The worker runs the reader's code, which
   * can post a message of any shape itself; one bad entry must not stop the rest being drawn.
   */
  private renderOrExplain(entry: OutputEntry): HTMLElement {
    try {
      const node: unknown = this.render(entry);
      if (node instanceof HTMLElement) return node;
    } catch {
      // Falls through to the line below.
    }
    return element('p', 'cell-error', 'An output the code sent could not be shown.');
  }

  /** Queues an error message. */
  error(error: CellError): void {
    this.enqueue(() => this.region.append(element('p', 'cell-error', errorSentence(error))));
  }

  /** Queues a runtime note such as "Stopped." */
  note(text: string, className = 'cell-note'): void {
    this.enqueue(() => this.region.append(element('p', className, text)));
  }

  /** Queues the graded checks as a list, each with a text mark, not colour alone. */
  checks(results: CheckResult[]): void {
    this.enqueue(() => {
      const list = element('ul', 'cell-checks');
      for (const result of results) {
        const item = element('li', result.passed ? 'cell-check-pass' : 'cell-check-fail');
        item.append(
          element('span', 'cell-mark', result.passed ? '✓ Passed' : '✗ Failed'),
          element('span', 'cell-check-name', result.name),
          element('span', 'cell-check-message', result.message),
        );
        list.append(item);
      }
      this.region.append(list);
    });
  }

  /** Calls `callback` once everything queued before it has been drawn. */
  then(callback: () => void): void {
    this.enqueue(callback);
  }

  private enqueue(task: () => void): void {
    this.queue.push(task);
    if (this.frame === undefined) this.frame = requestAnimationFrame(() => this.drain());
  }

  private drain(): void {
    this.frame = undefined;
    const start = performance.now();
    try {
      for (let done = 0; this.queue.length > 0 && done < FRAME_MAX_TASKS && performance.now() - start < FRAME_BUDGET_MS; done++) this.queue.shift()!();
    } finally {
      // A task that throws (checks or an error of a shape the page did not expect) still
      // leaves the rest of the queue, and the status line after it, to be drawn.
      if (this.queue.length > 0) this.frame = requestAnimationFrame(() => this.drain());
    }
  }

  private render(entry: OutputEntry): HTMLElement {
    switch (entry.kind) {
      case 'text':
        return element('pre', 'cell-text', entry.text);
      case 'console':
        return renderConsole(entry);
      case 'note':
        return renderNote(entry);
      case 'table':
        return renderTable(entry);
      case 'plot':
        return this.renderPlot(entry);
    }
  }

  /** A placeholder now, the chart when Plot has loaded (it keeps its place in the order). */
  private renderPlot(entry: PlotOutput): HTMLElement {
    const holder = element('figure', 'cell-plot');
    holder.setAttribute('aria-busy', 'true');
    const generation = this.generation;
    const width = Math.max(280, Math.min(this.region.clientWidth || 640, 720));
    const fail = (): void => {
      holder.replaceChildren(element('p', 'cell-error', 'The chart could not be drawn.'));
      holder.removeAttribute('aria-busy');
    };
    import('./plot-view.ts').then(({ drawPlot }) => {
      if (generation !== this.generation) return;
      requestAnimationFrame(() => {
        try {
          holder.replaceChildren(...drawPlot(entry, width));
          holder.removeAttribute('aria-busy');
        } catch {
          fail();
        }
      });
    }, fail);
    return holder;
  }
}
