import { describe, expect, test } from 'vitest';
import { defaultState, parseState } from '../../../src/widgets/common/state.ts';
import { GRID, MAX_USER_POINTS, confusionMatrix, formatPoints, gridInputs, parsePoints, prepareData } from '../../../src/widgets/moons-lab/model.ts';
import { harness } from './lab-session-harness.ts';
import type { LabReport } from '../../../src/widgets/moons-lab/protocol.ts';
import { SCHEMA, type LabState } from '../../../src/widgets/moons-lab/state.ts';

const small: LabState = { ...defaultState(SCHEMA), points: 400, hidden: [8, 8], epochs: 40 };

describe('the lab state', () => {
  test('defaults are the article setup', () => {
    expect(defaultState(SCHEMA)).toEqual({
      data: 'moons', noise: 0.2, points: 2000, seed: 42, hidden: [32, 16, 8], activation: 'relu',
      lr: 0.05, batch: 64, epochs: 500, optimizer: 'sgd', backward: 'correct',
    });
  });

  test('hidden layers travel as "32-16-8" and bad lists are refused', () => {
    expect(parseState(SCHEMA, { hidden: '4-2' }).state.hidden).toEqual([4, 2]);
    for (const raw of ['', '0', '65', '1-2-3-4-5-6', '3.5', 'a-b', '8--8']) {
      const { state, problems } = parseState(SCHEMA, { hidden: raw });
      expect(state.hidden, raw).toEqual([32, 16, 8]);
      expect(problems[0], raw).toMatch(/Hidden layers: .* is not allowed \(1 to 5 whole numbers from 1 to 64/);
    }
  });
});

describe('the lab data', () => {
  test('the article split: 1,400 / 300 / 300 rows, standardised on the training part', () => {
    const data = prepareData(defaultState(SCHEMA));
    expect([data.train.size, data.validation.size, data.test.size]).toEqual([1400, 300, 300]);
    const mean = (k: number) => data.train.inputs.filter((_, i) => i % 2 === k).reduce((a, b) => a + b, 0) / data.train.size;
    expect(Math.abs(mean(0))).toBeLessThan(1e-12);
    expect(Math.abs(mean(1))).toBeLessThan(1e-12);
  });

  test("the reader's points join the training part only", () => {
    const data = prepareData(small, [{ x: 0.5, y: -0.25, label: 1 }]);
    expect(data.train.size).toBe(281);
    expect([...data.train.inputs.slice(-2), data.train.targets.at(-1)]).toEqual([0.5, -0.25, 1]);
    expect(data.validation.size + data.test.size).toBe(120);
  });

  test("the reader's points round-trip through the address, and bad text is set aside", () => {
    const points = [
      { x: 0.5, y: -1.25, label: 1 as const },
      { x: -2, y: 3.14, label: 0 as const },
    ];
    expect(formatPoints(points)).toBe('0.50:-1.25:1~-2.00:3.14:0');
    expect(parsePoints(formatPoints(points))).toEqual({ points });
    const tooMany = Array.from({ length: MAX_USER_POINTS + 1 }, () => '0:0:1').join('~');
    for (const bad of ['', '1:2', '1:2:3', 'a:b:0', '1:2:1:4', '99:0:1', 'Infinity:0:0', tooMany]) {
      const parsed = parsePoints(bad);
      expect(parsed.points, bad).toEqual([]);
      expect(parsed.problem, bad).toMatch(/^Your points: .* is not allowed/);
    }
  });

  test('the heatmap grid covers the bounds, top row first, and the confusion matrix counts', () => {
    const grid = gridInputs({ xMin: 0, xMax: 4, yMin: 0, yMax: 4 });
    expect(grid.length).toBe(GRID * GRID * 2);
    expect([grid[0], grid[1]]).toEqual([4 / GRID / 2, 4 - 4 / GRID / 2]);
    expect(confusionMatrix(Float64Array.of(0.9, 0.2, 0.5, 0.1), Float64Array.of(1, 1, 0, 0))).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });
});

describe('the training session', () => {
  test('configure reports the points and epoch 0; step runs exactly one epoch', () => {
    const lab = harness();
    lab.send({ type: 'configure', state: small, points: [] });
    expect(lab.of('configured')[0].points.x.length).toBe(400);
    expect(lab.of('progress')[0]).toMatchObject({ epoch: 0, epochs: [] });
    lab.send({ type: 'step' });
    const progress = lab.of('progress')[1];
    expect(progress.epoch).toBe(1);
    expect(progress.epochs.map((e) => e.epoch)).toEqual([1]);
    expect(progress.heatmap.length).toBe(GRID * GRID);
    expect(progress.heatmap.every((p) => p > 0 && p < 1)).toBe(true);
  });

  test('play runs to the epoch budget in slices, reporting every epoch once, then stops', () => {
    // 10 ms a clock reading makes this a run of over a second, which reports on the way.
    const lab = harness(10);
    lab.send({ type: 'configure', state: small, points: [] });
    lab.send({ type: 'play' });
    expect(lab.queue.length).toBe(1);
    lab.runQueue();
    const epochs = lab.of('progress').flatMap((report) => report.epochs.map((e) => e.epoch));
    expect(epochs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(lab.of('progress').length).toBeGreaterThan(1);
    expect(lab.of('stopped')).toEqual([{ run: 1, type: 'stopped', reason: 'completed', epoch: 40, message: 'Finished 40 epochs.' }]);
    lab.send({ type: 'play' });
    expect(lab.queue.length).toBe(0);
  });

  test('pause stops between slices; play resumes from the same epoch', () => {
    const lab = harness();
    lab.send({ type: 'configure', state: small, points: [] });
    lab.send({ type: 'play' });
    lab.runQueue(1);
    lab.send({ type: 'pause' });
    const paused = lab.of('stopped')[0];
    expect(paused.reason).toBe('paused');
    expect(paused.epoch).toBeGreaterThan(0);
    lab.runQueue();
    expect(lab.of('progress').at(-1)!.epoch).toBe(paused.epoch);
    lab.send({ type: 'play' });
    lab.runQueue();
    expect(lab.of('stopped').at(-1)).toMatchObject({ reason: 'completed', epoch: 40 });
  });

  test('a diverging run stops on the first non-finite loss with a message and a suggestion', () => {
    const lab = harness();
    lab.send({ type: 'configure', state: { ...defaultState(SCHEMA), lr: 10, activation: 'elu', epochs: 40 }, points: [] });
    lab.send({ type: 'play' });
    lab.runQueue();
    const stopped = lab.of('stopped')[0];
    expect(stopped.reason).toBe('diverged');
    expect(stopped.message).toMatch(/learning rate of 10 is too large.*try 0\.5/);
    expect(stopped.epoch).toBeLessThan(40);
    lab.send({ type: 'step' });
    expect(lab.of('error')).toEqual([]);
  });

  test('a run whose ReLUs all die stops and says so, though its loss is finite', () => {
    const lab = harness();
    lab.send({ type: 'configure', state: { ...defaultState(SCHEMA), lr: 10, epochs: 40 }, points: [] });
    lab.send({ type: 'step' });
    const stopped = lab.of('stopped')[0];
    expect(stopped).toMatchObject({ reason: 'dead', epoch: 1 });
    expect(stopped.message).toMatch(/every unit in hidden layer 3 outputs 0 .*dead ReLUs.*try 0\.5/);
  });

  test('evaluation reports test loss, accuracy and a confusion matrix that adds up', () => {
    const lab = harness();
    lab.send({ type: 'configure', state: small, points: [] });
    lab.send({ type: 'play' });
    lab.runQueue();
    lab.send({ type: 'evaluate' });
    const evaluation = lab.of('evaluation')[0];
    const [[tn, fp], [fn, tp]] = evaluation.confusion;
    expect(tn + fp + fn + tp).toBe(evaluation.size);
    expect(evaluation.accuracy).toBeCloseTo((tn + tp) / evaluation.size, 12);
    expect(evaluation.accuracy).toBeGreaterThan(0.8);
  });

  test("the gradient check passes the corrected backward pass and fails the article's", () => {
    const lab = harness();
    lab.send({ type: 'configure', state: small, points: [] });
    lab.send({ type: 'step' });
    lab.send({ type: 'gradient-check' });
    const layers = lab.of('gradients')[0].layers!;
    expect(layers).toHaveLength(3);
    for (const layer of layers) expect(layer.correct.relativeError).toBeLessThan(1e-6);
    expect(layers.at(-1)!.article.relativeError).toBeGreaterThan(0.1);
  });

  test('a request that cannot be met is reported, not thrown', () => {
    const lab = harness();
    lab.send({ type: 'configure', state: { ...small, batch: 0 }, points: [] });
    expect(lab.of('error')[0].message).toMatch(/batchSize/);
  });
});

describe('retraining and quiet runs', () => {
  const types = (reports: LabReport[]) => reports.map((report) => report.type);

  test('a retrain trains its float32 preview, then the float64 run, and reports only the ends: points, every epoch with the heatmap, the test set, the stop', () => {
    // A slow clock: a normal run this long would report on the way.
    const lab = harness(10);
    lab.send({ type: 'configure', state: small, points: [], retrain: true });
    expect(lab.reports).toEqual([]);
    lab.runQueue();
    // The preview has no test evaluation: test figures come from the float64 run only.
    expect(types(lab.reports)).toEqual(['configured', 'progress', 'stopped', 'progress', 'evaluation', 'stopped']);
    const [preview, confirmed] = lab.of('progress');
    const epochs = Array.from({ length: 40 }, (_, i) => i + 1);
    expect(preview.epochs.map((e) => e.epoch)).toEqual(epochs);
    // The run goes on after its preview, to confirm it.
    expect([preview.epoch, preview.running, preview.heatmap.length, preview.replace]).toEqual([40, true, GRID * GRID, undefined]);
    expect(confirmed.epochs.map((e) => e.epoch)).toEqual(epochs);
    expect([confirmed.epoch, confirmed.running, confirmed.replace]).toEqual([40, false, true]);
    expect(lab.of('evaluation').map((e) => e.size)).toEqual([60]);
    const [previewStop, finalStop] = lab.of('stopped');
    expect(previewStop).toMatchObject({ run: 1, reason: 'completed', epoch: 40, preview: true, message: 'Preview (float32) of 40 epochs: confirming in float64…' });
    expect(finalStop).toMatchObject({ run: 1, reason: 'completed', epoch: 40, message: 'Finished 40 epochs.' });
    expect(finalStop.preview).toBeUndefined();
    expect(lab.reports.every((report) => report.run === 1)).toBe(true);

    // The confirmed epochs are the float64 run's, bit for bit; the preview's are close, not the same.
    const normal = harness(10);
    normal.send({ type: 'configure', state: small, points: [] });
    normal.send({ type: 'play' });
    normal.runQueue();
    const trained = normal.of('progress').flatMap((report) => report.epochs);
    expect(confirmed.epochs).toEqual(trained);
    expect(preview.epochs).not.toEqual(trained);
    expect(Math.abs(preview.epochs[39].validationLoss - trained[39].validationLoss)).toBeLessThan(0.01);
  });

  test("the reader's next change drops a retrain within one slice: its next slice trains nothing, and it never reports", () => {
    const lab = harness();
    lab.send({ type: 'configure', state: { ...small, epochs: 400 }, points: [], retrain: true });
    lab.runQueue(2);
    lab.send({ type: 'configure', state: { ...small, lr: 0.1 }, points: [], retrain: true });
    expect(lab.queue).toHaveLength(2);
    const before = lab.clock();
    lab.queue.shift()!();
    expect(lab.clock()).toBe(before);
    lab.runQueue();
    expect(lab.reports.map((report) => [report.run, report.type])).toEqual([
      [2, 'configured'],
      [2, 'progress'],
      [2, 'stopped'],
      [2, 'progress'],
      [2, 'evaluation'],
      [2, 'stopped'],
    ]);
    expect(lab.of('progress').map((report) => report.epochs.length)).toEqual([40, 40]);
  });

  test('a diverged retrain reports its stop without a test evaluation; a dead one with it', () => {
    const diverged = harness();
    diverged.send({ type: 'configure', state: { ...defaultState(SCHEMA), lr: 10, activation: 'elu', epochs: 40 }, points: [], retrain: true });
    diverged.runQueue();
    expect(types(diverged.reports)).toEqual(['configured', 'progress', 'stopped']);
    expect(diverged.of('stopped')[0].message).toMatch(/try 0\.5/);
    const dead = harness(10);
    dead.send({ type: 'configure', state: { ...defaultState(SCHEMA), lr: 10, epochs: 40 }, points: [], retrain: true });
    dead.runQueue();
    expect(types(dead.reports)).toEqual(['configured', 'progress', 'evaluation', 'stopped']);
    expect(dead.of('stopped')[0].reason).toBe('dead');
  });

  test('a run that ends before its first report is still stopped as dead when a layer went silent', () => {
    // 1 ms a reading: the 40 epochs end before the first report, where silent layers were looked for.
    const lab = harness();
    lab.send({ type: 'configure', state: { ...defaultState(SCHEMA), lr: 10, epochs: 40 }, points: [] });
    lab.send({ type: 'play' });
    lab.runQueue();
    expect(lab.of('stopped')[0]).toMatchObject({ reason: 'dead', epoch: 40 });
  });

  test('a normal run expected to end within 0.4 s reports only its end', () => {
    const lab = harness();
    lab.send({ type: 'configure', state: small, points: [] });
    lab.send({ type: 'play' });
    lab.runQueue();
    expect(lab.of('progress').map((report) => report.epoch)).toEqual([0, 40]);
    expect(lab.of('progress')[1].epochs).toHaveLength(40);
    expect(lab.of('stopped')[0].reason).toBe('completed');
    expect(lab.of('evaluation')).toEqual([]);
  });
});

describe('runs have an identity', () => {
  test('every report carries its run; a superseded run never reports again, and its requests are ignored', () => {
    const lab = harness();
    lab.send({ type: 'configure', state: small, points: [] });
    lab.send({ type: 'play' });
    lab.runQueue(1);
    lab.send({ type: 'configure', state: small, points: [] });
    const from = lab.reports.length;
    lab.runQueue();
    lab.send({ type: 'step' }, 1);
    lab.send({ type: 'play' }, 1);
    lab.runQueue();
    expect(lab.reports.slice(from)).toEqual([]);
    expect(lab.reports.slice(0, from).every((report) => report.run === 1 || report.type === 'configured' || report.type === 'progress')).toBe(true);
    lab.send({ type: 'step' });
    expect(lab.reports.slice(from).map((report) => [report.run, report.type])).toEqual([[2, 'progress']]);
  });

  test('a second play while running does not start a second chain of slices', () => {
    const lab = harness();
    lab.send({ type: 'configure', state: small, points: [] });
    lab.send({ type: 'play' });
    lab.send({ type: 'pause' });
    lab.send({ type: 'play' });
    expect(lab.queue.length).toBe(2);
    lab.runQueue();
    const epochs = lab.of('progress').flatMap((report) => report.epochs.map((e) => e.epoch));
    expect(epochs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  test('a configure that fails leaves no run to train, not the old one', () => {
    const lab = harness();
    lab.send({ type: 'configure', state: small, points: [] });
    lab.send({ type: 'step' });
    lab.send({ type: 'configure', state: { ...small, points: 100.5 }, points: [] });
    expect(lab.of('error')).toEqual([{ run: 2, type: 'error', message: expect.stringMatching(/size must be an integer/) }]);
    const from = lab.reports.length;
    for (const type of ['play', 'step', 'evaluate', 'gradient-check'] as const) lab.send({ type });
    lab.send({ type: 'play' }, 1);
    lab.runQueue();
    expect(lab.reports.slice(from)).toEqual([]);
  });
});

describe('the gradient check in the worker', () => {
  test('runs in slices, ignores a duplicate request, and gives way to training', () => {
    const lab = harness();
    lab.send({ type: 'configure', state: { ...defaultState(SCHEMA), hidden: [64, 64] }, points: [] });
    lab.send({ type: 'gradient-check' });
    lab.send({ type: 'gradient-check' });
    expect(lab.of('gradients')).toEqual([]);
    lab.runQueue();
    expect(lab.of('gradients')).toHaveLength(1);
    const [, wide] = lab.of('gradients')[0].layers!;
    expect(wide).toMatchObject({ parameterCount: 64 * 64 + 64 });
    expect(wide.checked + wide.kinkCrossings).toBe(256);

    lab.send({ type: 'gradient-check' });
    lab.send({ type: 'play' });
    lab.runQueue(3);
    lab.send({ type: 'pause' });
    lab.runQueue();
    expect(lab.of('gradients')).toHaveLength(1);
  });

  test('after a divergence it reports that nothing can be computed', () => {
    const lab = harness();
    lab.send({ type: 'configure', state: { ...defaultState(SCHEMA), lr: 10, activation: 'leaky_relu' }, points: [] });
    lab.send({ type: 'step' });
    expect(lab.of('stopped')[0].reason).toBe('diverged');
    lab.send({ type: 'gradient-check' });
    lab.runQueue();
    expect(lab.of('gradients')[0].layers).toBeNull();
  });
});

describe('what a stopped run says', () => {
  test('a run that finishes at a loss far above its start is warned about, with advice', () => {
    const lab = harness();
    lab.send({ type: 'configure', state: { ...defaultState(SCHEMA), lr: 10, activation: 'elu', optimizer: 'momentum', epochs: 20 }, points: [] });
    lab.send({ type: 'play' });
    lab.runQueue();
    const stopped = lab.of('stopped')[0];
    expect(stopped).toMatchObject({ reason: 'completed', message: 'Finished 20 epochs.' });
    expect(stopped.warning).toMatch(/^This run failed: its validation loss ended at \d+\.\d\d, far above the untrained network's \d+\.\d\d\. Lower the learning rate \(try 0\.5\) or choose Adam/);
  });

  test('a run that learned gets no warning', () => {
    const lab = harness();
    lab.send({ type: 'configure', state: small, points: [] });
    lab.send({ type: 'play' });
    lab.runQueue();
    expect(lab.of('stopped')[0].warning).toBeUndefined();
  });
});

describe('a fresh worker primes its code', () => {
  test('by training throwaway copies of its first run, posting nothing and leaving the run untouched', () => {
    const warm = harness(1, true);
    warm.send({ type: 'configure', state: small, points: [] });
    const posted = warm.reports.length;
    expect(warm.queue).toHaveLength(1);
    warm.runQueue();
    expect(warm.reports).toHaveLength(posted);
    warm.send({ type: 'play' });
    warm.runQueue();
    const cold = harness(1, false);
    cold.send({ type: 'configure', state: small, points: [] });
    cold.send({ type: 'play' });
    cold.runQueue();
    const epochs = (lab: ReturnType<typeof harness>) => lab.of('progress').flatMap((report) => report.epochs);
    expect(epochs(warm)).toEqual(epochs(cold));
  });

  test('and moves on from a copy that diverged, rather than throw in the worker', () => {
    const warm = harness(1, true);
    warm.send({ type: 'configure', state: { ...defaultState(SCHEMA), lr: 10, activation: 'elu', epochs: 40 }, points: [] });
    expect(() => warm.runQueue()).not.toThrow();
    expect(warm.queue).toHaveLength(0);
    expect(warm.of('error')).toEqual([]);
  });

  test('and stops priming as soon as the reader trains', () => {
    const warm = harness(1, true);
    warm.send({ type: 'configure', state: small, points: [] });
    warm.send({ type: 'play' });
    // The priming slice runs first and sees the run training: it trains nothing and schedules nothing.
    const before = warm.clock();
    warm.queue.shift()!();
    expect(warm.clock() - before).toBeLessThanOrEqual(2);
    expect(warm.queue).toHaveLength(1);
  });
});
