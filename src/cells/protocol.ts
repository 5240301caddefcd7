/**
 * The messages between a code cell on the page and the Worker that runs its code. Everything
 * here is plain data (structured-clone safe): the worker never sends a function or a DOM node,
 * and the page never trusts a message without its run id.
 */

/** The page asks the worker to run a cell's code; `check` names a graded exercise to run after it. */
export interface RunRequest {
  type: 'run';
  runId: number;
  code: string;
  check?: string;
}

/** One cell of a table the page draws: text already formatted by the worker. */
export type TableCell = string;

/** A table: a header row and body rows of formatted text; `omitted` rows were left off. */
export interface TableOutput {
  kind: 'table';
  columns: string[];
  rows: TableCell[][];
  omitted: number;
  caption?: string;
}

/** Formatted text: a number, a string, or an object written out (`show` of a scalar or object). */
export interface TextOutput {
  kind: 'text';
  text: string;
}

/** A console.log / warn / error line. */
export interface ConsoleOutput {
  kind: 'console';
  level: 'log' | 'warn' | 'error';
  text: string;
}

/** One mark of a chart: a Plot mark name from a fixed list, its rows, and plain options. */
export interface PlotMarkSpec {
  mark: 'line' | 'lineY' | 'dot' | 'areaY' | 'barY' | 'ruleX' | 'ruleY' | 'text' | 'rectY';
  data: Record<string, number | string | null>[];
  options: Record<string, number | string | boolean | null>;
}

/** A chart the page draws with Observable Plot and the site's theme. */
export interface PlotOutput {
  kind: 'plot';
  marks: PlotMarkSpec[];
  x?: { label?: string; type?: 'linear' | 'log' | 'symlog'; domain?: [number, number] };
  y?: { label?: string; type?: 'linear' | 'log' | 'symlog'; domain?: [number, number] };
  /** Short title, also the chart's accessible label. */
  title?: string;
  /** Series names in order, when marks are told apart by stroke (drawn as a legend with dashes). */
  legend?: string[];
}

/** A note from the runtime itself (e.g. "Output stopped after 1,000 lines."). */
export interface NoteOutput {
  kind: 'note';
  text: string;
}

/** Anything a cell can print, in the order it happened. */
export type OutputEntry = TableOutput | TextOutput | ConsoleOutput | PlotOutput | NoteOutput;

/** Why a run failed. Line and column are in the reader's own code (1-based), when known. */
export interface CellError {
  kind: 'syntax' | 'runtime' | 'import' | 'memory' | 'thrown';
  message: string;
  line?: number;
  column?: number;
}

/** One graded check's verdict. */
export interface CheckResult {
  name: string;
  passed: boolean;
  message: string;
}

/** Worker to page: output as it happens. */
export interface OutputMessage {
  type: 'output';
  runId: number;
  entry: OutputEntry;
}

/** Worker to page: the run ended (its code finished or threw, and any checks ran). */
export interface DoneMessage {
  type: 'done';
  runId: number;
  error?: CellError;
  checks?: CheckResult[];
}

/** Worker to page: the worker has loaded and can take a run. */
export interface ReadyMessage {
  type: 'ready';
}

/** Everything the worker sends. */
export type WorkerMessage = OutputMessage | DoneMessage | ReadyMessage;
