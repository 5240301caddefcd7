/**
 * Which output activations a loss can take at all. A loss on probabilities (bce, cce,
 * sparse_cce) needs every output in [0, 1]: anything else can make ln p or ln(1 - p) not a real number.
 * Poor but computable pairs (softmax + mse, sigmoid + mse, softmax into cce_logits) are allowed:
 * the pairing lab trains them on purpose.
 */
import { activation } from '../math/activations.ts';
import type { LossId } from '../math/loss-kernels.ts';
import type { ActivationSpec, LayerActivationId } from './network.ts';

/** Output activations whose every value lies in [0, 1]. */
const PROBABILITY_OUTPUTS: ReadonlySet<LayerActivationId> = new Set(['sigmoid', 'softmax', 'step']);

/** The activation as a sentence names it: "a linear output", "a ReLU output". */
function outputName(id: LayerActivationId): string {
  if (id === 'softmax') return 'a softmax output';
  if (id === 'linear') return 'a linear output';
  const name = activation(id).name;
  const spoken = /^[A-Z][a-z]+\b/.test(name) ? name[0].toLowerCase() + name.slice(1) : name;
  return `${/^[aeiou]/i.test(spoken) ? 'an' : 'a'} ${spoken} output`;
}

/**
 * Why `outputActivation` (an id, or `{ id, params }` as in a NetworkConfig) cannot feed loss
 * `lossId`, with what to use instead, or null when the pair can be trained (which does not make
 * it a good pair). A widget shows the message before training; createTrainer, gradientCheck,
 * measureLayers and measureUnits throw it as an Error.
 */
export function pairingProblem(outputActivation: ActivationSpec, lossId: LossId): string | null {
  const id = typeof outputActivation === 'string' ? outputActivation : outputActivation.id;
  if (PROBABILITY_OUTPUTS.has(id)) return null;
  const output = outputName(id);
  if (lossId === 'bce') {
    return (
      `${output} cannot feed "bce": binary cross-entropy takes probabilities in [0, 1], and ${output} can leave [0, 1], ` +
      `where ln p or ln(1 - p) is not a real number (PyTorch's BCELoss raises an error for inputs outside [0, 1]). ` +
      `Use a sigmoid output with "bce", or a linear output with "bce_logits" (PyTorch's BCEWithLogitsLoss), which takes logits and applies the sigmoid itself.`
    );
  }
  if (lossId === 'cce' || lossId === 'sparse_cce') {
    return (
      `${output} cannot feed "${lossId}": categorical cross-entropy takes probability rows in [0, 1] that sum to 1, and ${output} ` +
      `gives neither. Use a softmax output with "${lossId}", or a linear output with "cce_logits" (PyTorch's CrossEntropyLoss), ` +
      `which takes logits and applies log-softmax itself.`
    );
  }
  return null;
}
