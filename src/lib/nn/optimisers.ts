/**
 * SGD, SGD with momentum and Adam, each as PyTorch's torch.optim implements it, updating one
 * layer's flat parameter array at a time (so that the article's backward pass can update a
 * layer before propagating through it). State buffers are allocated once, at creation.
 */
import type { FloatArray, LayerShape } from './network.ts';

/** An optimiser as plain data: `{ kind: 'adam', learningRate: 0.001 }`. */
export type OptimizerConfig =
  | { readonly kind: 'sgd'; readonly learningRate: number }
  | { readonly kind: 'momentum'; readonly learningRate: number; readonly momentum?: number }
  | {
      readonly kind: 'adam';
      readonly learningRate: number;
      readonly beta1?: number;
      readonly beta2?: number;
      readonly epsilon?: number;
    };

/** Applies gradient steps to a network's layers. */
export interface Optimizer {
  /** Starts a step (one mini-batch); Adam counts steps for its bias correction. */
  beginStep(): void;
  /** Updates one layer's parameters in place from its gradient. */
  updateLayer(layer: number, parameters: FloatArray, gradient: FloatArray): void;
}

function check(name: string, value: number | undefined, fallback: number, isValid: (v: number) => boolean, allowed: string): number {
  const resolved = value ?? fallback;
  if (typeof resolved !== 'number' || !isValid(resolved)) throw new Error(`optimizer: ${name} must be ${allowed}, got ${String(value)}`);
  return resolved;
}

const positive = (v: number) => Number.isFinite(v) && v > 0;
const fraction = (v: number) => v >= 0 && v < 1;

/**
 * An optimiser for layers of these shapes. SGD: p -= lr·g. Momentum (PyTorch, no dampening):
 * v = μv + g, p -= lr·v. Adam (PyTorch): m = β1·m + (1-β1)g, v = β2·v + (1-β2)g²,
 * p -= lr/(1-β1^t) · m / (sqrt(v)/sqrt(1-β2^t) + ε).
 */
export function createOptimizer(config: OptimizerConfig, shapes: readonly LayerShape[]): Optimizer {
  const kinds = ['sgd', 'momentum', 'adam'];
  if (!kinds.includes(config?.kind)) {
    throw new Error(`optimizer: unknown kind ${JSON.stringify(config?.kind)}: expected one of ${kinds.join(', ')}`);
  }
  const learningRate = check('learningRate', config.learningRate, Number.NaN, positive, 'a finite number > 0');
  if (config.kind === 'sgd') {
    return {
      beginStep: () => {},
      updateLayer: (_layer, parameters, gradient) => {
        for (let k = 0; k < parameters.length; k++) parameters[k] -= learningRate * gradient[k];
      },
    };
  }
  const first = shapes.map((shape) => new Float64Array(shape.parameterCount));
  if (config.kind === 'momentum') {
    const momentum = check('momentum', config.momentum, 0.9, fraction, 'in [0, 1)');
    return {
      beginStep: () => {},
      updateLayer: (layer, parameters, gradient) => {
        const velocity = first[layer];
        for (let k = 0; k < parameters.length; k++) {
          velocity[k] = momentum * velocity[k] + gradient[k];
          parameters[k] -= learningRate * velocity[k];
        }
      },
    };
  }
  const beta1 = check('beta1', config.beta1, 0.9, fraction, 'in [0, 1)');
  const beta2 = check('beta2', config.beta2, 0.999, fraction, 'in [0, 1)');
  const epsilon = check('epsilon', config.epsilon, 1e-8, positive, 'a finite number > 0');
  const second = shapes.map((shape) => new Float64Array(shape.parameterCount));
  let stepCount = 0;
  let stepSize = 0;
  let rootCorrection = 1;
  return {
    beginStep: () => {
      stepCount++;
      stepSize = learningRate / (1 - beta1 ** stepCount);
      rootCorrection = Math.sqrt(1 - beta2 ** stepCount);
    },
    updateLayer: (layer, parameters, gradient) => {
      const m = first[layer];
      const v = second[layer];
      for (let k = 0; k < parameters.length; k++) {
        const g = gradient[k];
        m[k] = beta1 * m[k] + (1 - beta1) * g;
        v[k] = beta2 * v[k] + (1 - beta2) * g * g;
        parameters[k] -= (stepSize * m[k]) / (Math.sqrt(v[k]) / rootCorrection + epsilon);
      }
    },
  };
}
