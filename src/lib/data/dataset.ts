/** The one shape every data set takes: flat row-major typed arrays, ready for the engine. */

/** A data set: `size` rows of `inputSize` inputs and `targetSize` targets, row-major. */
export interface Dataset {
  readonly inputs: Float64Array;
  readonly targets: Float64Array;
  readonly size: number;
  readonly inputSize: number;
  readonly targetSize: number;
  /** Number of classes when targets are class labels 0..classCount-1; 0 for regression. */
  readonly classCount: number;
}

/** Builds a Dataset, checking that the arrays have the sizes the numbers promise. */
export function createDataset(
  inputs: Float64Array,
  targets: Float64Array,
  inputSize: number,
  targetSize: number,
  classCount: number,
): Dataset {
  const size = inputs.length / inputSize;
  if (!Number.isInteger(size) || targets.length !== size * targetSize) {
    throw new Error(
      `dataset: ${inputs.length} inputs and ${targets.length} targets do not make rows of ${inputSize} inputs and ${targetSize} targets`,
    );
  }
  return { inputs, targets, size, inputSize, targetSize, classCount };
}

/** The rows of `dataset` at `indices`, in that order, copied into new arrays. */
export function selectRows(dataset: Dataset, indices: ArrayLike<number>): Dataset {
  const { inputSize, targetSize } = dataset;
  const inputs = new Float64Array(indices.length * inputSize);
  const targets = new Float64Array(indices.length * targetSize);
  for (let k = 0; k < indices.length; k++) {
    const row = indices[k];
    inputs.set(dataset.inputs.subarray(row * inputSize, (row + 1) * inputSize), k * inputSize);
    targets.set(dataset.targets.subarray(row * targetSize, (row + 1) * targetSize), k * targetSize);
  }
  return createDataset(inputs, targets, inputSize, targetSize, dataset.classCount);
}

/** Class labels (one column) turned into one-hot rows, for softmax outputs with cce or mse. */
export function oneHot(dataset: Dataset): Dataset {
  const { size, classCount } = dataset;
  if (dataset.targetSize !== 1 || classCount < 2) {
    throw new Error('oneHot: the dataset must have one column of class labels and at least 2 classes');
  }
  const targets = new Float64Array(size * classCount);
  for (let row = 0; row < size; row++) targets[row * classCount + dataset.targets[row]] = 1;
  return createDataset(dataset.inputs, targets, dataset.inputSize, classCount, classCount);
}
