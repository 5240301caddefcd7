/**
 * The activation explorer's state as one table: up to three activations and their parameters,
 * the plotted z range, the probe, and the settings of "where the inputs land" (one layer's
 * pre-activations at initialisation). The defaults suit lesson 2: sigmoid against tanh, and
 * N(0, 1) weights with fan-in 100, which put most sigmoid units where f' is nearly 0.
 */
import { ACTIVATION_IDS, type ActivationId } from '../../lib/index.ts';
import type { ChoiceField, NumberField, StateOf } from '../common/state.ts';

/** What each activation is called in the controls and in messages. */
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

/** A slot's choice: an activation, or 'none' (slots 2 and 3 only) to leave it empty. */
export type SlotChoice = ActivationId | 'none';

/** The initialisations of "where the inputs land"; 'normal' is N(0, 1), 'custom' uses the chosen σ. */
export const INITIALISATIONS = ['xavier', 'he', 'normal', 'custom'] as const;

/** One initialisation. */
export type Initialisation = (typeof INITIALISATIONS)[number];

const activationOptions = ACTIVATION_IDS.map((id) => ({ value: id, label: ACTIVATION_LABELS[id] }));

function choice<V extends string>(label: string, options: readonly { value: V; label: string }[], value: V): ChoiceField<V> {
  return { kind: 'choice', label, options, default: value };
}

const optionalOptions: { value: SlotChoice; label: string }[] = [{ value: 'none', label: 'none' }, ...activationOptions];

function number(label: string, min: number, max: number, step: number, value: number, scale?: 'log'): NumberField {
  return { kind: 'number', label, min, max, step, default: value, scale };
}

/**
 * Every field, keyed by its URL name. Each alpha belongs to its function, not to a slot, so its
 * default can be the library's (Leaky ReLU 0.01, PReLU 0.25, ELU 1); two slots showing the same
 * function show the same curve anyway.
 *
 * The probe z accepts -1000 to 1000 in steps of 0.01: the issue asks for any finite number with
 * z = ±1000 included, and a number field must have a grid. Beyond ±1000 every activation here is
 * on its asymptote or its straight branch (σ(±40) is already 0 or 1 to float precision), so
 * nothing new would be seen; 0.01 is finer than any feature of the curves, and keeps the kink at
 * 0 on the grid. The view's slider should span the z range while the number box takes the field.
 */
export const SCHEMA = {
  f1: choice('Function 1', activationOptions, 'sigmoid'),
  f2: choice('Function 2', optionalOptions, 'tanh'),
  f3: choice('Function 3', optionalOptions, 'none'),
  leakyAlpha: number('Leaky ReLU α', 0, 1, 0.01, 0.01),
  preluAlpha: number('PReLU α', 0, 1, 0.01, 0.25),
  eluAlpha: number('ELU α', 0, 3, 0.05, 1),
  range: number('z range (±)', 3, 20, 1, 6),
  saturation: choice<'on' | 'off'>('Shade the saturated zone', [{ value: 'on', label: 'on' }, { value: 'off', label: 'off' }], 'on'),
  z: number('Probe z', -1000, 1000, 0.01, 2),
  fanIn: number('Fan-in n', 1, 1000, 1, 100, 'log'),
  init: choice<Initialisation>(
    'Initialisation',
    [
      { value: 'xavier', label: 'Xavier/Glorot' },
      { value: 'he', label: 'He' },
      { value: 'normal', label: 'N(0, 1)' },
      { value: 'custom', label: 'N(0, σ²), chosen σ' },
    ],
    'normal',
  ),
  sigma: number('Weight standard deviation σ', 0.001, 10, 0.001, 0.1, 'log'),
  seed: number('Seed', 0, 9999, 1, 42),
} as const;

/** The explorer's full state. */
export type ActivationExplorerState = StateOf<typeof SCHEMA>;

/** The activations chosen, in slot order, without the empty slots (slot 1 is never empty). */
export function chosenActivations(state: ActivationExplorerState): ActivationId[] {
  return [state.f1, state.f2, state.f3].filter((choice): choice is ActivationId => choice !== 'none');
}

/** The parameters the library takes for `id` under this state: the function's alpha, if it has one. */
export function parametersOf(state: ActivationExplorerState, id: ActivationId): { alpha: number } | undefined {
  if (id === 'leaky_relu') return { alpha: state.leakyAlpha };
  if (id === 'prelu') return { alpha: state.preluAlpha };
  if (id === 'elu') return { alpha: state.eluAlpha };
  return undefined;
}
