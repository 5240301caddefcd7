import type { CheckResult } from '../protocol.ts';
import { bceFromLogit } from './bce-from-logit.ts';
import { bceGradient } from './bce-gradient.ts';
import { fourPredictions } from './four-predictions.ts';
import { checkHuber } from './huber.ts';
import { checkLeakyRelu } from './leaky-relu.ts';
import { leakyReluAndElu } from './leaky-relu-and-elu.ts';
import { outputGradients } from './output-gradients.ts';
import { isCheckName, type CheckName } from './names.ts';
import { sigmoidAndSlope } from './sigmoid-and-slope.ts';
import { stableSoftmax } from './stable-softmax.ts';
import { tanhFromSigmoid } from './tanh-from-sigmoid.ts';
import type { CellExports, GradedCheck } from './types.ts';

/** Every graded check by the name a cell fence gives in `check=`; one per name in CHECK_NAMES. */
export const CHECKS: Readonly<Record<CheckName, GradedCheck>> = {
  'leaky-relu': checkLeakyRelu,
  'sigmoid-and-slope': sigmoidAndSlope,
  'bce-gradient': bceGradient,
  'tanh-from-sigmoid': tanhFromSigmoid,
  'leaky-relu-and-elu': leakyReluAndElu,
  'stable-softmax': stableSoftmax,
  'four-predictions': fourPredictions,
  huber: checkHuber,
  'bce-from-logit': bceFromLogit,
  'output-gradients': outputGradients,
};

/**
 * Runs the check `name` on a cell's exports. A check that itself throws (most likely because
 * the reader's function did something the check did not foresee) is reported as a failure.
 */
export async function runCheck(name: string, exports: CellExports): Promise<CheckResult[]> {
  if (!isCheckName(name)) return [{ name, passed: false, message: `There is no check named "${name}".` }];
  try {
    return await CHECKS[name](exports);
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return [{ name, passed: false, message: `The check could not finish: ${reason}` }];
  }
}
