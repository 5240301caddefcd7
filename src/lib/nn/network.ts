/**
 * A multilayer perceptron built from a plain, serialisable config: layer sizes, an activation
 * per layer, a seeded initialisation. Each layer's parameters live in one flat Float64Array
 * (weights, then biases, then PReLU's alpha) so that optimisers and the gradient check treat
 * every layer alike.
 */
import { activation, isActivationId, type ActivationId } from '../math/activations.ts';
import { checkSeed, createRandom } from '../data/random.ts';

/** What a layer may apply: one of the activations, or softmax across the layer's units. */
export type LayerActivationId = ActivationId | 'softmax';

/** An activation by id, or with parameters, e.g. `{ id: 'leaky_relu', params: { alpha: 0.1 } }`. */
export type ActivationSpec = LayerActivationId | { readonly id: LayerActivationId; readonly params?: Readonly<Record<string, number>> };

/**
 * Weight initialisations: Glorot normal N(0, 2/(in+out)) as the seed article's "Xavier", Glorot
 * uniform, He normal N(0, 2/in), He uniform, and two that ignore the layer's size, for showing
 * what goes wrong without scaling: 'normal' N(0, 1) (deep networks explode or saturate) and
 * 'small' N(0, 0.01²) (np.random.randn(...) * 0.01: activations and gradients collapse to 0).
 */
export const INIT_IDS = ['xavier', 'xavier_uniform', 'he', 'he_uniform', 'normal', 'small'] as const;

/** The id of a weight initialisation. */
export type InitId = (typeof INIT_IDS)[number];

/** A network described as plain data, so it can cross to a Web Worker or into a URL. */
export interface NetworkConfig {
  /** Units per layer, input first: [2, 32, 16, 8, 1]. */
  readonly layers: readonly number[];
  readonly hiddenActivation: ActivationSpec;
  readonly outputActivation: ActivationSpec;
  /** One activation per weight layer, overriding hidden/output when given. */
  readonly activations?: readonly ActivationSpec[];
  readonly init: InitId;
  readonly seed: number;
  /**
   * Where every hidden layer's biases start (default 0; the output layer's always start at 0).
   * A negative value starts ReLU units closer to their dead side, for showing dying ReLUs.
   */
  readonly biasInit?: number;
}

/** One weight layer's shape, activation and where its parameters sit in its flat array. */
export interface LayerShape {
  readonly inputs: number;
  readonly outputs: number;
  readonly activation: LayerActivationId;
  /** The activation's alpha (leaky_relu, prelu's initial value, elu); 0 when it has none. */
  readonly alpha: number;
  /** True when alpha is a learned parameter (PReLU, one per layer as torch.nn.PReLU()). */
  readonly learnsAlpha: boolean;
  /** Offsets in the flat parameter array: weights [0, biasOffset), biases, then alpha. */
  readonly biasOffset: number;
  readonly alphaOffset: number;
  readonly parameterCount: number;
}

/**
 * The arrays the engine computes in: Float64Array, or Float32Array in the labelled float32
 * preview (createPreviewTrainer), whose figures a float64 run confirms.
 */
export type FloatArray = Float64Array | Float32Array;

/** A network: its config, its layer shapes and one flat parameter array per layer (float64 unless a preview's). */
export interface Network<Numbers extends FloatArray = Float64Array> {
  readonly config: NetworkConfig;
  readonly shapes: readonly LayerShape[];
  /** Per layer: weights (outputs × inputs, row-major as torch.nn.Linear), biases, alpha. */
  readonly parameters: readonly Numbers[];
}

function resolveSpec(spec: ActivationSpec, where: string): { id: LayerActivationId; alpha: number } {
  const id = typeof spec === 'string' ? spec : spec?.id;
  const params = typeof spec === 'string' ? undefined : spec?.params;
  if (id === 'softmax') {
    if (params !== undefined && Object.keys(params).length > 0) throw new Error(`${where}: softmax takes no parameters`);
    return { id, alpha: 0 };
  }
  if (!isActivationId(id)) throw new Error(`${where}: unknown activation ${JSON.stringify(id)} (softmax or an activation id)`);
  return { id, alpha: activation(id, params).params.alpha ?? 0 };
}

