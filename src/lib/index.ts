/**
 * The public API of the numerics core. Lessons, widgets, workers, tests and benchmarks import
 * from here and never from the files behind it.
 */
export {
  ACTIVATION_IDS,
  activation,
  isActivationId,
  type Activation,
  type ActivationId,
  type ActivationParams,
} from './math/activations.ts';
export { logSoftmax, softmax } from './math/softmax.ts';
export { LOSS_IDS, type LossId } from './math/loss-kernels.ts';
export { isLossId, loss, type ElementwiseShape, type Loss, type LossShapes } from './math/losses.ts';
export { MAX_SEED, checkSeed, createRandom, type RandomSource } from './data/random.ts';
export { createDataset, oneHot, selectRows, type Dataset } from './data/dataset.ts';
export {
  makeBlobs,
  makeCircles,
  makeMoons,
  makeMultiLabel,
  makeRegressionWithOutliers,
  makeSpiral,
  makeXor,
  type GeneratorOptions,
  type RegressionSet,
  type RegressionShape,
} from './data/datasets.ts';
export { fitStandardizer, splitDataset, standardizeSplit, type Split, type Standardizer } from './data/split.ts';
export {
  INIT_IDS,
  cloneNetwork,
  createNetwork,
  initVariance,
  type ActivationSpec,
  type FloatArray,
  type InitId,
  type LayerActivationId,
  type LayerShape,
  type Network,
  type NetworkConfig,
} from './nn/network.ts';
export { pairingProblem } from './nn/pairing.ts';
export { createOptimizer, type Optimizer, type OptimizerConfig } from './nn/optimisers.ts';
export { type BackwardVariant } from './nn/propagation.ts';
export { type Evaluation } from './nn/evaluate.ts';
export {
  TrainingDivergedError,
  createTrainer,
  train,
  type EpochMetrics,
  type Trainer,
  type TrainingConfig,
  type TrainingData,
  type TrainingHistory,
  type TrainOptions,
} from './nn/train.ts';
export { createTrainingRecord, type TrainingRecord } from './nn/record.ts';
export { createPreviewTrainer } from './nn/preview.ts';
export {
  gradientCheck,
  startGradientCheck,
  type GradientCheckOptions,
  type GradientCheckRun,
  type GradientCheckRunOptions,
  type LayerGradientCheck,
} from './nn/gradient-check.ts';
export {
  SATURATION_MARGIN,
  measureLayers,
  weightDistances,
  type ActivationHistogram,
  type ActivationStatistics,
  type DiagnosticsOptions,
  type LayerDiagnostics,
  type NetworkDiagnostics,
  type WeightDistance,
} from './nn/diagnostics.ts';
export { measureUnits, type LayerUnits, type UnitMeasurement, type UnitOptions } from './nn/units.ts';
