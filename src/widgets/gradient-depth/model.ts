/**
 * The gradient-depth widget's measurements, derived from its settings: a deep perceptron of
 * equal hidden layers on the lab's two-moons data (generated, split 70/15/15, standardised on
 * the training part), measured at initialisation layer by layer, beside the theory line the
 * lesson derives. Pure: runs in the worker and in Node.
 */
import {
  createNetwork,
  makeMoons,
  makeSpiral,
  measureLayers,
  splitDataset,
  standardizeSplit,
  type Dataset,
  type LayerDiagnostics,
  type Network,
  type NetworkConfig,
  type TrainingConfig,
} from '../../lib/index.ts';

/** The hidden activations the widget offers (the library's ids). */
export const DEPTH_ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'swish', 'gelu'] as const;

/** The initialisations the widget offers (the library's ids; 'normal' is N(0, 1), 'small' N(0, 0.01²)). */
export const DEPTH_INITS = ['xavier', 'he', 'normal', 'small'] as const;

/** What the model needs from the widget's state. */
export interface DepthSettings {
  /** Hidden layers, 1 to 30. */
  readonly depth: number;
  /** Units per hidden layer, 4 to 64. */
  readonly width: number;
  readonly activation: (typeof DEPTH_ACTIVATIONS)[number];
  readonly init: (typeof DEPTH_INITS)[number];
  readonly seed: number;
}

/** The lab's default data: 2000 points of noise 0.2, so the two widgets show the same moons. */
export const MOONS = { size: 2000, noise: 0.2 } as const;

/** The data sets the widget offers: the lab's two moons and its two-armed spiral, same size and noise. */
export const DEPTH_DATA = ['moons', 'spiral'] as const;

/** One of the widget's data sets. */
export type DepthData = (typeof DEPTH_DATA)[number];

/**
 * The standardised training and validation parts of the data for `seed` (two moons unless
 * `data` says spiral), as the lab prepares them: its generator, size, noise and split.
 */
export function prepareMoons(seed: number, data: DepthData = 'moons'): { train: Dataset; validation: Dataset } {
  const generate = data === 'spiral' ? makeSpiral : makeMoons;
  const split = standardizeSplit(splitDataset(generate({ ...MOONS, seed }), { train: 0.7, validation: 0.15 }, seed));
  return { train: split.train, validation: split.validation };
}

/** The network: `depth` hidden layers of `width` units, a sigmoid output for binary cross-entropy. */
export function networkConfig(settings: DepthSettings): NetworkConfig {
  return {
    layers: [2, ...Array.from({ length: settings.depth }, () => settings.width), 1],
    hiddenActivation: settings.activation,
    outputActivation: 'sigmoid',
    init: settings.init,
    seed: settings.seed,
  };
}

/** The optimisers the widget offers (the library's ids). */
export const DEPTH_OPTIMIZERS = ['sgd', 'adam'] as const;

/** The engine's training config for the settings (the worker's run): full network, bce, Adam unless told. */
export function trainingConfig(
  settings: DepthSettings,
  learningRate = 0.01,
  batchSize = 64,
  optimizer: (typeof DEPTH_OPTIMIZERS)[number] = 'adam',
): TrainingConfig {
  return { network: networkConfig(settings), loss: 'bce', optimizer: { kind: optimizer, learningRate }, batchSize, trackDeadUnits: false };
}

/** One layer at initialisation: what was measured and what the theory predicts. */
export interface DepthLayer extends LayerDiagnostics {
  /**
   * The gradient norm the theory predicts for this layer's weights (see `theoryLine`); for the
   * output layer its measured norm. NaN where a factor is not finite.
   */
  readonly theoryNorm: number;
  /** This layer's factor: √mean(f'(z)²) times ‖W_next‖/√(outputs of W_next); null for the output layer. */
  readonly factor: number | null;
}

/** The measurements at initialisation, and the flags a view needs. */
export interface DepthMeasurement {
  readonly layers: readonly DepthLayer[];
  readonly loss: number;
  /** False when any activation, gradient or the loss was Infinity or NaN (explosion): never thrown. */
  readonly finite: boolean;
  /** First layer's weight-gradient norm over the last (output) layer's: ≪ 1 is a vanishing gradient. */
  readonly firstToLastRatio: number;
}

