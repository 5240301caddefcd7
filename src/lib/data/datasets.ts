/**
 * Seeded toy data sets: two moons, circles, XOR, spirals, Gaussian blobs, a multi-label set and
 * a 1-D regression set with outliers. Labels are 0..k-1 in one target column, except the
 * multi-label set's one 0/1 column per label.
 */
import { createDataset, type Dataset } from './dataset.ts';
import { createRandom, type RandomSource } from './random.ts';

/** Options shared by the generators: how many points, Gaussian noise (standard deviation), seed. */
export interface GeneratorOptions {
  readonly size: number;
  readonly noise?: number;
  readonly seed: number;
  /** Shuffle the rows (default true), as scikit-learn does; false keeps generation order. */
  readonly shuffle?: boolean;
}

function checkOptions(owner: string, { size, noise = 0 }: GeneratorOptions, minimum = 1): void {
  if (!Number.isInteger(size) || size < minimum) throw new Error(`${owner}: size must be an integer >= ${minimum}, got ${size}`);
  if (!Number.isFinite(noise) || noise < 0) throw new Error(`${owner}: noise must be a finite number >= 0, got ${noise}`);
}

/**
 * numpy.linspace(start, stop, count, endpoint): i·step + start, with the endpoint exactly stop;
 * a single point is start.
 */
function linspace(start: number, stop: number, count: number, endpoint = true): Float64Array {
  const values = new Float64Array(count).fill(start);
  if (count === 1) return values;
  const step = (stop - start) / (endpoint ? count - 1 : count);
  for (let i = 0; i < count; i++) values[i] = i * step + start;
  if (endpoint && count > 1) values[count - 1] = stop;
  return values;
}

/** Shuffles rows (if asked) and then adds Gaussian noise to every input, in scikit-learn's order. */
function finish(points: Float64Array, labels: Float64Array, classes: number, options: GeneratorOptions, random: RandomSource): Dataset {
  const size = labels.length;
  const inputSize = points.length / size;
  let inputs = points;
  let targets = labels;
  if (options.shuffle ?? true) {
    const order = Uint32Array.from({ length: size }, (_, i) => i);
    random.shuffle(order);
    inputs = new Float64Array(points.length);
    targets = new Float64Array(size);
    order.forEach((from, to) => {
      for (let j = 0; j < inputSize; j++) inputs[to * inputSize + j] = points[from * inputSize + j];
      targets[to] = labels[from];
    });
  }
  const noise = options.noise ?? 0;
  if (noise > 0) for (let i = 0; i < inputs.length; i++) inputs[i] += noise * random.normal();
  return createDataset(inputs, targets, inputSize, 1, classes);
}

/**
 * scikit-learn's make_moons: the outer moon (label 0) has floor(n/2) points at
 * (cos t, sin t), t = linspace(0, π); the inner moon (label 1) takes the rest, including the
 * odd point, at (1 - cos t, 1 - sin t - 0.5). Then shuffle, then Gaussian noise.
 */
export function makeMoons(options: GeneratorOptions): Dataset {
  checkOptions('makeMoons', options, 2);
  const outer = Math.floor(options.size / 2);
  const inner = options.size - outer;
  const points = new Float64Array(2 * options.size);
  const labels = new Float64Array(options.size);
  linspace(0, Math.PI, outer).forEach((t, i) => {
    points[2 * i] = Math.cos(t);
    points[2 * i + 1] = Math.sin(t);
  });
  linspace(0, Math.PI, inner).forEach((t, i) => {
    points[2 * (outer + i)] = 1 - Math.cos(t);
    points[2 * (outer + i) + 1] = 1 - Math.sin(t) - 0.5;
    labels[outer + i] = 1;
  });
  return finish(points, labels, 2, options, createRandom(options.seed));
}

/**
 * scikit-learn's make_circles: floor(n/2) points on the unit circle (label 0) and the rest on a
 * circle of radius `factor` (label 1), angles linspace(0, 2π) without the endpoint.
 */
