/**
 * From state to what binary and multi-class modes show: the curves, the probe, the softmax
 * readout and the memory count (calibration, which trains, is calibration.ts).
 */
import { lossCurves, probe, type CurveSample, type Probe } from './binary.ts';
import { multiClass, targetMemory, type MultiClass, type TargetMemory } from './multiclass.ts';
import { logitsOf, targetIndex, type ClassificationState } from './state.ts';
import type { CalibrationSettings } from './calibration.ts';

/** Binary mode's numbers. */
export interface BinaryModel {
  readonly curves: readonly CurveSample[];
  readonly probe: Probe;
  readonly y: 0 | 1;
}

/** Binary mode's curves and probe for the state. */
export function binaryModel(state: ClassificationState): BinaryModel {
  const y = state.y === '1' ? 1 : 0;
  return { curves: lossCurves(state.axis, y, state.range), probe: probe(state.p), y };
}

/** Multi-class mode's numbers for the state. */
export function multiModel(state: ClassificationState): { model: MultiClass; memory: TargetMemory } {
  return { model: multiClass(logitsOf(state), targetIndex(state)), memory: targetMemory(state.rows, state.vocab) };
}

/** Calibration's settings from the state. */
export function calibrationSettings(state: ClassificationState): CalibrationSettings {
  return { seed: state.seed, points: state.points, separation: state.separation, bins: state.bins, epochs: state.epochs };
}