/** Checks a config and works out each layer's shape; throws an Error saying what is wrong. */
export function layerShapes(config: NetworkConfig): LayerShape[] {
  const { layers } = config;
  if (!Array.isArray(layers) || layers.length < 2 || !layers.every((n) => Number.isInteger(n) && n >= 1)) {
    throw new Error(`network: layers must list at least 2 positive integer sizes, got ${JSON.stringify(layers)}`);
  }
  if (!(INIT_IDS as readonly string[]).includes(config.init)) {
    throw new Error(`network: unknown init ${JSON.stringify(config.init)}: expected one of ${INIT_IDS.join(', ')}`);
  }
  checkSeed(config.seed, 'network: seed');
  if (config.biasInit !== undefined && !Number.isFinite(config.biasInit)) {
    throw new Error(`network: biasInit must be a finite number, got ${config.biasInit}`);
  }
  const count = layers.length - 1;
  if (config.activations !== undefined && config.activations.length !== count) {
    throw new Error(`network: activations must have one entry per weight layer (${count}), got ${config.activations.length}`);
  }
  return Array.from({ length: count }, (_, l) => {
    const spec = config.activations?.[l] ?? (l === count - 1 ? config.outputActivation : config.hiddenActivation);
    const { id, alpha } = resolveSpec(spec, `network: layer ${l + 1}`);
    const inputs = layers[l];
    const outputs = layers[l + 1];
    const learnsAlpha = id === 'prelu';
    const biasOffset = inputs * outputs;
    const alphaOffset = biasOffset + outputs;
    return { inputs, outputs, activation: id, alpha, learnsAlpha, biasOffset, alphaOffset, parameterCount: alphaOffset + (learnsAlpha ? 1 : 0) };
  });
}

/**
 * A new network with weights drawn from the config's seed (hidden biases at `biasInit`, default
 * 0, output biases 0, PReLU alpha at its configured value). The same config gives the same
 * weights, bit for bit; the biases draw nothing, so biasInit leaves the weights as they were.
 */
export function createNetwork(config: NetworkConfig): Network {
  const shapes = layerShapes(config);
  const random = createRandom(config.seed);
  const hiddenBias = config.biasInit ?? 0;
  const parameters = shapes.map((shape, l) => {
    const values = new Float64Array(shape.parameterCount);
    const { inputs, outputs } = shape;
    const variance = initVariance(config.init, inputs, outputs);
    // A uniform on [-b, b] has variance b²/3, so b = sqrt(3·variance) matches the normal's.
    const bound = Math.sqrt(3 * variance);
    const deviation = Math.sqrt(variance);
    const uniform = config.init.endsWith('_uniform');
    for (let k = 0; k < shape.biasOffset; k++) {
      values[k] = uniform ? bound * (2 * random.uniform() - 1) : deviation * random.normal();
    }
    if (l < shapes.length - 1) values.fill(hiddenBias, shape.biasOffset, shape.alphaOffset);
    if (shape.learnsAlpha) values[shape.alphaOffset] = shape.alpha;
    return values;
  });
  return { config, shapes, parameters };
}

/** The variance of a layer's initial weights under `init`, for `inputs` → `outputs` units. */
export function initVariance(init: InitId, inputs: number, outputs: number): number {
  switch (init) {
    case 'xavier':
    case 'xavier_uniform':
      return 2 / (inputs + outputs);
    case 'he':
    case 'he_uniform':
      return 2 / inputs;
    case 'normal':
      return 1;
    case 'small':
      return 1e-4;
  }
}

/** A deep copy of a network, for trying a step without disturbing the original. */
export function cloneNetwork(network: Network): Network {
  return { config: network.config, shapes: network.shapes, parameters: network.parameters.map((p) => p.slice()) };
}
