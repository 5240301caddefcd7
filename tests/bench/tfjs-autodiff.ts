/**
 * Row `tfjs-cpu`: the lab in TensorFlow.js used the ordinary way, on its pure-JavaScript CPU
 * backend: the forward pass in tfjs ops, `tf.losses.sigmoidCrossEntropy` (mean BCE from the
 * output logits, i.e. a sigmoid output with BCE), and `tf.train.sgd(0.05).minimize`, which
 * records the tape and lets tfjs's autodiff compute the gradients. This is the baseline the
 * course's speed target is stated against. Same data, initial weights, shuffles and per-epoch
 * metrics (running training loss and accuracy, full validation pass) as the course; see
 * tfjs-shared.ts.
 */
import { correctCount, testAccuracy, tf, tfjsLab, trainEpochs } from './tfjs-shared.ts';
import { labConfig, type Run } from './lab-data.ts';
import type { Split } from '../../src/lib/index.ts';

/** Trains `epochs` epochs of the lab with tfjs's autodiff and SGD; returns wall-clock time and test accuracy. */
export function runTfjsAutodiff(data: Split, seed: number, epochs: number): Run {
  const config = labConfig(seed);
  const batchSize = config.batchSize;
  const start = performance.now();
  const lab = tfjsLab(data, seed);
  const variables = [...lab.weights, ...lab.biases];
  const optimizer = tf.train.sgd(config.optimizer.learningRate);
  const step = (xb: tf.Tensor2D, yb: tf.Tensor2D, count: number): tf.Tensor1D => {
    let logits: tf.Tensor2D | undefined;
    const cost = optimizer.minimize(
      () => {
        // Kept past minimize's own tidy so the batch's accuracy reuses this forward pass.
        logits = tf.keep(lab.forward(xb));
        return tf.losses.sigmoidCrossEntropy(yb, logits);
      },
      true,
      variables,
    )!;
    const sums = tf.stack([tf.mul(cost, count), correctCount(logits!, yb)]) as tf.Tensor1D;
    tf.dispose(logits!);
    return sums;
  };
  trainEpochs(lab, data, epochs, batchSize, step, () => {
    const logits = lab.forward(lab.xValidation);
    return tf.stack([tf.losses.sigmoidCrossEntropy(lab.yValidation, logits), tf.div(correctCount(logits, lab.yValidation), data.validation.size)]) as tf.Tensor1D;
  });
  const ms = performance.now() - start;
  const accuracy = testAccuracy(lab, data);
  optimizer.dispose();
  lab.dispose();
  return { ms, testAccuracy: accuracy };
}
