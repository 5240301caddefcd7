/**
 * The names a lesson may give as a code cell's `check=`. No imports, so the build plugin reads
 * this list without loading the checks themselves; `checks/index.ts` must have one check per name.
 */
export const CHECK_NAMES = ['leaky-relu', 'sigmoid-and-slope', 'bce-gradient', 'tanh-from-sigmoid', 'leaky-relu-and-elu', 'stable-softmax', 'four-predictions', 'huber', 'bce-from-logit', 'output-gradients'] as const;

/** One graded check's name. */
export type CheckName = (typeof CHECK_NAMES)[number];

/** Whether `name` is a known check. */
export function isCheckName(name: unknown): name is CheckName {
  return (CHECK_NAMES as readonly unknown[]).includes(name);
}
