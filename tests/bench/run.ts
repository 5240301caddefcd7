/**
 * `npm run bench`: trains the lab on identical data, initial weights and shuffles, and prints a
 * table with each baseline's time as a multiple of the course's; `--json` prints one JSON object
 * per line instead. Rows:
 * - `course`: the course's own engine (src/lib), float64; see course-engine.ts.
 * - `course-f32`: the same run as the engine's float32 preview (createPreviewTrainer): a labelled
 *   preview whose figures the float64 run confirms, not a baseline.
 * - `tfjs-cpu`: TensorFlow.js used the ordinary way on its pure-JavaScript CPU backend, autodiff
 *   through `tf.train.sgd(0.05).minimize`; the baseline the speed target is judged against.
 * - `tfjs-cpu-manual`: the same tfjs backend with the backward pass written by hand in tfjs ops
 *   (no tape, no optimizer object), a faster and so harder baseline.
 * - `numpy-seed`: the seed article's own NumPy script, all 500 epochs, on the article's data
 *   (sklearn's make_moons and split, so not the identical samples and weights of the rows above);
 *   skipped, with the reason, when no python3 has NumPy and scikit-learn. See numpy-seed.ts.
 * Options: --runs N (course runs after one warm-up, default 5), --tfjs-epochs N (epochs each
 * slow tfjs baseline actually trains per run before scaling to 500, default 25), --tfjs-runs N
 * (default 5; the tfjs runs vary more, and other work on this 2-core machine shows in them),
 * --numpy-runs N (timed runs of the NumPy script after a short warm-up, default 3; 0 skips it).
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { runCourse, runCoursePreview } from './course-engine.ts';
import { LAB_EPOCHS, labData, type Run } from './lab-data.ts';
import { runNumpySeed, type SeedOutcome } from './numpy-seed.ts';
import { runTfjsAutodiff } from './tfjs-autodiff.ts';
import { runTfjsManual } from './tfjs-manual.ts';
import { tf, useCpuBackend } from './tfjs-shared.ts';
import type { Split } from '../../src/lib/index.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
    'tfjs-epochs': { type: 'string', default: '25' },
    'tfjs-runs': { type: 'string', default: '5' },
    'numpy-runs': { type: 'string', default: '3' },
  },
});
/** A whole-number option, or a clear message and exit. */
function count(name: string, minimum: number): number {
  const value = Number(values[name as keyof typeof values]);
  if (!Number.isInteger(value) || value < minimum) {
    console.error(`bench: --${name} must be a whole number of at least ${minimum}, got ${String(values[name as keyof typeof values])}`);
    process.exit(2);
  }
  return value;
}
const courseRuns = count('runs', 1);
const tfjsEpochs = count('tfjs-epochs', 1);
// --tfjs-runs 0 skips the (slow) TensorFlow.js baselines.
const tfjsRuns = count('tfjs-runs', 0);
// --numpy-runs 0 skips the seed's NumPy script.
const numpyRuns = count('numpy-runs', 0);
const SEED = 42;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

const data = labData();

// The first run lets V8 compile the hot loops; it is not counted.
runCourse(data, SEED);
const course: Run[] = Array.from({ length: courseRuns }, () => runCourse(data, SEED));
runCoursePreview(data, SEED);
const preview: Run[] = Array.from({ length: courseRuns }, () => runCoursePreview(data, SEED));

const numpy: SeedOutcome = numpyRuns === 0 ? { ran: false, reason: 'skipped: --numpy-runs 0' } : await runNumpySeed({ runs: numpyRuns, epochs: LAB_EPOCHS });

await useCpuBackend();
const scale = LAB_EPOCHS / tfjsEpochs;
/** One warm-up of 2 epochs, then `tfjsRuns` timed runs of `tfjsEpochs`; fails if a run leaks tensors. */
function timeTfjs(run: (data: Split, seed: number, epochs: number) => Run): Run[] {
  const leakCheck = (result: Run): Run => {
    if (tf.memory().numTensors !== tensorsBefore) throw new Error(`bench: a tfjs run left ${tf.memory().numTensors - tensorsBefore} tensors`);
    return result;
  };
  const tensorsBefore = tf.memory().numTensors;
  leakCheck(run(data, SEED, 2));
  return Array.from({ length: tfjsRuns }, () => leakCheck(run(data, SEED, tfjsEpochs)));
}
const tfjsAutodiff = timeTfjs(runTfjsAutodiff);
const tfjsManual = timeTfjs(runTfjsManual);