/**
 * The theory line. Back-propagation gives, for hidden layer l, δ_l = f'(z_l) ⊙ W_{l+1}ᵀ δ_{l+1},
 * so each layer scales the gradient by a factor of the derivative times the weights. With
 * independent weights of variance s², ‖W_{l+1}ᵀ v‖² ≈ n_l·s²·‖v‖² (n_l the units of layer l),
 * and n_l·s² = ‖W_{l+1}‖²/n_{l+1}; multiplying by f'(z) elementwise scales ‖·‖² by mean f'(z)²
 * (Glorot & Bengio 2010; He et al. 2015). So each factor is
 *   √mean(f'(z_l)²) · ‖W_{l+1}‖ / √n_{l+1},
 * both measured at the current weights. We use the root mean square of f', not the mean |f'|
 * the naive "0.25 per layer" argument multiplies, because a gradient's norm adds squares: with
 * ReLU (f' = 0 or 1, half and half) mean |f'| = 0.5 but √mean(f'²) = 0.71, and only the latter,
 * times He's √2, gives the factor 1 that keeps a ReLU/He network's gradients level, as measured.
 * For the sigmoid both are ≤ 1/4 and the line falls geometrically.
 * The weights' gradient is ∂L/∂W_l = δ_l a_{l-1}ᵀ, so its norm also scales with the size of the
 * layer's input: the line is the output layer's measured norm, times the product of the factors
 * from layer l up, times rms(a_{l-1}) / rms(a_{L-1}) (measured; rms² = mean² + sd²). Without that
 * last ratio N(0, 1) and N(0, 0.01²) networks, whose activations grow or shrink layer by layer
 * while δ does the opposite, would sit orders of magnitude off the line.
 */
export function theoryLine(
  layers: readonly LayerDiagnostics[],
  network: Network,
  inputRms: number,
): { factors: (number | null)[]; norms: number[] } {
  const last = layers.length - 1;
  const factors = layers.map((layer, l) => {
    if (l === last || layer.rmsDerivative === null) return null;
    const next = network.shapes[l + 1];
    const weights = network.parameters[l + 1];
    let squares = 0;
    for (let k = 0; k < next.biasOffset; k++) squares += weights[k] * weights[k];
    return layer.rmsDerivative * Math.sqrt(squares / next.outputs);
  });
  const inputSize = (l: number): number => {
    if (l === 0) return inputRms;
    const { mean, standardDeviation } = layers[l - 1].activations;
    return Math.sqrt(mean * mean + standardDeviation * standardDeviation);
  };
  const norms = new Array<number>(layers.length);
  let product = 1;
  norms[last] = layers[last].weightGradientNorm;
  for (let l = last - 1; l >= 0; l--) {
    product *= factors[l] ?? Number.NaN;
    norms[l] = layers[last].weightGradientNorm * product * (inputSize(l) / inputSize(last));
  }
  return { factors, norms };
}

/** √mean(x²) over every input of `data`: 1 for standardised data, up to rounding. */
export function inputRms(data: Dataset): number {
  let squares = 0;
  for (let k = 0; k < data.inputs.length; k++) squares += data.inputs[k] * data.inputs[k];
  return Math.sqrt(squares / data.inputs.length);
}

/** Builds the network the settings describe and measures every layer at initialisation on the training part. */
export function measureAtInit(settings: DepthSettings, data: Dataset = prepareMoons(settings.seed).train): DepthMeasurement {
  const network = createNetwork(networkConfig(settings));
  const measured = measureLayers({ network, data, loss: 'bce' });
  const { factors, norms } = theoryLine(measured.layers, network, inputRms(data));
  const layers = measured.layers.map((layer, l) => ({ ...layer, factor: factors[l], theoryNorm: norms[l] }));
  const last = layers[layers.length - 1];
  return {
    layers,
    loss: measured.loss,
    finite: measured.finite,
    firstToLastRatio: layers[0].weightGradientNorm / last.weightGradientNorm,
  };
}