export function makeCircles(options: GeneratorOptions & { readonly factor?: number }): Dataset {
  checkOptions('makeCircles', options, 2);
  const factor = options.factor ?? 0.8;
  if (!(factor > 0 && factor < 1)) throw new Error(`makeCircles: factor must be in (0, 1), got ${factor}`);
  const outer = Math.floor(options.size / 2);
  const points = new Float64Array(2 * options.size);
  const labels = new Float64Array(options.size);
  linspace(0, 2 * Math.PI, outer, false).forEach((t, i) => {
    points[2 * i] = Math.cos(t);
    points[2 * i + 1] = Math.sin(t);
  });
  linspace(0, 2 * Math.PI, options.size - outer, false).forEach((t, i) => {
    points[2 * (outer + i)] = factor * Math.cos(t);
    points[2 * (outer + i) + 1] = factor * Math.sin(t);
    labels[outer + i] = 1;
  });
  return finish(points, labels, 2, options, createRandom(options.seed));
}

/** XOR: points uniform in [-1, 1]², label 1 where the coordinates differ in sign; noise after. */
export function makeXor(options: GeneratorOptions): Dataset {
  checkOptions('makeXor', options);
  const random = createRandom(options.seed);
  const points = new Float64Array(2 * options.size);
  const labels = new Float64Array(options.size);
  for (let i = 0; i < options.size; i++) {
    const x = 2 * random.uniform() - 1;
    const y = 2 * random.uniform() - 1;
    points[2 * i] = x;
    points[2 * i + 1] = y;
    labels[i] = x > 0 !== y > 0 ? 1 : 0;
  }
  return finish(points, labels, 2, { ...options, shuffle: false }, random);
}

/**
 * Interleaved spirals (the CS231n construction): class k has radius linspace(0, 1) and angle
 * linspace(4k, 4(k+1)) plus Gaussian noise of the given size on the angle.
 */
export function makeSpiral(options: GeneratorOptions & { readonly classes?: number }): Dataset {
  const classes = options.classes ?? 2;
  checkOptions('makeSpiral', options, classes);
  if (!Number.isInteger(classes) || classes < 2) throw new Error(`makeSpiral: classes must be an integer >= 2, got ${classes}`);
  const random = createRandom(options.seed);
  const points = new Float64Array(2 * options.size);
  const labels = new Float64Array(options.size);
  const noise = options.noise ?? 0;
  let row = 0;
  for (let k = 0; k < classes; k++) {
    const count = Math.floor(options.size / classes) + (k < options.size % classes ? 1 : 0);
    const radii = linspace(0, 1, count);
    const angles = linspace(4 * k, 4 * (k + 1), count);
    for (let i = 0; i < count; i++, row++) {
      const angle = angles[i] + noise * random.normal();
      points[2 * row] = radii[i] * Math.sin(angle);
      points[2 * row + 1] = radii[i] * Math.cos(angle);
      labels[row] = k;
    }
  }
  return finish(points, labels, classes, { ...options, noise: 0 }, random);
}

/**
 * Gaussian blobs (scikit-learn's make_blobs): `centers` 2-D centres drawn uniformly from
 * [-box, box]², points split as evenly as possible (earlier blobs take the remainder), each
 * coordinate centre + noise·N(0, 1) (noise is the cluster standard deviation, default 1);
 * label = blob index.
 */
export function makeBlobs(options: GeneratorOptions & { readonly centers?: number; readonly box?: number }): Dataset {
  const centers = options.centers ?? 3;
  const std = options.noise ?? 1;
  const box = options.box ?? 10;
  if (!Number.isInteger(centers) || centers < 1) throw new Error(`makeBlobs: centers must be an integer >= 1, got ${centers}`);
  checkOptions('makeBlobs', options, centers);
  const random = createRandom(options.seed);
  const middle = Float64Array.from({ length: 2 * centers }, () => box * (2 * random.uniform() - 1));
  const points = new Float64Array(2 * options.size);
  const labels = new Float64Array(options.size);
  let row = 0;
  for (let k = 0; k < centers; k++) {
    const count = Math.floor(options.size / centers) + (k < options.size % centers ? 1 : 0);
    for (let i = 0; i < count; i++, row++) {
      points[2 * row] = middle[2 * k] + std * random.normal();
      points[2 * row + 1] = middle[2 * k + 1] + std * random.normal();
      labels[row] = k;
    }
  }
  return finish(points, labels, centers, { ...options, noise: 0 }, random);
}

