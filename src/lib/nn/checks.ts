/** Checks shared by the trainer and the gradient check: a loss config and data that fit a network. */
import type { Dataset } from '../data/dataset.ts';
import { loss, targetProblem } from '../math/losses.ts';
import type { LossId } from '../math/loss-kernels.ts';
import type { FloatArray, Network } from './network.ts';
import { pairingProblem } from './pairing.ts';
import type { LossSpec } from './propagation.ts';

/** The loss id and its parameters resolved (Huber's delta), or an Error naming the problem. */
export function resolveLoss(id: LossId, params?: Readonly<Record<string, number>>): LossSpec {
  return { id, delta: loss(id, params).params.delta ?? 1 };
}

/**
 * Throws an Error unless the network's output can feed `lossId` at all (`pairingProblem`'s
 * message), and one naming the data set, row and problem unless `data` has the network's input
 * width, finite inputs, and targets of the shape and range `lossId` needs (one class-index
 * column for sparse_cce, one column per output unit otherwise).
 */
export function checkData(network: Network<FloatArray>, lossId: LossId, data: Dataset, name: string): void {
  const output = network.shapes[network.shapes.length - 1];
  const problem = pairingProblem(output.activation, lossId);
  if (problem !== null) throw new Error(problem);
  const inputSize = network.shapes[0].inputs;
  const units = output.outputs;
  const targetSize = lossId === 'sparse_cce' ? 1 : units;
  if (data.size < 1) throw new Error(`${name}: the data set is empty`);
  if (data.inputSize !== inputSize) {
    throw new Error(`${name}: rows have ${data.inputSize} inputs but the network's first layer takes ${inputSize}`);
  }
  if (data.targetSize !== targetSize) {
    throw new Error(
      `${name}: rows have ${data.targetSize} targets but loss "${lossId}" with ${units} output units needs ${targetSize}` +
        (lossId === 'sparse_cce' ? ' (a class index)' : units > 1 ? ' (one-hot rows: see oneHot)' : ''),
    );
  }
  for (let k = 0; k < data.inputs.length; k++) {
    if (!Number.isFinite(data.inputs[k])) {
      throw new Error(`${name}: input ${k % inputSize} of row ${Math.floor(k / inputSize)} is ${data.inputs[k]}`);
    }
  }
  for (let k = 0; k < data.targets.length; k++) {
    const problem = targetProblem(lossId, data.targets[k], units);
    if (problem !== null) throw new Error(`${name}: target ${k % targetSize} of row ${Math.floor(k / targetSize)} ${problem}`);
  }
}
