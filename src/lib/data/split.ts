/** Seeded train/validation/test splits, and standardisation fitted on the training rows only. */
import { createDataset, selectRows, type Dataset } from './dataset.ts';
import { createRandom } from './random.ts';

/** The three parts of a split data set. */
export interface Split {
  readonly train: Dataset;
  readonly validation: Dataset;
  readonly test: Dataset;
}

/**
 * Shuffles the rows with `seed` and cuts them into train, validation and test. Sizes are
 * round(train·n) and round(validation·n), the test set takes the rest: 2,000 rows at 0.7/0.15
 * give 1,400/300/300, as scikit-learn's two train_test_split calls do.
 */
export function splitDataset(dataset: Dataset, fractions: { train: number; validation: number }, seed: number): Split {
  const { train, validation } = fractions;
  if (!(train > 0 && validation >= 0 && train + validation <= 1)) {
    throw new Error(`splitDataset: need train > 0, validation >= 0 and train + validation <= 1, got ${train} and ${validation}`);
  }
  const order = Uint32Array.from({ length: dataset.size }, (_, i) => i);
  createRandom(seed).shuffle(order);
  const trainSize = Math.round(train * dataset.size);
  const validationSize = Math.min(Math.round(validation * dataset.size), dataset.size - trainSize);
  return {
    train: selectRows(dataset, order.subarray(0, trainSize)),
    validation: selectRows(dataset, order.subarray(trainSize, trainSize + validationSize)),
    test: selectRows(dataset, order.subarray(trainSize + validationSize)),
  };
}

/** Per-feature mean and scale learned from training inputs, applied to any inputs. */
export interface Standardizer {
  readonly mean: Float64Array;
  readonly scale: Float64Array;
  /** (x - mean) / scale for each row of `inputs`, written into `out` (a new array if omitted). */
  transformInputs(inputs: Float64Array, out?: Float64Array): Float64Array;
  /** The dataset with standardised inputs and the same targets. */
  transform(dataset: Dataset): Dataset;
}

/**
 * scikit-learn's StandardScaler fitted on `train`: mean and population standard deviation
 * (ddof 0) of each input; a constant feature gets scale 1 so that it maps to 0, not NaN.
 */
export function fitStandardizer(train: Dataset): Standardizer {
  const { size, inputSize, inputs } = train;
  const mean = new Float64Array(inputSize);
  const scale = new Float64Array(inputSize);
  for (let j = 0; j < inputSize; j++) {
    let sum = 0;
    for (let i = 0; i < size; i++) sum += inputs[i * inputSize + j];
    mean[j] = sum / size;
    let squares = 0;
    for (let i = 0; i < size; i++) squares += (inputs[i * inputSize + j] - mean[j]) ** 2;
    const deviation = Math.sqrt(squares / size);
    scale[j] = deviation > 0 ? deviation : 1;
  }
  const transformInputs = (source: Float64Array, out = new Float64Array(source.length)): Float64Array => {
    for (let i = 0; i < source.length; i++) {
      const j = i % inputSize;
      out[i] = (source[i] - mean[j]) / scale[j];
    }
    return out;
  };
  return {
    mean,
    scale,
    transformInputs,
    transform: (dataset) =>
      createDataset(transformInputs(dataset.inputs), dataset.targets, dataset.inputSize, dataset.targetSize, dataset.classCount),
  };
}

/** The split with every part standardised by a scaler fitted on the training part only. */
export function standardizeSplit(split: Split): Split & { readonly standardizer: Standardizer } {
  const standardizer = fitStandardizer(split.train);
  return {
    train: standardizer.transform(split.train),
    validation: standardizer.transform(split.validation),
    test: standardizer.transform(split.test),
    standardizer,
  };
}