/**
 * Two overlapping labels on 2-D points, for a sigmoid per label with BCE: points uniform in
 * [-2, 2]², label 0 when the point lies within 1.2 of (-0.5, 0), label 1 within 1.2 of (0.5, 0).
 * The discs overlap, so a row may have neither label (57 % of the square's area), one only (14.5 %
 * each) or both (the lens between them, 13.7 %). Labels come from the clean
 * point; then noise·N(0, 1) is added to each input, blurring the edges. Two target columns,
 * classCount 2.
 */
export function makeMultiLabel(options: GeneratorOptions): Dataset {
  checkOptions('makeMultiLabel', options);
  const { size, noise = 0 } = options;
  const random = createRandom(options.seed);
  const inputs = new Float64Array(2 * size);
  const targets = new Float64Array(2 * size);
  for (let row = 0; row < size; row++) {
    const x = 4 * random.uniform() - 2;
    const y = 4 * random.uniform() - 2;
    targets[2 * row] = Math.hypot(x + MULTI_LABEL_OFFSET, y) < MULTI_LABEL_RADIUS ? 1 : 0;
    targets[2 * row + 1] = Math.hypot(x - MULTI_LABEL_OFFSET, y) < MULTI_LABEL_RADIUS ? 1 : 0;
    inputs[2 * row] = x + noise * random.normal();
    inputs[2 * row + 1] = y + noise * random.normal();
  }
  return createDataset(inputs, targets, 2, 2, 2);
}

/** The multi-label discs: centres at (∓offset, 0), this radius. */
const MULTI_LABEL_OFFSET = 0.5;
const MULTI_LABEL_RADIUS = 1.2;

/** A 1-D regression set and which of its rows are outliers. */
export interface RegressionSet extends Dataset {
  /** 1 where the row is an outlier, else 0. */
  readonly outliers: Uint8Array;
}

/** The clean curve a regression set is drawn around: a straight line, or a wave for fitting a small network. */
export type RegressionShape = 'line' | 'wave';

/**
 * y = slope·x + intercept + noise·N(0, 1) for x uniform in [-3, 3], with a fraction of rows
 * pushed upwards by between outlierScale/2 and outlierScale: one-sided outliers pull an MSE fit
 * visibly while MAE and Huber hold the line. With shape 'wave' the clean curve is
 * slope·(sin(1.3x) + 0.15x) + intercept instead (by default 2·sin(1.3x) + 0.3x + 1: about one
 * and a quarter periods over [-3, 3], a target no straight line fits, which a 1-16-16-1 tanh
 * network does); the random draws are the same, so the same seed gives the same x values, noise
 * and outlier rows under either shape. The default, 'line', gives what it always did, bit for bit.
 */
export function makeRegressionWithOutliers(
  options: GeneratorOptions & {
    readonly slope?: number;
    readonly intercept?: number;
    readonly outlierFraction?: number;
    readonly outlierScale?: number;
    readonly shape?: RegressionShape;
  },
): RegressionSet {
  checkOptions('makeRegressionWithOutliers', options);
  const { size, slope = 2, intercept = 1, noise = 0.5, outlierFraction = 0.1, outlierScale = 10, shape = 'line' } = options;
  if (!(outlierFraction >= 0 && outlierFraction <= 1)) {
    throw new Error(`makeRegressionWithOutliers: outlierFraction must be in [0, 1], got ${outlierFraction}`);
  }
  if (shape !== 'line' && shape !== 'wave') {
    throw new Error(`makeRegressionWithOutliers: shape must be 'line' or 'wave', got ${JSON.stringify(shape)}`);
  }
  const random = createRandom(options.seed);
  const inputs = new Float64Array(size);
  const targets = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const x = 6 * random.uniform() - 3;
    inputs[i] = x;
    const clean = shape === 'line' ? slope * x + intercept : slope * (Math.sin(1.3 * x) + 0.15 * x) + intercept;
    targets[i] = clean + noise * random.normal();
  }
  const order = Uint32Array.from({ length: size }, (_, i) => i);
  random.shuffle(order);
  const outliers = new Uint8Array(size);
  for (const row of order.subarray(0, Math.round(outlierFraction * size))) {
    outliers[row] = 1;
    targets[row] += outlierScale * (0.5 + 0.5 * random.uniform());
  }
  return { ...createDataset(inputs, targets, 1, 1, 0), outliers };
}
