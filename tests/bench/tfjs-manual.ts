/**
 * Row `tfjs-cpu-manual`: the lab in TensorFlow.js on its pure-JavaScript CPU backend with the
 * backward pass written by hand in tfjs ops, as the seed's NumPy script writes it in NumPy, and
 * SGD as `w -= lr·g` on each variable. No autodiff tape and no optimizer object: this is what
 * tfjs costs when its bookkeeping is avoided, a faster baseline than the ordinary `tfjs-cpu` row.
 * Same data, initial weights, shuffles and per-epoch metrics (running training loss and
 * accuracy, full validation pass) as the course; see tfjs-shared.ts.
 */
import { correctCount, testAccuracy, tf, tfjsLab, trainEpochs } from './tfjs-shared.ts';
import { labConfig, type Run } from './lab-data.ts';
import type { Split } from '../../src/lib/index.ts';

/** Trains `epochs` epochs of the lab with hand-written gradients; returns wall-clock time and test accuracy. */
export function runTfjsManual(data: Split, seed: number, epochs: number): Run {
  const config = labConfig(seed);
  const batchSize = config.batchSize;
  const learningRate = config.optimizer.learningRate;
  const start = performance.now();
  const lab = tfjsLab(data, seed);
  const { weights, biases } = lab;
  const last = weights.length - 1;
  /** Pre-activations and activations of every layer; the output's activation is the logit itself. */
  const forward = (x: tf.Tensor2D): { z: tf.Tensor2D[]; a: tf.Tensor2D[] } => {
    const z: tf.Tensor2D[] = [];
    const a: tf.Tensor2D[] = [x];
    for (let l = 0; l <= last; l++) {
      z.push(tf.add(tf.matMul(a[l], weights[l]), biases[l]));
      a.push(l < last ? tf.relu(z[l]) : z[l]);
    }
    return { z, a };
  };
  /** Summed BCE from logits, max(z, 0) - z·y + log1p(e^-|z|), and the number classified right. */
  const lossAndCorrect = (logits: tf.Tensor2D, y: tf.Tensor2D): tf.Tensor1D =>
    tf.stack([
      tf.sum(tf.add(tf.sub(tf.relu(logits), tf.mul(logits, y)), tf.log1p(tf.exp(tf.neg(tf.abs(logits)))))),
      correctCount(logits, y),
    ]) as tf.Tensor1D;
  const step = (xb: tf.Tensor2D, yb: tf.Tensor2D, count: number): tf.Tensor1D => {
    const { z, a } = forward(xb);
    const batchSums = lossAndCorrect(z[last], yb);
    // Sigmoid with BCE: dZ = (p - y)/n at the output; then back through ReLU layers.
    let delta = tf.div(tf.sub(tf.sigmoid(z[last]), yb), count) as tf.Tensor2D;
    const updates: [tf.Variable, tf.Tensor][] = [];
    for (let l = last; l >= 0; l--) {
      updates.push([weights[l], tf.matMul(a[l], delta, true, false)], [biases[l], tf.sum(delta, 0, true)]);
      if (l > 0) delta = tf.mul(tf.matMul(delta, weights[l], false, true), tf.step(z[l - 1])) as tf.Tensor2D;
    }
    // Every gradient is taken before any weight changes, then SGD updates them all.
    for (const [variable, gradient] of updates) variable.assign(tf.sub(variable, tf.mul(gradient, learningRate)));
    return batchSums;
  };
  trainEpochs(lab, data, epochs, batchSize, step, () =>
    tf.div(lossAndCorrect(forward(lab.xValidation).z[last], lab.yValidation), data.validation.size) as tf.Tensor1D,
  );
  const ms = performance.now() - start;
  const accuracy = testAccuracy(lab, data);
  lab.dispose();
  return { ms, testAccuracy: accuracy };
}
