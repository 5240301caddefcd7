/** Times the course's own engine on the lab: 500 epochs with per-epoch training and validation metrics. */
import { createTrainer, train, type Split } from '../../src/lib/index.ts';
import { LAB_EPOCHS, labConfig, type Run } from './lab-data.ts';

/** Builds a trainer and trains the full lab; the clock covers trainer creation and all epochs. */
export function runCourse(data: Split, seed: number): Run {
  const start = performance.now();
  const trainer = createTrainer(labConfig(seed), { train: data.train, validation: data.validation });
  const history = train(trainer, { epochs: LAB_EPOCHS });
  const ms = performance.now() - start;
  if (history.outcome !== 'completed') throw new Error(`bench: the course run ended ${history.outcome}`);
  return { ms, testAccuracy: trainer.evaluate(data.test).accuracy };
}
