/** The network explorer's state: the hidden activation, every weight and bias, and which weight to differentiate by. */
import type { ChoiceField, NumberField, StateOf } from '../common/state.ts';

/** Hidden activations the reader can pick; 'none' is the identity, so the network stays linear. */
export const HIDDEN_ACTIVATIONS = ['none', 'step', 'relu', 'sigmoid', 'tanh'] as const;

/** One of the hidden activations. */
export type HiddenActivation = (typeof HIDDEN_ACTIVATIONS)[number];

/** How many hidden units the network has. */
export const HIDDEN_UNITS = 3;

/** The input range plotted, and the range of every weight and bias. */
export const X_RANGE = [-3, 3] as const;

const activationField: ChoiceField<HiddenActivation> = {
  kind: 'choice',
  label: 'Hidden activation f',
  options: [
    { value: 'none', label: 'none (linear)' },
    { value: 'step', label: 'step' },
    { value: 'relu', label: 'ReLU' },
    { value: 'sigmoid', label: 'sigmoid' },
    { value: 'tanh', label: 'tanh' },
  ],
  default: 'none',
};

const respectField: ChoiceField<'w1' | 'w2' | 'w3'> = {
  kind: 'choice',
  label: 'Derivative with respect to',
  options: [
    { value: 'w1', label: 'w₁' },
    { value: 'w2', label: 'w₂' },
    { value: 'w3', label: 'w₃' },
  ],
  default: 'w1',
};

function parameter(label: string, value: number): NumberField {
  return { kind: 'number', label, min: -3, max: 3, step: 0.1, default: value };
}

/**
 * Every field, keyed by its URL name. The defaults put each ReLU kink (at x = −b/w) inside
 * the plotted range, so switching from none to ReLU visibly bends the line.
 */
export const SCHEMA = {
  f: activationField,
  wrt: respectField,
  w1: parameter('w₁ (input → unit 1)', 1.5),
  b1: parameter('b₁ (bias of unit 1)', 0.5),
  w2: parameter('w₂ (input → unit 2)', -1.2),
  b2: parameter('b₂ (bias of unit 2)', 1),
  w3: parameter('w₃ (input → unit 3)', 0.8),
  b3: parameter('b₃ (bias of unit 3)', -1.2),
  v1: parameter('v₁ (unit 1 → output)', 1),
  v2: parameter('v₂ (unit 2 → output)', 1.3),
  v3: parameter('v₃ (unit 3 → output)', -1.5),
  c: parameter('c (output bias)', 0),
} as const;

/** The explorer's full state. */
export type ExplorerState = StateOf<typeof SCHEMA>;
