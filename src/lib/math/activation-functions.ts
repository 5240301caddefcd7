/**
 * The scalar value and derivative of every activation, as plain module functions so that the
 * `activation()` objects and the engine's typed-array loops (which V8 inlines these into) run
 * one and the same arithmetic. Kink conventions follow PyTorch.
 */
import erf from '@stdlib/math-base-special-erf';

const INV_SQRT2 = Math.SQRT1_2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** Heaviside step with H(0) = 1, as torch.heaviside(z, values=1); NaN stays NaN. */
export function step(z: number): number {
  return z >= 0 ? 1 : z < 0 ? 0 : Number.NaN;
}

/** The step's derivative: 0 everywhere, including at 0 (NaN stays NaN). */
export function stepDerivative(z: number): number {
  return Number.isNaN(z) ? z : 0;
}

/** The logistic sigmoid 1 / (1 + e^-z), split on the sign of z so that exp never overflows. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** σ'(z) = e^-|z| / (1 + e^-|z|)², exact in both tails where σ(1 - σ) would round to 0. */
export function sigmoidDerivative(z: number): number {
  const e = Math.exp(-Math.abs(z));
  const d = 1 + e;
  return e / (d * d);
}

/** tanh'(z) = sech²(z) = 4e^-2|z| / (1 + e^-2|z|)², accurate where 1 - tanh² would cancel. */
export function tanhDerivative(z: number): number {
  const e = Math.exp(-2 * Math.abs(z));
  const d = 1 + e;
  return (4 * e) / (d * d);
}

// ReLU is the engine's hot path: its sign is a coin toss, so a branch on it mispredicts half the
// time and costs about 4x a multiplication by the 0/1 value of (z > 0), which compiles branch-free.

/** max(0, z), as torch.relu: NaN stays NaN, -0 and -Infinity give 0. */
export function relu(z: number): number {
  return z === -Infinity ? 0 : z * Number(z > 0) + 0;
}

/** ReLU'(z): 1 for z > 0 and 0 otherwise, so ReLU'(0) = 0 as PyTorch's threshold_backward. */
export function reluDerivative(z: number): number {
  return Number(z > 0);
}

/** Leaky ReLU and PReLU: z for z > 0, alpha·z otherwise. */
export function leakyRelu(z: number, alpha: number): number {
  return z > 0 ? z : alpha * z;
}

/** 1 for z > 0 and alpha for z <= 0, so the derivative at 0 is alpha (PyTorch's leaky_relu_backward). */
export function leakyReluDerivative(z: number, alpha: number): number {
  return z > 0 ? 1 : z <= 0 ? alpha : z;
}

/** ∂PReLU/∂alpha: z for z <= 0, else 0, as PyTorch's prelu backward for the weight. */
export function preluAlphaDerivative(z: number): number {
  return z > 0 ? 0 : z;
}

/** ELU: z for z > 0, alpha·expm1(z) otherwise (expm1 keeps small negative z accurate). */
export function elu(z: number, alpha: number): number {
  return z > 0 ? z : alpha * Math.expm1(z);
}

/** ELU'(z): 1 for z > 0, alpha·e^z for z <= 0, so ELU'(0) = alpha as PyTorch's elu_backward. */
export function eluDerivative(z: number, alpha: number): number {
  return z > 0 ? 1 : alpha * Math.exp(z);
}

/** Swish (SiLU): z·σ(z). */
export function swish(z: number): number {
  return z * sigmoid(z);
}

/** Swish'(z) = σ(z)(1 + z(1 - σ(z))), PyTorch's silu_backward, with 1 - σ(z) taken as σ(-z). */
export function swishDerivative(z: number): number {
  return sigmoid(z) * (1 + z * sigmoid(-z));
}

/** Exact GELU (PyTorch's approximate='none'): z·Φ(z), Φ(z) = ½(1 + erf(z/√2)) with stdlib's erf. */
export function gelu(z: number): number {
  return 0.5 * z * (1 + erf(z * INV_SQRT2));
}

/** GELU'(z) = Φ(z) + z·φ(z), the same formula as PyTorch's gelu_backward. */
export function geluDerivative(z: number): number {
  return 0.5 * (1 + erf(z * INV_SQRT2)) + z * INV_SQRT_2PI * Math.exp(-0.5 * z * z);
}

/**
 * softplus(z) = log(1 + e^z) as max(z, 0) + log1p(e^-|z|): finite for every finite z. PyTorch
 * (beta 1, threshold 20) returns z itself above 20; the two differ there by log1p(e^-z) < 2.1e-9.
 */
export function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/** The identity. */
export function identity(z: number): number {
  return z;
}

/** The identity's derivative, 1 (NaN stays NaN). */
export function identityDerivative(z: number): number {
  return Number.isNaN(z) ? z : 1;
}
