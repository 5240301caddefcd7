/**
 * The lab's data and training setup, derived from its state: the article's pipeline (generate,
 * split 70/15/15, standardise on the training part only), the reader's own points, the
 * training config, the heatmap grid and the confusion matrix. Pure: runs in the worker and in Node.
 */
import {
  createDataset,
  makeCircles,
  makeMoons,
  makeSpiral,
  makeXor,
  splitDataset,
  standardizeSplit,
  type Dataset,
  type TrainingConfig,
} from '../../lib/index.ts';
import type { LabState } from './state.ts';
import type { Part, PlotPoints } from './protocol.ts';
import { quoteInput } from '../common/format.ts';

/** A point the reader added by clicking, in the chart's (standardised) coordinates. */
export interface UserPoint {
  x: number;
  y: number;
  label: 0 | 1;
}

/** At most this many points of the reader's own, so a shared address stays short. */
export const MAX_USER_POINTS = 50;

/** The reader's points as URL text, "x:y:class" joined by "~", two decimals each. */
export function formatPoints(points: readonly UserPoint[]): string {
  return points.map((point) => `${point.x.toFixed(2)}:${point.y.toFixed(2)}:${point.label}`).join('~');
}

/** The reader's points from URL text, or a message saying why the text was set aside. */
export function parsePoints(text: string): { points: UserPoint[]; problem?: string } {
  const items = text.split('~');
  const points = items.map((item) => item.split(':').map(Number));
  const valid = points.every(
    ([x, y, label, ...rest]) => rest.length === 0 && [x, y].every((v) => Number.isFinite(v) && Math.abs(v) <= 10) && (label === 0 || label === 1),
  );
  if (!valid || items.length > MAX_USER_POINTS) {
    return { points: [], problem: `Your points: ${quoteInput(text)} is not allowed (up to ${MAX_USER_POINTS} points "x:y:class" joined by "~", coordinates from -10 to 10, class 0 or 1), so none are added.` };
  }
  return { points: points.map(([x, y, label]) => ({ x, y, label: label as 0 | 1 })) };
}

/** The plotted area: every point with a margin of 0.5, as the article's plot has. */
export interface Bounds {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** The three standardised parts, the reader's points already in the training part. */
export interface LabData {
  train: Dataset;
  validation: Dataset;
  test: Dataset;
  bounds: Bounds;
}

/** Cells per side of the decision-boundary heatmap. */
export const GRID = 48;

type Generator = (options: { size: number; noise: number; seed: number }) => Dataset;

// Circles use an inner radius of half the outer one, so noise 0.2 still leaves a visible gap.
const GENERATORS: Record<LabState['data'], Generator> = {
  moons: makeMoons,
  circles: (options) => makeCircles({ ...options, factor: 0.5 }),
  xor: makeXor,
  spiral: makeSpiral,
};

/** Generates, splits and standardises the data set the state describes, and appends the reader's points. */
export function prepareData(state: LabState, userPoints: readonly UserPoint[] = []): LabData {
  const all = GENERATORS[state.data]({ size: state.points, noise: state.noise, seed: state.seed });
  const split = standardizeSplit(splitDataset(all, { train: 0.7, validation: 0.15 }, state.seed));
  const train = withPoints(split.train, userPoints);
  return { train, validation: split.validation, test: split.test, bounds: boundsOf([train, split.validation, split.test]) };
}

function withPoints(train: Dataset, points: readonly UserPoint[]): Dataset {
  if (points.length === 0) return train;
  const inputs = new Float64Array(train.inputs.length + 2 * points.length);
  const targets = new Float64Array(train.targets.length + points.length);
  inputs.set(train.inputs);
  targets.set(train.targets);
  points.forEach((point, i) => {
    inputs[train.inputs.length + 2 * i] = point.x;
    inputs[train.inputs.length + 2 * i + 1] = point.y;
    targets[train.targets.length + i] = point.label;
  });
  return createDataset(inputs, targets, 2, 1, 2);
}

function boundsOf(parts: readonly Dataset[]): Bounds {
  const bounds = { xMin: Infinity, xMax: -Infinity, yMin: Infinity, yMax: -Infinity };
  for (const { inputs } of parts) {
    for (let i = 0; i < inputs.length; i += 2) {
      bounds.xMin = Math.min(bounds.xMin, inputs[i]);
      bounds.xMax = Math.max(bounds.xMax, inputs[i]);
      bounds.yMin = Math.min(bounds.yMin, inputs[i + 1]);
      bounds.yMax = Math.max(bounds.yMax, inputs[i + 1]);
    }
  }
  return { xMin: bounds.xMin - 0.5, xMax: bounds.xMax + 0.5, yMin: bounds.yMin - 0.5, yMax: bounds.yMax + 0.5 };
}

/** The engine's config for the state: sigmoid output with binary cross-entropy, Xavier initialisation. */
export function trainingConfig(state: LabState): TrainingConfig {
  return {
    network: {
      layers: [2, ...state.hidden, 1],
      hiddenActivation: state.activation,
      outputActivation: 'sigmoid',
      init: 'xavier',
      seed: state.seed,
    },
    loss: 'bce',
    optimizer: { kind: state.optimizer, learningRate: state.lr },
    batchSize: state.batch,
    backward: state.backward,
  };
}

/** The centres of the heatmap's cells, row by row from the top (largest y) down, as network inputs. */
export function gridInputs(bounds: Bounds): Float64Array {
  const inputs = new Float64Array(GRID * GRID * 2);
  for (let row = 0; row < GRID; row++) {
    for (let column = 0; column < GRID; column++) {
      const cell = row * GRID + column;
      inputs[2 * cell] = bounds.xMin + ((column + 0.5) * (bounds.xMax - bounds.xMin)) / GRID;
      inputs[2 * cell + 1] = bounds.yMax - ((row + 0.5) * (bounds.yMax - bounds.yMin)) / GRID;
    }
  }
  return inputs;
}

/** Counts by true class (rows) and predicted class (columns), predicting 1 where p ≥ 0.5. */
export function confusionMatrix(probabilities: Float64Array, targets: Float64Array): [[number, number], [number, number]] {
  const matrix: [[number, number], [number, number]] = [
    [0, 0],
    [0, 0],
  ];
  for (let i = 0; i < targets.length; i++) matrix[targets[i] === 1 ? 1 : 0][probabilities[i] >= 0.5 ? 1 : 0]++;
  return matrix;
}

/** Every point of the three parts as the boundary chart plots them; the last `yours` training rows are the reader's own. */
export function plotPoints(data: LabData, yours: number): PlotPoints {
  const parts: [Part, Float64Array, Float64Array][] = [
    ['train', data.train.inputs, data.train.targets],
    ['validation', data.validation.inputs, data.validation.targets],
    ['test', data.test.inputs, data.test.targets],
  ];
  const size = data.train.size + data.validation.size + data.test.size;
  const points: PlotPoints = { x: new Float64Array(size), y: new Float64Array(size), label: new Uint8Array(size), part: [] };
  let row = 0;
  for (const [part, inputs, targets] of parts) {
    // The reader's own points sit at the end of the training part.
    const own = part === 'train' ? targets.length - yours : targets.length;
    for (let i = 0; i < targets.length; i++, row++) {
      points.x[row] = inputs[2 * i];
      points.y[row] = inputs[2 * i + 1];
      points.label[row] = targets[i];
      points.part.push(i >= own ? 'yours' : part);
    }
  }
  return points;
}
