/**
 * The lab's gradient check, as the session starts it and reports it: both backward passes
 * ('correct' and the article's) against central differences on the first CHECK_ROWS training
 * rows, a layer's entries sampled above CHECK_SAMPLE, and the finished check as the rows of the
 * `gradients` report (protocol.ts). The session slices the check's work and decides when it may run.
 */
import { selectRows, startGradientCheck, type Dataset, type GradientCheckRun, type LayerGradientCheck, type Trainer } from '../../lib/index.ts';
import { CHECK_EPSILON, CHECK_ROWS, CHECK_SAMPLE, type GradientError, type GradientLayer } from './protocol.ts';

/** Starts a check of both backward passes of `trainer`'s network on the first CHECK_ROWS rows of `train`, at the run's learning rate. */
export function startLabCheck(trainer: Trainer, train: Dataset, learningRate: number): GradientCheckRun {
  const rows = Array.from({ length: Math.min(CHECK_ROWS, train.size) }, (_, i) => i);
  return startGradientCheck({
    network: trainer.network,
    data: selectRows(train, rows),
    loss: 'bce',
    variants: ['correct', 'article'],
    learningRate,
    epsilon: CHECK_EPSILON,
    sample: CHECK_SAMPLE,
  });
}

/** The largest |parameter| of the trainer's network; NaN if any is not a number. */
export function largestWeightOf(trainer: Trainer): number {
  let largest = 0;
  for (const layer of trainer.network.parameters) for (const w of layer) largest = Number.isNaN(w) ? Number.NaN : Math.max(largest, Math.abs(w));
  return largest;
}

/** One row per weight layer from a finished check of the 'correct' and 'article' passes, or null if any error is not a finite number. */
export function gradientLayers(check: GradientCheckRun): GradientLayer[] | null {
  const [correct, article] = check.results();
  const error = ({ relativeError, absoluteError, analyticNorm, numericNorm }: LayerGradientCheck): GradientError => ({
    relativeError,
    absoluteError,
    scale: analyticNorm + numericNorm,
  });
  const layers = correct.map((layer, l) => ({
    parameterCount: layer.parameterCount,
    checked: layer.checked,
    kinkCrossings: layer.kinkCrossings,
    unresolved: layer.unresolved,
    correct: error(layer),
    article: error(article[l]),
  }));
  const finite = layers.every((layer) => [layer.correct, layer.article].every((e) => Number.isFinite(e.relativeError) && Number.isFinite(e.scale)));
  return finite ? layers : null;
}
