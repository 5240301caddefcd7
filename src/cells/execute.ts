import { plotSpec } from './plot-spec.ts';
import type { CellError, CheckResult, OutputEntry } from './protocol.ts';
import { consoleText, formatInline, serialise, serialiseTable } from './serialise.ts';
import { COURSE_MODULE, importError, transpile } from './transpile.ts';

/** The most output entries one run shows; then a single note says output stopped. */
export const MAX_OUTPUT_ENTRIES = 1000;
/** The most characters of output one run shows (a plotted point counts as one). */
export const MAX_OUTPUT_CHARACTERS = 200_000;

/** How a run is asked for: the graded check to run afterwards, and where output goes as it happens. */
export interface ExecuteOptions {
  check?: string;
  emit: (entry: OutputEntry) => void;
}

/** How a run ended: the error that stopped it, if any, and the check's verdicts, if one ran. */
export interface ExecuteResult {
  error?: CellError;
  checks?: CheckResult[];
}

/** What the cell's code sees as its own names, in the order the function takes them. */
const PARAMETERS = ['require', 'exports', 'show', 'table', 'plot', 'console'] as const;

type CellFunction = (...values: unknown[]) => Promise<unknown>;
type AsyncFunctionConstructor = new (...parametersAndBody: string[]) => CellFunction;
// The constructor of async functions is not a global; an async arrow's prototype leads to it.
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as AsyncFunctionConstructor;

// A stack frame inside code made by the Function constructor: V8 `<anonymous>:4:9`, Firefox `> Function:4:9`.
const GENERATED_FRAME = /(?:<anonymous>|> (?:Async)?Function|> eval):(\d+):(\d+)/;

/**
 * `read()`, or undefined when it throws: a thrown value's getters and a Proxy's traps are the
 * reader's code, and a throw from them while the error is described would lose the run's result.
 */
function guarded<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** The line of the first frame in generated code in an error's stack. */
function generatedLine(error: unknown): number | undefined {
  const stack = guarded(() => (error as { stack?: unknown } | null)?.stack);
  const match = typeof stack === 'string' ? GENERATED_FRAME.exec(stack) : null;
  return match ? Number(match[1]) : undefined;
}

/**
 * How many lines the engine puts before a function body (`async function anonymous(a, b\n) {`),
 * measured once by a probe that throws on its first line, since engines differ.
 */
const headerLines: Promise<number | undefined> = new AsyncFunction(...PARAMETERS, 'throw new Error();')().then(
  () => undefined,
  (error: unknown) => {
    const line = generatedLine(error);
    return line === undefined ? undefined : line - 1;
  },
);

/** A cell's import of a module other than the course. */
class ForbiddenImport extends Error {
  readonly moduleName: string;
  constructor(moduleName: string) {
    super(`no module ${moduleName}`);
    this.moduleName = moduleName;
  }
}

/**
 * The `require` a cell is given: the course when its code imports it (loaded before the run,
 * since `require` is synchronous), nothing else. The library and the graded checks are imported
 * only by a run that needs them, so a first run of `show(1 + 1)` loads neither.
 */
async function requireFor(usesCourse: boolean): Promise<(name: unknown) => unknown> {
  const course = usesCourse ? await import('../lib/index.ts') : undefined;
  return (name) => {
    if (name === COURSE_MODULE && course) return course;
    throw new ForbiddenImport(String(name));
  };
}

const MEMORY_MESSAGES: readonly [RegExp, string][] = [
  [/Array buffer allocation failed|allocation failed|out of memory/i, 'the code asked for more memory than the page can give; try smaller arrays'],
  [/Invalid (typed )?array( buffer)? length/i, "an array's length must be a whole number from 0 to 4,294,967,295, so a negative, fractional or huge length (or an array grown without end) stops here"],
  [/Invalid string length/i, 'the text grew longer than the browser allows; is a string growing in a loop?'],
];

function isError(value: unknown): value is Error {
  return value instanceof Error || Object.prototype.toString.call(value) === '[object Error]';
}

/** The start of the sentence for a thrown value that throws again when it is read. */
const UNREADABLE = 'The code threw a value that cannot be read';

