/**
 * Activation functions: value, derivative and what a widget needs to describe each one.
 * Conventions at kinks and thresholds follow PyTorch and are stated on each definition.
 */
import {
  elu,
  eluDerivative,
  gelu,
  geluDerivative,
  identity,
  identityDerivative,
  leakyRelu,
  leakyReluDerivative,
  preluAlphaDerivative,
  relu,
  reluDerivative,
  sigmoid,
  sigmoidDerivative,
  softplus,
  step,
  stepDerivative,
  swish,
  swishDerivative,
  tanhDerivative,
} from './activation-functions.ts';
import { finiteParameter, resolveParameters, type ParameterSpec } from './params.ts';

/** Every activation id, in the order lessons introduce them. */
export const ACTIVATION_IDS = [
  'step',
  'sigmoid',
  'tanh',
  'relu',
  'leaky_relu',
  'prelu',
  'elu',
  'swish',
  'gelu',
  'softplus',
  'linear',
] as const;

/** The id of one activation function. */
export type ActivationId = (typeof ACTIVATION_IDS)[number];

/** Optional parameters of an activation, e.g. `{ alpha: 0.1 }` for leaky_relu. */
export type ActivationParams = Readonly<Record<string, number>>;

/** An activation function with its derivative and its description for display. */
export interface Activation {
  readonly id: ActivationId;
  /** Display name, e.g. "Leaky ReLU". */
  readonly name: string;
  /** KaTeX source of f. */
  readonly formula: string;
  /** KaTeX source of f'. */
  readonly derivativeFormula: string;
  /** KaTeX source of the output range. */
  readonly range: string;
  /** Resolved parameters (defaults filled in). */
  readonly params: ActivationParams;
  f(z: number): number;
  df(z: number): number;
  /** Derivative with respect to the learnable slope; only PReLU has it. */
  dAlpha?(z: number): number;
}

interface Definition {
  readonly name: string;
  readonly formula: string;
  readonly derivativeFormula: string;
  readonly range: (p: ActivationParams) => string;
  readonly parameters: Readonly<Record<string, ParameterSpec>>;
  readonly build: (p: ActivationParams) => Pick<Activation, 'f' | 'df' | 'dAlpha'>;
}

const NO_PARAMETERS: Readonly<Record<string, ParameterSpec>> = {};
// With alpha <= 0 the negative branch is >= 0, so the function never goes below zero.
const ALPHA_RANGE = (p: ActivationParams): string => (p.alpha > 0 ? '(-\\infty, \\infty)' : '[0, \\infty)');

