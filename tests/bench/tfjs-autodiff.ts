/**
 * Row `tfjs-cpu`: the lab in TensorFlow.js used the ordinary way, on its pure-JavaScript CPU
 * backend: the forward pass in tfjs ops, `tf.losses.sigmoidCrossEntropy` (mean BCE from the
 * output logits, i.e. a sigmoid output with BCE), and `tf.train.sgd(0.05).minimize`, which
 * records the tape and lets tfjs's autodiff compute the gradients. This is the baseline the
 * course's speed target is stated against. Same data, initial weights, shuffles and per-epoch
 * metrics (running training loss and accuracy, full validation pass) as the course; see
 * tfjs-shared.ts.
 */
import { correctCount, testAccuracy, tf, tfjsLab } from './tfjs-shared.ts';
import { labConfig, type Run } from './lab-data.ts';
import type { Split } from '../../src/lib/index.ts';

/** Trains `epochs` epochs of the lab with tfjs's autodiff and SGD; returns wall-clock time and test accuracy. */
export function runTfjsAutodiff(data: Split, seed: number, epochs: number): Run {
  const config = labConfig(seed);
  const batchSize = config.batchSize;
  const start = performance.now();
  const lab = tfjsLab(data, seed);
  const { xTrain, yTrain, xValidation, yValidation } = lab;
  const variables = [...lab.weights, ...lab.biases];
  const optimizer = tf.train.sgd(config.optimizer.learningRate);
  for (let epoch = 0; epoch < epochs; epoch++) {
    tf.tidy(() => {
      const indices = lab.nextOrder();
      const x = tf.gather(xTrain, indices) as tf.Tensor2D;
      const y = tf.gather(yTrain, indices) as tf.Tensor2D;
      // Running sums of the training loss and of the rows classified right.
      let sums: tf.Tensor1D = tf.zeros([2]);
      for (let s = 0; s < data.train.size; s += batchSize) {
        const count = Math.min(batchSize, data.train.size - s);
        tf.tidy(() => {
          const xb = tf.slice(x, [s, 0], [count, 2]);
          const yb = tf.slice(y, [s, 0], [count, 1]);
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
          const next = tf.add(sums, tf.stack([tf.mul(cost, count), correctCount(logits!, yb)])) as tf.Tensor1D;
          tf.dispose([sums, logits!]);
          sums = tf.keep(next);
        });
      }
      const validationLogits = lab.forward(xValidation);
      const validation = tf.stack([
        tf.losses.sigmoidCrossEntropy(yValidation, validationLogits),
        tf.div(correctCount(validationLogits, yValidation), data.validation.size),
      ]);
      // One read per epoch, as a training UI would: the metrics must really be computed.
      tf.concat([tf.div(sums, data.train.size), validation]).dataSync();
      tf.dispose(sums);
    });
  }
  const ms = performance.now() - start;
  const accuracy = testAccuracy(lab, data);
  optimizer.dispose();
  lab.dispose();
  return { ms, testAccuracy: accuracy };
}
