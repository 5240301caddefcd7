/**
 * What both TensorFlow.js baselines share, so that they differ only in how they get gradients:
 * the pure-JavaScript CPU backend (not tfjs-node, which needs a native download), the lab's data
 * as float32 tensors, the course network's initial weights for the same seed, the same per-epoch
 * shuffles as the course's trainer (its random source, stream 1), and the forward pass.
 *
 * Importing the full @tensorflow/tfjs package (its Node entry, dist/tf.node.js) also registers
 * every gradient function, which tfjs-core's own Node bundle does not; tfjs computes in float32.
 */
import * as tf from '@tensorflow/tfjs';
import { createNetwork, createRandom, type Split } from '../../src/lib/index.ts';
import { labConfig } from './lab-data.ts';

export { tf };

/** Switches tfjs to the CPU backend; the webgl backend the package also registers is not used. */
export async function useCpuBackend(): Promise<void> {
  // Production mode: no debug checks, and no "install tfjs-node" banner in the output.
  tf.enableProdMode();
  await tf.setBackend('cpu');
  await tf.ready();
  if (tf.getBackend() !== 'cpu') throw new Error(`bench: tfjs runs on ${tf.getBackend()}, not cpu`);
}

/** The lab set up in tfjs: weights as variables, data as tensors, the forward pass and shuffles. */
export interface TfjsLab {
  readonly weights: readonly tf.Variable[];
  readonly biases: readonly tf.Variable[];
  readonly xTrain: tf.Tensor2D;
  readonly yTrain: tf.Tensor2D;
  readonly xValidation: tf.Tensor2D;
  readonly yValidation: tf.Tensor2D;
  /** The output layer's logits; every hidden layer is ReLU. */
  forward(x: tf.Tensor2D): tf.Tensor2D;
  /** The next epoch's order of the training rows, as the course's trainer shuffles them. */
  nextOrder(): tf.Tensor1D;
  /** Frees every tensor above. */
  dispose(): void;
}

/** tfjs takes float32 (and int32) arrays, not float64. */
export const f32 = (values: Float64Array): Float32Array => Float32Array.from(values);

/** Copies the course network's initial weights for `seed` into tfjs variables and loads the data. */
export function tfjsLab(data: Split, seed: number): TfjsLab {
  const network = createNetwork(labConfig(seed).network);
  const weights = network.shapes.map((shape, l) => {
    const { inputs, outputs, biasOffset } = shape;
    // Ours is outputs × inputs (torch.nn.Linear); tfjs multiplies X·W, so W is inputs × outputs.
    return tf.tidy(() => tf.variable(tf.transpose(tf.tensor2d(f32(network.parameters[l].subarray(0, biasOffset)), [outputs, inputs]))));
  });
  const biases = network.shapes.map((shape, l) =>
    tf.tidy(() => tf.variable(tf.tensor2d(f32(network.parameters[l].subarray(shape.biasOffset, shape.alphaOffset)), [1, shape.outputs]))),
  );
  const xTrain = tf.tensor2d(f32(data.train.inputs), [data.train.size, 2]);
  const yTrain = tf.tensor2d(f32(data.train.targets), [data.train.size, 1]);
  const xValidation = tf.tensor2d(f32(data.validation.inputs), [data.validation.size, 2]);
  const yValidation = tf.tensor2d(f32(data.validation.targets), [data.validation.size, 1]);
  const last = weights.length - 1;
  const random = createRandom(seed, 1);
  const order = Int32Array.from({ length: data.train.size }, (_, i) => i);
  return {
    weights,
    biases,
    xTrain,
    yTrain,
    xValidation,
    yValidation,
    forward(x) {
      let a = x;
      for (let l = 0; l <= last; l++) {
        const z = tf.add(tf.matMul(a, weights[l]), biases[l]) as tf.Tensor2D;
        a = l < last ? tf.relu(z) : z;
      }
      return a;
    },
    nextOrder() {
      random.shuffle(order);
      return tf.tensor1d(order, 'int32');
    },
    dispose() {
      tf.dispose([...weights, ...biases, xTrain, yTrain, xValidation, yValidation]);
    },
  };
}

/** How many logits fall on the right side of 0 for targets y ∈ {0, 1}, as a float32 scalar. */
export function correctCount(logits: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar {
  return tf.sum(tf.cast(tf.equal(tf.cast(tf.greaterEqual(logits, 0), 'float32'), y), 'float32'));
}

/** Test accuracy of the lab's current weights. */
export function testAccuracy(lab: TfjsLab, data: Split): number {
  return tf.tidy(() => {
    const logits = lab.forward(tf.tensor2d(f32(data.test.inputs), [data.test.size, 2]));
    return correctCount(logits, tf.tensor2d(f32(data.test.targets), [data.test.size, 1])).dataSync()[0] / data.test.size;
  });
}

/** One mini-batch: updates the weights and returns [summed loss over its rows, rows classified right]. */
export type BatchStep = (xb: tf.Tensor2D, yb: tf.Tensor2D, count: number) => tf.Tensor1D;

/**
 * The epoch loop both baselines share: the course's shuffle, mini-batches of `batchSize` through
 * `step`, running training loss and accuracy, then `validation()` ([mean loss, accuracy]), all
 * read back once per epoch as a training UI would, so the metrics are really computed.
 */
export function trainEpochs(lab: TfjsLab, data: Split, epochs: number, batchSize: number, step: BatchStep, validation: () => tf.Tensor1D): void {
  for (let epoch = 0; epoch < epochs; epoch++) {
    tf.tidy(() => {
      const indices = lab.nextOrder();
      const x = tf.gather(lab.xTrain, indices) as tf.Tensor2D;
      const y = tf.gather(lab.yTrain, indices) as tf.Tensor2D;
      let sums: tf.Tensor1D = tf.zeros([2]);
      for (let s = 0; s < data.train.size; s += batchSize) {
        const count = Math.min(batchSize, data.train.size - s);
        tf.tidy(() => {
          const next = tf.add(sums, step(tf.slice(x, [s, 0], [count, 2]), tf.slice(y, [s, 0], [count, 1]), count)) as tf.Tensor1D;
          tf.dispose(sums);
          sums = tf.keep(next);
        });
      }
      tf.concat([tf.div(sums, data.train.size), validation()]).dataSync();
      tf.dispose(sums);
    });
  }
}
