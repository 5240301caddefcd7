/**
 * Gradient checking: the backward pass's gradients against central differences of the loss,
 * layer by layer, for any network, loss and backward variant. A central difference that
 * straddles a kink (a ReLU-like or step pre-activation changing side of 0 between the two
 * evaluations) measures neither slope, so such entries are counted and left out. With a
 * sigmoid output and bce the loss is measured from the logits, the function the backward pass
 * differentiates (bce's clamp would make a saturated output look flat). The check
 * can run all at once or a few parameters at a time, so a worker can answer requests between.
 */
import type { Dataset } from '../data/dataset.ts';
import { createRandom } from '../data/random.ts';
import type { LossId } from '../math/loss-kernels.ts';
import { checkData, resolveLoss } from './checks.ts';
import { cloneNetwork, type LayerShape, type Network } from './network.ts';
import { createOptimizer } from './optimisers.ts';
import { backward, createWorkspace, differentiatedLoss, forward, loadBatch, type BackwardVariant } from './propagation.ts';

/** What to check: a network, one batch (all of `data`), a loss and a backward variant. */
export interface GradientCheckOptions {
  readonly network: Network;
  readonly data: Dataset;
  readonly loss: LossId;
  readonly lossParams?: Readonly<Record<string, number>>;
  /** Default 'correct'. */
  readonly backward?: BackwardVariant;
  /**
   * The SGD learning rate the 'article' variant updates with while it back-propagates, since
   * its hidden-layer gradients flow through already-updated weights. Default 0.05.
   */
  readonly learningRate?: number;
  /** Central-difference step. Default 1e-5. */
  readonly epsilon?: number;
  /**
   * At most this many parameters per layer are compared, drawn without replacement from
   * `sampleSeed` (default 0), the same ones every time. Default: all of them.
   */
  readonly sample?: number;
  /** The seed of the sample's draw. */
  readonly sampleSeed?: number;
}

/**
 * One layer's verdict on its parameter gradient (weights, biases, PReLU alpha), over the
 * `checked` entries: the sampled ones, less those whose central difference crossed a kink.
 */
export interface LayerGradientCheck {
  readonly layer: number;
  /** ‖analytic - numeric‖ / (‖analytic‖ + ‖numeric‖) over the checked entries; 0 when both vanish or none was checked. */
  readonly relativeError: number;
  /**
   * ‖analytic - numeric‖ over the checked entries. Central differences carry rounding noise of
   * about 1e-11 per entry at epsilon 1e-5 (1e-10 at 1e-6), so for a vanishing gradient (‖g‖
   * below ~1e-5) only this, not the ratio, is meaningful.
   */
  readonly absoluteError: number;
  /** ‖analytic‖ and ‖numeric‖ over the checked entries. */
  readonly analyticNorm: number;
  readonly numericNorm: number;
  /** The layer's parameter count. */
  readonly parameterCount: number;
  /** Entries compared: sampled, less kink crossings and unresolved entries. */
  readonly checked: number;
  /**
   * Sampled entries left out because a pre-activation of a layer with a kinked activation
   * (relu, leaky_relu, prelu, step; elu with alpha ≠ 1) was on different sides of 0 at
   * p - ε, p and p + ε for some row of the batch.
   */
  readonly kinkCrossings: number;
  /**
   * Sampled entries left out because the parameter is so large that p ± ε rounds to (nearly)
   * p: the nudge is lost in float64 rounding and the difference measures nothing. Only a run
   * whose weights blew up (to 1e10 and beyond) has such entries.
   */
  readonly unresolved: number;
}

/** A gradient check under way: `advance` compares up to `count` more parameters and says whether it is done. */
export interface GradientCheckRun {
  advance(count: number): boolean;
  /** One result per layer for each variant asked for, in order; complete once `advance` returned true. */
  results(): LayerGradientCheck[][];
}

/** The options of a check that compares several backward variants against one set of central differences. */
export interface GradientCheckRunOptions extends Omit<GradientCheckOptions, 'backward'> {
  readonly variants: readonly BackwardVariant[];
}

/**
 * Compares, per layer, the gradient of the batch's mean loss from the backward pass with
 * (L(p + ε) - L(p - ε)) / 2ε for every parameter (or a sample), leaving out kink crossings.
 * The network is left as it was. Values near 1e-7 or below mean agreement; near 1 mean a
 * wrong backward pass.
 */
export function gradientCheck(options: GradientCheckOptions): LayerGradientCheck[] {
  const run = startGradientCheck({ ...options, variants: [options.backward ?? 'correct'] });
  run.advance(Infinity);
  return run.results()[0];
}

/**
 * Starts a check of each variant in `options.variants` against one shared set of central
 * differences (they depend on the network, not on the backward pass). Works on copies: the
 * network may go on training while the check is under way.
 */
