/** Times the course's own engine on the lab: 500 epochs with per-epoch training and validation metrics. */
import { createPreviewTrainer, createTrainer, createTrainingRecord, train, type Split } from '../../src/lib/index.ts';
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

/** The same run as the float32 preview (createPreviewTrainer) writing into a TrainingRecord: not the course's figures, a preview of them. */
export function runCoursePreview(data: Split, seed: number): Run {
  const start = performance.now();
  const trainer = createPreviewTrainer(labConfig(seed), { train: data.train, validation: data.validation });
  const record = createTrainingRecord(LAB_EPOCHS, labConfig(seed).network.layers.length - 1);
  for (let e = 0; e < LAB_EPOCHS; e++) if (!trainer.epochInto(record)) throw new Error('bench: the preview run diverged');
  const ms = performance.now() - start;
  return { ms, testAccuracy: trainer.evaluate(data.test).accuracy };
}
