/**
 * The `numpy-seed` row of `npm run bench`: the seed article's NumPy script (seed_lab.py, syntax
 * fixed, otherwise as printed) timed on the lab by seed_lab_bench.py. It needs a Python with
 * NumPy and scikit-learn: $PYTHON when set, else `python3` on PATH, then `/usr/bin/python3` (on
 * this machine the PATH one is pyenv's, without scikit-learn, and Debian's has both). With none,
 * the row is skipped and the reason says which interpreters were tried and why each failed.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The driver that times the article's train(); prints one JSON line. */
export const SEED_DRIVER = fileURLToPath(new URL('./seed_lab_bench.py', import.meta.url));

/** Runs `file` with `args`, resolving with its standard output; rejects on failure or timeout. */
export type Exec = (file: string, args: readonly string[], timeoutMs: number) => Promise<string>;

/** What the driver prints: train() times, the test accuracy after the first run, versions. */
export interface SeedTiming {
  readonly runsMs: readonly number[];
  readonly testAccuracy: number;
  readonly epochs: number;
  readonly numpy: string;
  readonly sklearn: string;
  readonly python: string;
}

/** The row's outcome: timings from `interpreter`, or the reason it was skipped. */
export type SeedOutcome = { readonly ran: true; readonly interpreter: string; readonly timing: SeedTiming } | { readonly ran: false; readonly reason: string };

/** How long an interpreter may take to import NumPy and scikit-learn. */
const PROBE_TIMEOUT_MS = 30_000;
const PROBE = 'import numpy, sklearn; print(numpy.__version__, sklearn.__version__)';

/** execFile as a promise; the error names the program and carries the last line of its stderr. */
export const execFileText: Exec = (file, args, timeoutMs) =>
  new Promise((resolve, reject) => {
    execFile(file, [...args], { timeout: timeoutMs, encoding: 'utf8', maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const lastLine = stderr.trim().split('\n').at(-1);
      const code = (error as NodeJS.ErrnoException).code;
      const why =
        code === 'ENOENT' ? 'not found'
        : error.killed ? `timed out after ${timeoutMs / 1000} s`
        : lastLine || error.message;
      reject(new Error(why));
    });
  });

/** The interpreters to try, in order: only $PYTHON when it is set, else `python3` and `/usr/bin/python3`. */
export function pythonCandidates(env: Readonly<Record<string, string | undefined>> = process.env): string[] {
  const chosen = env.PYTHON?.trim();
  return chosen ? [chosen] : ['python3', '/usr/bin/python3'];
}

/** The first candidate that imports NumPy and scikit-learn, or a reason naming each one tried and why it failed. */
export async function findPython(candidates: readonly string[], exec: Exec = execFileText): Promise<{ readonly python: string } | { readonly reason: string }> {
  const tried: string[] = [];
  for (const python of candidates) {
    try {
      await exec(python, ['-c', PROBE], PROBE_TIMEOUT_MS);
      return { python };
    } catch (error) {
      tried.push(`${python}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { reason: `skipped: no python3 with numpy and scikit-learn (tried: ${tried.join('; ') || 'none'})` };
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isMs = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** The driver's JSON line (the last non-empty line of its output), checked field by field; throws a clear error otherwise. */
export function parseSeedTiming(stdout: string): SeedTiming {
  const line = stdout.trim().split('\n').at(-1)?.trim() ?? '';
  const fail = (why: string): never => {
    throw new Error(`bench: seed_lab_bench.py printed ${why}: ${JSON.stringify(line.slice(0, 200))}`);
  };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return fail('no JSON line');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('JSON that is not an object');
  const fields = value as Record<string, unknown>;
  const { runsMs, testAccuracy, epochs, numpy, sklearn, python } = fields;
  if (!Array.isArray(runsMs) || runsMs.length === 0 || !runsMs.every(isMs)) return fail('no runsMs list of times');
  if (typeof testAccuracy !== 'number' || !(testAccuracy >= 0 && testAccuracy <= 1)) return fail('a testAccuracy outside 0 to 1');
  if (!Number.isInteger(epochs) || (epochs as number) < 1) return fail('no whole number of epochs');
  if (!isText(numpy) || !isText(sklearn) || !isText(python)) return fail('no numpy, sklearn and python versions');
  return { runsMs, testAccuracy, epochs: epochs as number, numpy, sklearn, python };
}

/** Options for {@link runNumpySeed}; `candidates` and `exec` are for tests. */
export interface SeedOptions {
  readonly runs: number;
  readonly epochs: number;
  readonly candidates?: readonly string[];
  readonly exec?: Exec;
}

/**
 * Finds a Python with NumPy and scikit-learn and times the article's script on it; skipped (with
 * the reason) when there is none. A Python that has both but whose driver fails is an error, not a skip.
 */
export async function runNumpySeed({ runs, epochs, candidates = pythonCandidates(), exec = execFileText }: SeedOptions): Promise<SeedOutcome> {
  const found = await findPython(candidates, exec);
  if ('reason' in found) return { ran: false, reason: found.reason };
  // The article's run is 1.5-5 s on this machine; allow 40 ms an epoch, plus start-up and the warm-up.
  const timeoutMs = 60_000 + runs * epochs * 40;
  let stdout: string;
  try {
    stdout = await exec(found.python, [SEED_DRIVER, '--runs', String(runs), '--epochs', String(epochs)], timeoutMs);
  } catch (error) {
    throw new Error(`bench: ${found.python} ${SEED_DRIVER} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { ran: true, interpreter: found.python, timing: parseSeedTiming(stdout) };
}
