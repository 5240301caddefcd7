/**
 * A training record: a run's per-epoch metrics in typed arrays allocated once, which
 * Trainer.epochInto fills, so a run of hundreds of epochs allocates nothing as it trains.
 */

/** Per-epoch metrics for up to `capacity` epochs of a network with `layers` weight layers. */
export interface TrainingRecord {
  readonly capacity: number;
  readonly layers: number;
  /** Epochs written so far; epoch e (1-based) is at index e - 1. */
  length: number;
  readonly trainLoss: Float64Array;
  readonly trainAccuracy: Float64Array;
  readonly validationLoss: Float64Array;
  readonly validationAccuracy: Float64Array;
  /** Mean gradient norm of layer l in epoch index e, at e·layers + l. */
  readonly gradientNorms: Float64Array;
}

/** An empty record for `capacity` epochs of a network with `layers` weight layers. */
export function createTrainingRecord(capacity: number, layers: number): TrainingRecord {
  if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`training record: capacity must be an integer >= 1, got ${capacity}`);
  if (!Number.isInteger(layers) || layers < 1) throw new Error(`training record: layers must be an integer >= 1, got ${layers}`);
  const column = () => new Float64Array(capacity);
  return {
    capacity,
    layers,
    length: 0,
    trainLoss: column(),
    trainAccuracy: column(),
    validationLoss: column(),
    validationAccuracy: column(),
    gradientNorms: new Float64Array(capacity * layers),
  };
}