const courseRow = {
  name: 'course',
  epochs: LAB_EPOCHS,
  medianMs: round(median(course.map((r) => r.ms))),
  runsMs: course.map((r) => round(r.ms)),
  testAccuracy: course[0].testAccuracy,
};
const previewRow = {
  name: 'course-f32',
  epochs: LAB_EPOCHS,
  medianMs: round(median(preview.map((r) => r.ms))),
  runsMs: preview.map((r) => round(r.ms)),
  testAccuracy: preview[0].testAccuracy,
};
/** A baseline measured over `tfjsEpochs` and scaled to the lab's 500; its accuracy is after `tfjsEpochs`. */
const scaledRow = (name: string, runs: readonly Run[]) => ({
  name,
  epochs: LAB_EPOCHS,
  medianMs: round(median(runs.map((r) => r.ms)) * scale),
  runsMs: runs.map((r) => round(r.ms * scale)),
  testAccuracy: runs[0].testAccuracy,
  ...(tfjsEpochs === LAB_EPOCHS ? {} : { measuredEpochs: tfjsEpochs }),
});
const baselines: [string, Run[]][] = [
  ['tfjs-cpu', tfjsAutodiff],
  ['tfjs-cpu-manual', tfjsManual],
];
/** The NumPy script's row: all 500 epochs measured, nothing scaled; names the interpreter and versions. */
const numpyRow = numpy.ran
  ? {
      name: 'numpy-seed',
      epochs: numpy.timing.epochs,
      medianMs: round(median(numpy.timing.runsMs)),
      runsMs: numpy.timing.runsMs.map(round),
      testAccuracy: numpy.timing.testAccuracy,
      interpreter: numpy.interpreter,
      python: numpy.timing.python,
      numpy: numpy.timing.numpy,
      sklearn: numpy.timing.sklearn,
    }
  : undefined;
const rows = [
  courseRow,
  previewRow,
  ...(numpyRow ? [numpyRow] : []),
  ...baselines.filter(([, runs]) => runs.length > 0).map(([name, runs]) => scaledRow(name, runs)),
];

if (values.json) {
  for (const row of rows) console.log(JSON.stringify({ ...row, vsCourse: Math.round((row.medianMs / courseRow.medianMs) * 100) / 100 }));
  // Standard output stays one row per line; the reason goes to standard error.
  if (!numpy.ran) console.error(`numpy-seed: ${numpy.reason}`);
} else {
  console.log(`Lab: make_moons 2000/0.2/42, 70/15/15, 2-32-16-8-1 ReLU/sigmoid, SGD 0.05, batch 64, BCE, ${LAB_EPOCHS} epochs`);
  console.log(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, load average ${loadavg()[0].toFixed(2)}`);
  console.log('');
  console.log('engine           epochs  measured  median (s)  runs (s)                          test acc.  vs course');
  for (const row of rows) {
    const measured = 'measuredEpochs' in row ? String(row.measuredEpochs) : String(row.epochs);
    const runs = row.runsMs.map((ms) => (ms / 1000).toFixed(2)).join(' ');
    const ratio = `${(row.medianMs / courseRow.medianMs).toFixed(1)}x`;
    console.log(
      `${row.name.padEnd(15)} ${String(row.epochs).padStart(7)}  ${measured.padStart(8)}  ${(row.medianMs / 1000).toFixed(3).padStart(10)}  ${runs.padEnd(32)}  ${`${(row.testAccuracy * 100).toFixed(1)}%`.padStart(9)}  ${ratio.padStart(9)}`,
    );
  }
  console.log('');
  if (!numpy.ran) {
    console.log(`numpy-seed: ${numpy.reason}`);
  } else if (numpyRow) {
    console.log(`course is ${(numpyRow.medianMs / courseRow.medianMs).toFixed(1)}x faster than the seed's NumPy script`);
    console.log(`numpy-seed: the article's script (tests/bench/seed_lab.py), its train() timed, on ${numpyRow.interpreter} (Python ${numpyRow.python}, NumPy ${numpyRow.numpy}, scikit-learn ${numpyRow.sklearn})`);
  }
  console.log(`course-f32 is the float32 preview (createPreviewTrainer), ${(courseRow.medianMs / previewRow.medianMs).toFixed(1)}x faster than float64: a preview whose figures a float64 run confirms.`);
  console.log(`vs course: median time as a multiple of the course's; tfjs rows are scaled from ${tfjsEpochs} to ${LAB_EPOCHS} epochs and their accuracy is after ${tfjsEpochs}.`);
  console.log('tfjs-cpu uses tfjs the ordinary way (autodiff, tf.train.sgd); tfjs-cpu-manual has hand-written gradients.');
}