const DEFINITIONS: Readonly<Record<ActivationId, Definition>> = {
  // Heaviside step with H(0) = 1 (torch.heaviside(z, values=1)); its derivative is 0 everywhere,
  // including at 0, which is why it cannot be trained by gradient descent.
  step: {
    name: 'Step',
    formula: 'H(z) = \\begin{cases} 1 & z \\ge 0 \\\\ 0 & z < 0 \\end{cases}',
    derivativeFormula: "H'(z) = 0",
    range: () => '\\{0, 1\\}',
    parameters: NO_PARAMETERS,
    build: () => ({ f: step, df: stepDerivative }),
  },
  sigmoid: {
    name: 'Sigmoid',
    formula: '\\sigma(z) = \\frac{1}{1 + e^{-z}}',
    derivativeFormula: "\\sigma'(z) = \\sigma(z)\\,\\bigl(1 - \\sigma(z)\\bigr)",
    range: () => '(0, 1)',
    parameters: NO_PARAMETERS,
    build: () => ({ f: sigmoid, df: sigmoidDerivative }),
  },
  tanh: {
    name: 'Tanh',
    formula: '\\tanh(z) = \\frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}',
    derivativeFormula: "\\tanh'(z) = 1 - \\tanh^2(z)",
    range: () => '(-1, 1)',
    parameters: NO_PARAMETERS,
    build: () => ({ f: Math.tanh, df: tanhDerivative }),
  },
  // ReLU'(0) = 0, as PyTorch's threshold_backward (z > 0 passes the gradient, z = 0 does not).
  relu: {
    name: 'ReLU',
    formula: '\\mathrm{ReLU}(z) = \\max(0, z)',
    derivativeFormula: "\\mathrm{ReLU}'(z) = \\begin{cases} 1 & z > 0 \\\\ 0 & z \\le 0 \\end{cases}",
    range: () => '[0, \\infty)',
    parameters: NO_PARAMETERS,
    build: () => ({ f: relu, df: reluDerivative }),
  },
  // LeakyReLU'(0) = alpha, as PyTorch's leaky_relu_backward (z > 0 ? 1 : alpha).
  leaky_relu: {
    name: 'Leaky ReLU',
    formula: '\\mathrm{LeakyReLU}(z) = \\begin{cases} z & z > 0 \\\\ \\alpha z & z \\le 0 \\end{cases}',
    derivativeFormula:
      "\\mathrm{LeakyReLU}'(z) = \\begin{cases} 1 & z > 0 \\\\ \\alpha & z \\le 0 \\end{cases}",
    range: ALPHA_RANGE,
    parameters: { alpha: finiteParameter(0.01) },
    build: ({ alpha }) => ({ f: (z) => leakyRelu(z, alpha), df: (z) => leakyReluDerivative(z, alpha) }),
  },
  // As leaky_relu with a learnable alpha; PReLU'(0) = alpha and ∂f/∂alpha = z for z <= 0, else 0,
  // as PyTorch's prelu backward.
  prelu: {
    name: 'PReLU',
    formula: '\\mathrm{PReLU}(z) = \\begin{cases} z & z > 0 \\\\ \\alpha z & z \\le 0 \\end{cases}',
    derivativeFormula:
      "\\mathrm{PReLU}'(z) = \\begin{cases} 1 & z > 0 \\\\ \\alpha & z \\le 0 \\end{cases}, \\quad " +
      '\\frac{\\partial\\,\\mathrm{PReLU}}{\\partial \\alpha} = \\begin{cases} 0 & z > 0 \\\\ z & z \\le 0 \\end{cases}',
    range: ALPHA_RANGE,
    parameters: { alpha: finiteParameter(0.25) },
    build: ({ alpha }) => ({
      f: (z) => leakyRelu(z, alpha),
      df: (z) => leakyReluDerivative(z, alpha),
      dAlpha: preluAlphaDerivative,
    }),
  },
  // ELU'(0) = alpha (the left branch, as PyTorch's elu_backward tests z <= 0), alpha·expm1(z)
  // keeps small negative z accurate.
  elu: {
    name: 'ELU',
    formula: '\\mathrm{ELU}(z) = \\begin{cases} z & z > 0 \\\\ \\alpha\\,(e^{z} - 1) & z \\le 0 \\end{cases}',
    derivativeFormula:
      "\\mathrm{ELU}'(z) = \\begin{cases} 1 & z > 0 \\\\ \\alpha\\,e^{z} & z \\le 0 \\end{cases}",
    range: ({ alpha }) => (alpha > 0 ? `(-${alpha}, \\infty)` : '[0, \\infty)'),
    parameters: { alpha: finiteParameter(1) },
    build: ({ alpha }) => ({
      f: (z) => elu(z, alpha),
      df: (z) => eluDerivative(z, alpha),
    }),
  },
  // SiLU: PyTorch's silu_backward σ(z)(1 + z(1 - σ(z))), with 1 - σ(z) taken as σ(-z).
  swish: {
    name: 'Swish (SiLU)',
    formula: '\\mathrm{swish}(z) = z\\,\\sigma(z) = \\frac{z}{1 + e^{-z}}',
    derivativeFormula: "\\mathrm{swish}'(z) = \\sigma(z)\\,\\bigl(1 + z\\,(1 - \\sigma(z))\\bigr)",
    range: () => '[\\approx -0.278, \\infty)',
    parameters: NO_PARAMETERS,
    build: () => ({ f: swish, df: swishDerivative }),
  },
  // The exact erf form (PyTorch's approximate='none'): zΦ(z) with Φ(z) = ½(1 + erf(z/√2)),
  // derivative Φ(z) + zφ(z); erf comes from stdlib, accurate to float64.
  gelu: {
    name: 'GELU',
    formula:
      '\\mathrm{GELU}(z) = z\\,\\Phi(z) = \\frac{z}{2}\\left(1 + \\mathrm{erf}\\!\\left(\\frac{z}{\\sqrt{2}}\\right)\\right)',
    derivativeFormula:
      "\\mathrm{GELU}'(z) = \\Phi(z) + z\\,\\varphi(z) = \\Phi(z) + \\frac{z}{\\sqrt{2\\pi}}\\,e^{-z^2/2}",
    range: () => '[\\approx -0.170, \\infty)',
    parameters: NO_PARAMETERS,
    build: () => ({ f: gelu, df: geluDerivative }),
  },
  // log(1 + e^z) in the stable form max(z, 0) + log1p(e^-|z|). PyTorch (beta 1, threshold 20)
  // returns z itself above 20; the two differ there by log1p(e^-z) < 2.1e-9.
  softplus: {
    name: 'Softplus',
    formula: '\\mathrm{softplus}(z) = \\ln\\left(1 + e^{z}\\right)',
    derivativeFormula: "\\mathrm{softplus}'(z) = \\sigma(z) = \\frac{1}{1 + e^{-z}}",
    range: () => '(0, \\infty)',
    parameters: NO_PARAMETERS,
    build: () => ({ f: softplus, df: sigmoid }),
  },
  linear: {
    name: 'Linear (identity)',
    formula: 'f(z) = z',
    derivativeFormula: "f'(z) = 1",
    range: () => '(-\\infty, \\infty)',
    parameters: NO_PARAMETERS,
    build: () => ({ f: identity, df: identityDerivative }),
  },
};

/** True when `id` names an activation; use it to validate ids from URLs or attributes. */
export function isActivationId(id: unknown): id is ActivationId {
  return typeof id === 'string' && (ACTIVATION_IDS as readonly string[]).includes(id);
}

/**
 * The activation `id` with `params` (defaults: leaky_relu alpha 0.01, prelu alpha 0.25,
 * elu alpha 1). Throws an Error naming the id or parameter and what is allowed.
 */
export function activation(id: ActivationId, params?: Partial<ActivationParams>): Activation {
  if (!isActivationId(id)) {
    throw new Error(`Unknown activation ${JSON.stringify(id)}: expected one of ${ACTIVATION_IDS.join(', ')}`);
  }
  const definition = DEFINITIONS[id];
  const resolved = resolveParameters(`activation "${id}"`, definition.parameters, params);
  return Object.freeze({
    id,
    name: definition.name,
    formula: definition.formula,
    derivativeFormula: definition.derivativeFormula,
    range: definition.range(resolved),
    params: resolved,
    ...definition.build(resolved),
  });
}

