/**
 * `npm run bench`: trains the lab with the course's engine and with TensorFlow.js's CPU backend
 * on identical data and prints a table; `--json` prints one JSON object per line instead.
 * Options: --runs N (course runs after one warm-up, default 5), --tfjs-epochs N (epochs the
 * slow baseline actually trains per run before scaling to 500, default 25), --tfjs-runs N (default 3).
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { runCourse } from './course-engine.ts';
import { LAB_EPOCHS, labData, type Run } from './lab-data.ts';
import { runTfjs, useCpuBackend } from './tfjs-baseline.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
    'tfjs-epochs': { type: 'string', default: '25' },
    'tfjs-runs': { type: 'string', default: '3' },
  },
});
const courseRuns = Number(values.runs);
const tfjsEpochs = Number(values['tfjs-epochs']);
const tfjsRuns = Number(values['tfjs-runs']);
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

await useCpuBackend();
runTfjs(data, SEED, 2);
const scale = LAB_EPOCHS / tfjsEpochs;
const tfjs: Run[] = Array.from({ length: tfjsRuns }, () => runTfjs(data, SEED, tfjsEpochs));

const rows = [
  {
    name: 'course',
    epochs: LAB_EPOCHS,
    medianMs: round(median(course.map((r) => r.ms))),
    runsMs: course.map((r) => round(r.ms)),
    testAccuracy: course[0].testAccuracy,
  },
  {
    name: 'tfjs-cpu',
    epochs: LAB_EPOCHS,
    medianMs: round(median(tfjs.map((r) => r.ms)) * scale),
    runsMs: tfjs.map((r) => round(r.ms * scale)),
    testAccuracy: tfjs[0].testAccuracy,
    measuredEpochs: tfjsEpochs,
  },
];

if (values.json) {
  for (const row of rows) console.log(JSON.stringify(row));
} else {
  const [ours, baseline] = rows;
  console.log(`Lab: make_moons 2000/0.2/42, 70/15/15, 2-32-16-8-1 ReLU/sigmoid, SGD 0.05, batch 64, BCE, ${LAB_EPOCHS} epochs`);
  console.log(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, load average ${loadavg()[0].toFixed(2)}`);
  console.log('');
  console.log('engine     epochs  measured  median (s)  runs (s)                          test acc.');
  for (const row of rows) {
    const measured = 'measuredEpochs' in row ? String(row.measuredEpochs) : String(row.epochs);
    const runs = row.runsMs.map((ms) => (ms / 1000).toFixed(2)).join(' ');
    console.log(
      `${row.name.padEnd(10)} ${String(row.epochs).padStart(6)}  ${measured.padStart(8)}  ${(row.medianMs / 1000).toFixed(3).padStart(10)}  ${runs.padEnd(32)}  ${(row.testAccuracy * 100).toFixed(1)}%`,
    );
  }
  console.log('');
  console.log(`course is ${(baseline.medianMs / ours.medianMs).toFixed(1)}× faster than tfjs-cpu (tfjs scaled from ${tfjsEpochs} to ${LAB_EPOCHS} epochs; its accuracy is after ${tfjsEpochs})`);
}
