/**
 * The same lab in TensorFlow.js on its pure-JavaScript CPU backend: same data, same initial
 * weights (copied from the course's network for the same seed), same per-epoch shuffles and
 * the same per-epoch metrics (running training loss and accuracy, full validation pass).
 * The backward pass is written in tfjs ops, as the seed's NumPy script writes it in NumPy:
 * tfjs-core's Node bundle registers no gradient functions, so its autodiff and optimizers
 * cannot run without the whole @tensorflow/tfjs package. tfjs computes in float32.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { createNetwork, createRandom, type Split } from '../../src/lib/index.ts';
import { labConfig, type Run } from './lab-data.ts';

/** Switches tfjs to the CPU backend (not tfjs-node, which needs a native download). */
export async function useCpuBackend(): Promise<void> {
  // Production mode: no debug checks, and no "install tfjs-node" banner in the output.
  tf.enableProdMode();
  await tf.setBackend('cpu');
  await tf.ready();
}

/** Trains `epochs` epochs of the lab in tfjs and returns the wall-clock time and test accuracy. */
export function runTfjs(data: Split, seed: number, epochs: number): Run {
  const config = labConfig(seed);
  const network = createNetwork(config.network);
  const batchSize = config.batchSize;
  // tfjs takes float32 (and int32) arrays, not float64: convert before the clock starts.
  const f32 = (values: Float64Array) => Float32Array.from(values);
  const start = performance.now();
  const weights = network.shapes.map((shape, l) => {
    const { inputs, outputs, biasOffset } = shape;
    // Ours is outputs × inputs (torch.nn.Linear); tfjs multiplies X·W, so W is inputs × outputs.
    return tf.variable(tf.transpose(tf.tensor2d(f32(network.parameters[l].subarray(0, biasOffset)), [outputs, inputs])));
  });
  const biases = network.shapes.map((shape) => tf.variable(tf.zeros([1, shape.outputs])));
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
      tf.sum(tf.cast(tf.equal(tf.cast(tf.greaterEqual(logits, 0), 'float32'), y), 'float32')),
    ]) as tf.Tensor1D;
  const xTrain = tf.tensor2d(f32(data.train.inputs), [data.train.size, 2]);
  const yTrain = tf.tensor2d(f32(data.train.targets), [data.train.size, 1]);
  const xValidation = tf.tensor2d(f32(data.validation.inputs), [data.validation.size, 2]);
  const yValidation = tf.tensor2d(f32(data.validation.targets), [data.validation.size, 1]);
  const learningRate = config.optimizer.learningRate;
  const random = createRandom(seed, 1);
  const order = Int32Array.from({ length: data.train.size }, (_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    random.shuffle(order);
    tf.tidy(() => {
      const indices = tf.tensor1d(order, 'int32');
      const x = tf.gather(xTrain, indices) as tf.Tensor2D;
      const y = tf.gather(yTrain, indices) as tf.Tensor2D;
      let sums: tf.Tensor1D = tf.zeros([2]);
      for (let s = 0; s < data.train.size; s += batchSize) {
        const count = Math.min(batchSize, data.train.size - s);
        tf.tidy(() => {
          const yb = tf.slice(y, [s, 0], [count, 1]);
          const { z, a } = forward(tf.slice(x, [s, 0], [count, 2]));
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
          const next = tf.add(sums, batchSums) as tf.Tensor1D;
          tf.dispose(sums);
          sums = tf.keep(next);
        });
      }
      const validation = lossAndCorrect(forward(xValidation).z[last], yValidation);
      // One read per epoch, as a training UI would: the metrics must really be computed.
      tf.concat([tf.div(sums, data.train.size), tf.div(validation, data.validation.size)]).dataSync();
    });
  }
  const ms = performance.now() - start;
  const testAccuracy = tf.tidy(() => {
    const logits = forward(tf.tensor2d(f32(data.test.inputs), [data.test.size, 2])).z[last];
    return lossAndCorrect(logits, tf.tensor2d(f32(data.test.targets), [data.test.size, 1])).dataSync()[1] / data.test.size;
  });
  tf.dispose([...weights, ...biases, xTrain, yTrain, xValidation, yValidation]);
  return { ms, testAccuracy };
}
