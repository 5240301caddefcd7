/**
 * What the library's activations and initialisations are called in every widget's controls and
 * messages, so two widgets never name the same thing two ways.
 */
import type { ActivationId, InitId } from '../../lib/index.ts';

/** Each activation's name in a control. */
export const ACTIVATION_LABELS: Readonly<Record<ActivationId, string>> = {
  step: 'step',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  relu: 'ReLU',
  leaky_relu: 'Leaky ReLU',
  prelu: 'PReLU',
  elu: 'ELU',
  swish: 'Swish (SiLU)',
  gelu: 'GELU',
  softplus: 'softplus',
  linear: 'linear (identity)',
};

/** Each initialisation's name in a control; those a widget offers are a subset. */
export const INIT_LABELS: Readonly<Partial<Record<InitId, string>>> & Readonly<Record<'xavier' | 'he' | 'normal' | 'small', string>> = {
  xavier: 'Xavier/Glorot',
  he: 'He',
  normal: 'N(0, 1)',
  small: 'N(0, 0.01²)',
};