export function startGradientCheck(options: GradientCheckRunOptions): GradientCheckRun {
  const { data } = options;
  const epsilon = options.epsilon ?? 1e-5;
  const lossSpec = resolveLoss(options.loss, options.lossParams);
  checkData(options.network, options.loss, data, 'gradientCheck');
  const count = data.size;
  const network = cloneNetwork(options.network);
  const { shapes, parameters } = network;
  const workspace = createWorkspace(network, count, data.targetSize);
  loadBatch(workspace, data, null, 0, count);

  // The analytic gradients from copies, because the article's variant updates as it goes.
  const analytic = options.variants.map((variant) => {
    const copy = cloneNetwork(network);
    const optimizer = createOptimizer({ kind: 'sgd', learningRate: options.learningRate ?? 0.05 }, copy.shapes);
    forward(copy, workspace, count);
    optimizer.beginStep();
    backward(copy, workspace, count, lossSpec, variant, optimizer);
    return workspace.gradients.map((g) => g.slice());
  });

  const kinked = shapes.map(hasKink);
  forward(network, workspace, count);
  const sides = shapes.map((shape, l) => (kinked[l] ? sidesOf(shape, workspace.z[l], count) : null));
  if (options.sample !== undefined && !(Number.isInteger(options.sample) && options.sample >= 1)) {
    throw new Error(`gradientCheck: sample must be a whole number of at least 1, got ${options.sample}`);
  }
  const chosen = parameters.map((layer, l) => sampleIndices(layer.length, options.sample, options.sampleSeed ?? 0, l));
  const totals = shapes.map(() => ({ checked: 0, kinkCrossings: 0, unresolved: 0, squares: options.variants.map(() => ({ difference: 0, analytic: 0, numeric: 0 })) }));

  /** The loss with layer `from` and above recomputed, and whether a kinked pre-activation left the side it had at p. */
  const probe = (from: number): { loss: number; crossed: boolean } => {
    forward(network, workspace, count, from);
    let crossed = false;
    for (let l = from; l < shapes.length && !crossed; l++) {
      if (sides[l] !== null) crossed = changedSide(shapes[l], workspace.z[l], sides[l]!, count);
    }
    return { loss: differentiatedLoss(network, workspace, count, lossSpec), crossed };
  };

  let layer = 0;
  let position = 0;
  const skipEmptyLayers = () => {
    while (layer < shapes.length && chosen[layer].length === 0) layer++;
  };
  skipEmptyLayers();
  const nextLayer = () => {
    // The layers above still hold the last probe's values; the next layer starts from p.
    forward(network, workspace, count, layer);
    layer++;
    position = 0;
    skipEmptyLayers();
  };
  /** Compares entry k of layer l: its central difference, unless the nudge is lost in rounding or crosses a kink. */
  const compare = (l: number, k: number) => {
    const held = parameters[l][k];
    const total = totals[l];
    // The step actually taken, after rounding; a nudge lost to it is not measured at all.
    const step = held + epsilon - (held - epsilon);
    if (Math.abs(step - 2 * epsilon) > UNRESOLVED_TOLERANCE * epsilon) {
      total.unresolved++;
      return;
    }
    parameters[l][k] = held + epsilon;
    const plus = probe(l);
    parameters[l][k] = held - epsilon;
    const minus = probe(l);
    parameters[l][k] = held;
    if (plus.crossed || minus.crossed) {
      total.kinkCrossings++;
      return;
    }
    total.checked++;
    const numeric = (plus.loss - minus.loss) / step;
    total.squares.forEach((sums, v) => {
      const a = analytic[v][l][k];
      sums.difference += (a - numeric) ** 2;
      sums.analytic += a * a;
      sums.numeric += numeric * numeric;
    });
  };
  return {
    advance(budget) {
      for (let done = 0; done < budget && layer < shapes.length; done++) {
        compare(layer, chosen[layer][position]);
        if (++position === chosen[layer].length) nextLayer();
      }
      return layer === shapes.length;
    },
    results: () =>
      options.variants.map((_, v) =>
        totals.map((total, l) => {
          const sums = total.squares[v];
          const [analyticNorm, numericNorm, absoluteError] = [sums.analytic, sums.numeric, sums.difference].map(Math.sqrt);
          const scale = analyticNorm + numericNorm;
          return {
            layer: l,
            relativeError: scale === 0 ? 0 : absoluteError / scale,
            absoluteError,
            analyticNorm,
            numericNorm,
            parameterCount: parameters[l].length,
            checked: total.checked,
            kinkCrossings: total.kinkCrossings,
            unresolved: total.unresolved,
          };
        }),
      ),
  };
}

/** How far, in units of ε, the rounded step may stray from 2ε before the entry is left out. */
const UNRESOLVED_TOLERANCE = 1e-3;

/** Whether the layer's activation has a kink at 0 (its derivative jumps there). */
function hasKink(shape: LayerShape): boolean {
  const { activation, alpha } = shape;
  return activation === 'relu' || activation === 'leaky_relu' || activation === 'prelu' || activation === 'step' || (activation === 'elu' && alpha !== 1);
}

/** Which side of the kink z is on: the step is 1 from 0 up; the others take 0 with the left (PyTorch's slope at 0). */
function side(shape: LayerShape, z: number): number {
  return shape.activation === 'step' ? Number(z >= 0) : Number(z > 0);
}

function sidesOf(shape: LayerShape, z: ArrayLike<number>, count: number): Uint8Array {
  const sides = new Uint8Array(shape.outputs * count);
  for (let k = 0; k < sides.length; k++) sides[k] = side(shape, z[k]);
  return sides;
}

function changedSide(shape: LayerShape, z: ArrayLike<number>, sides: Uint8Array, count: number): boolean {
  const length = shape.outputs * count;
  for (let k = 0; k < length; k++) if (side(shape, z[k]) !== sides[k]) return true;
  return false;
}

/** All indices below `length`, or `sample` of them drawn without replacement (seeded per layer), in ascending order. */
function sampleIndices(length: number, sample: number | undefined, seed: number, layer: number): Uint32Array {
  const all = Uint32Array.from({ length }, (_, i) => i);
  if (sample === undefined || sample >= length) return all;
  const random = createRandom(seed, layer);
  for (let i = 0; i < sample; i++) {
    const j = i + random.integer(length - i);
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, sample).sort();
}