/** Why the run stopped, with the line in the reader's code when the stack says. */
function describeError(error: unknown, offset: number | undefined): CellError {
  const stackLine = generatedLine(error);
  const line = stackLine !== undefined && offset !== undefined && stackLine > offset ? stackLine - offset : undefined;
  const at = line === undefined ? {} : { line };
  const unreadable: CellError = { kind: 'thrown', message: `${UNREADABLE}: reading its name or message throws.`, ...at };
  // Every read below may run the reader's getters (instanceof a Proxy's getPrototypeOf trap too).
  if (guarded(() => error instanceof ForbiddenImport)) return importError((error as ForbiddenImport).moduleName, line);
  const errorLike = guarded(() => isError(error));
  const unwritable: CellError = { kind: 'thrown', message: `${UNREADABLE}: reading it throws.`, ...at };
  if (errorLike === undefined) return unwritable;
  if (!errorLike) {
    const written = guarded(() => formatInline(error, true));
    if (written === undefined) return unwritable;
    return {
      kind: 'thrown',
      message: `The code threw ${written}, which is not an Error, so it has no message or line. Throw new Error('what went wrong') instead.`,
    };
  }
  // isError said so, inside the guard, where TypeScript cannot carry the narrowing out.
  const thrown = error as Error;
  const name = guarded(() => String(thrown.name));
  const message = guarded(() => String(thrown.message));
  if (name === undefined || message === undefined) return unreadable;
  if (name === 'RangeError') {
    const memory = MEMORY_MESSAGES.find(([pattern]) => pattern.test(message));
    if (memory) return { kind: 'memory', message: `${name}: ${message}: ${memory[1]}.`, ...at };
    if (/call stack/i.test(message)) {
      return { kind: 'runtime', message: `${name}: ${message}: does a function call itself with no case that stops it?`, ...at };
    }
  }
  return { kind: 'runtime', message: `${name}: ${message}`, ...at };
}

/** An emit that keeps to the run's output caps and says once, in a note, that output stopped. */
function cappedEmit(emit: (entry: OutputEntry) => void): { emit: (entry: OutputEntry) => void; close: () => void } {
  const counted = { entries: 0, characters: 0, stopped: false, closed: false };
  return {
    emit(entry) {
      if (counted.stopped || counted.closed) return;
      const characters = sizeOf(entry);
      const overEntries = counted.entries + 1 > MAX_OUTPUT_ENTRIES;
      if (overEntries || counted.characters + characters > MAX_OUTPUT_CHARACTERS) {
        counted.stopped = true;
        const limit = overEntries ? `${MAX_OUTPUT_ENTRIES.toLocaleString('en-GB')} entries` : `${MAX_OUTPUT_CHARACTERS.toLocaleString('en-GB')} characters`;
        emit({ kind: 'note', text: `Output stopped after ${limit}; the code went on running.` });
        return;
      }
      counted.entries += 1;
      counted.characters += characters;
      emit(entry);
    },
    // Output from timers that fire after the run ended has no run to belong to.
    close() {
      counted.closed = true;
    },
  };
}

function sizeOf(entry: OutputEntry): number {
  switch (entry.kind) {
    case 'table':
      return entry.columns.join('').length + entry.rows.reduce((total, row) => total + row.join('').length, 0) + (entry.caption?.length ?? 0);
    case 'plot':
      return entry.marks.reduce((total, mark) => total + mark.data.length, 0) + (entry.title?.length ?? 0);
    default:
      return entry.text.length;
  }
}

/** The names a cell's code is given besides `require` and `exports`. */
function cellGlobals(emit: (entry: OutputEntry) => void) {
  const line = (level: 'log' | 'warn' | 'error') => (...values: unknown[]) => emit({ kind: 'console', level, text: consoleText(values) });
  return {
    show(...values: unknown[]) {
      const scalars = values.every((value) => value === null || typeof value !== 'object');
      if (values.length > 1 && scalars) emit({ kind: 'text', text: consoleText(values) });
      else for (const value of values) emit(serialise(value));
    },
    table(value: unknown, caption?: unknown) {
      emit(serialiseTable(value, caption === undefined ? undefined : String(caption)));
    },
    plot(options: unknown) {
      emit(plotSpec(options));
    },
    console: Object.freeze({
      log: line('log'),
      info: line('log'),
      debug: line('log'),
      warn: line('warn'),
      error: line('error'),
      table: (value: unknown) => emit(serialiseTable(value)),
    }),
  };
}

/**
 * Runs a cell's TypeScript: transpiled, then as the body of an async function (so top-level
 * `await` works) given `require` (only 'course'), `exports`, `show`, `table`, `plot` and a
 * `console`; output goes to `emit` as it happens, within the caps. If `check` is given and the
 * code ran to the end, the graded check then reads what the code exported.
 */
export async function executeCell(code: string, options: ExecuteOptions): Promise<ExecuteResult> {
  const transpiled = transpile(code);
  if (!transpiled.ok) return { error: transpiled.error };
  const offset = await headerLines;
  let run: CellFunction;
  try {
    run = new AsyncFunction(...PARAMETERS, transpiled.code);
  } catch (error) {
    // Sucrase does not check everything (e.g. `let let = 1`); the engine then refuses, without a line.
    return { error: { kind: 'syntax', message: isError(error) ? error.message : String(error) } };
  }
  const requireModule = await requireFor(transpiled.usesCourse);
  const output = cappedEmit(options.emit);
  const globals = cellGlobals(output.emit);
  const exports: Record<string, unknown> = {};
  try {
    await run(requireModule, exports, globals.show, globals.table, globals.plot, globals.console);
  } catch (error) {
    output.close();
    return { error: describeError(error, offset) };
  }
  if (options.check === undefined) {
    output.close();
    return {};
  }
  const { runCheck } = await import('./checks/index.ts');
  const checks = await runCheck(options.check, exports);
  output.close();
  return { checks };
}
