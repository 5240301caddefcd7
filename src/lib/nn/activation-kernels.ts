/**
 * A layer's activation applied to, and differentiated over, a whole batch held feature-major
 * (unit j of sample b at j·count + b). One switch per layer and batch picks a tight loop that
 * calls the shared scalar functions, which V8 inlines.
 */
import {
  elu,
  eluDerivative,
  gelu,
  geluDerivative,
  leakyRelu,
  leakyReluDerivative,
  preluAlphaDerivative,
  relu,
  reluDerivative,
  sigmoid,
  sigmoidDerivative,
  softplus,
  step,
  swish,
  swishDerivative,
  tanhDerivative,
} from '../math/activation-functions.ts';
import { softmaxStrided } from '../math/softmax.ts';
import type { FloatArray, LayerActivationId } from './network.ts';

/**
 * A[k] = f(Z[k]) for the first units·count entries; softmax runs down each sample's column.
 * With `cache`, the sigmoid keeps each e^-|z| there for activationBackward, which would
 * otherwise compute the same exponential again (the same value, so the same bits).
 */
export function activate(
  id: LayerActivationId,
  alpha: number,
  z: FloatArray,
  a: FloatArray,
  units: number,
  count: number,
  cache: Float64Array | null = null,
): void {
  const length = units * count;
  switch (id) {
    case 'relu':
      for (let k = 0; k < length; k++) a[k] = relu(z[k]);
      return;
    case 'leaky_relu':
    case 'prelu':
      for (let k = 0; k < length; k++) a[k] = leakyRelu(z[k], alpha);
      return;
    case 'sigmoid':
      if (cache === null) {
        for (let k = 0; k < length; k++) a[k] = sigmoid(z[k]);
        return;
      }
      // sigmoid(z), written from e = e^-|z| as activation-functions.ts does for each sign.
      for (let k = 0; k < length; k++) {
        const value = z[k];
        const e = Math.exp(-Math.abs(value));
        cache[k] = e;
        a[k] = value >= 0 ? 1 / (1 + e) : e / (1 + e);
      }
      return;
    case 'tanh':
      for (let k = 0; k < length; k++) a[k] = Math.tanh(z[k]);
      return;
    case 'linear':
      a.set(z.subarray(0, length));
      return;
    case 'elu':
      for (let k = 0; k < length; k++) a[k] = elu(z[k], alpha);
      return;
    case 'swish':
      for (let k = 0; k < length; k++) a[k] = swish(z[k]);
      return;
    case 'gelu':
      for (let k = 0; k < length; k++) a[k] = gelu(z[k]);
      return;
    case 'softplus':
      for (let k = 0; k < length; k++) a[k] = softplus(z[k]);
      return;
    case 'step':
      for (let k = 0; k < length; k++) a[k] = step(z[k]);
      return;
    case 'softmax':
      for (let b = 0; b < count; b++) softmaxStrided(z, a, b, units, count);
      return;
  }
}

/**
 * Turns the upstream gradient dA (in `delta`) into dZ = dA ⊙ f'(Z) in place; for softmax,
 * dZ = A ⊙ (dA - Σ dA·A) per sample. Returns Σ dA·∂f/∂alpha, PReLU's alpha gradient (else 0).
 * `cache`: the e^-|z| that activate kept for these Z (sigmoid only).
 */
export function activationBackward(
  id: LayerActivationId,
  alpha: number,
  z: FloatArray,
  a: FloatArray,
  delta: FloatArray,
  units: number,
  count: number,
  cache: Float64Array | null = null,
): number {
  const length = units * count;
  switch (id) {
    case 'relu':
      for (let k = 0; k < length; k++) delta[k] *= reluDerivative(z[k]);
      return 0;
    case 'leaky_relu':
      for (let k = 0; k < length; k++) delta[k] *= leakyReluDerivative(z[k], alpha);
      return 0;
    case 'prelu': {
      let alphaGradient = 0;
      for (let k = 0; k < length; k++) {
        alphaGradient += delta[k] * preluAlphaDerivative(z[k]);
        delta[k] *= leakyReluDerivative(z[k], alpha);
      }
      return alphaGradient;
    }
    case 'sigmoid':
      if (cache === null) {
        for (let k = 0; k < length; k++) delta[k] *= sigmoidDerivative(z[k]);
        return 0;
      }
      // sigmoidDerivative's e / (1 + e)², from the e kept by activate.
      for (let k = 0; k < length; k++) {
        const e = cache[k];
        const d = 1 + e;
        delta[k] *= e / (d * d);
      }
      return 0;
    case 'tanh':
      for (let k = 0; k < length; k++) delta[k] *= tanhDerivative(z[k]);
      return 0;
    case 'linear':
      return 0;
    case 'elu':
      for (let k = 0; k < length; k++) delta[k] *= eluDerivative(z[k], alpha);
      return 0;
    case 'swish':
      for (let k = 0; k < length; k++) delta[k] *= swishDerivative(z[k]);
      return 0;
    case 'gelu':
      for (let k = 0; k < length; k++) delta[k] *= geluDerivative(z[k]);
      return 0;
    case 'softplus':
      for (let k = 0; k < length; k++) delta[k] *= sigmoid(z[k]);
      return 0;
    case 'step':
      // Zero everywhere: nothing flows back through a step (NaN still shows up as NaN).
      for (let k = 0; k < length; k++) delta[k] = Number.isNaN(z[k]) ? z[k] : 0;
      return 0;
    case 'softmax':
      for (let b = 0; b < count; b++) {
        let dot = 0;
        for (let j = 0, k = b; j < units; j++, k += count) dot += delta[k] * a[k];
        for (let j = 0, k = b; j < units; j++, k += count) delta[k] = a[k] * (delta[k] - dot);
      }
      return 0;
  }
}

/**
 * Multiplies dZ elementwise by f'(Z) once more: the article's output-layer slip (for softmax,
 * by its diagonal A(1 - A)). Only the 'article' backward pass uses it.
 */
export function multiplyByDerivativeAgain(
  id: LayerActivationId,
  alpha: number,
  z: FloatArray,
  a: FloatArray,
  delta: FloatArray,
  units: number,
  count: number,
): void {
  if (id === 'softmax') {
    for (let k = 0; k < units * count; k++) delta[k] *= a[k] * (1 - a[k]);
    return;
  }
  activationBackward(id, alpha, z, a, delta, units, count);
}
