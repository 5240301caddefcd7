/**
 * What the explorer draws, as Observable Plot options built from state alone. The live element
 * and the build-time figure both call these, so a reader without JavaScript sees the same chart.
 */
import * as Plot from '@observablehq/plot';
import { SERIES, themed } from '../common/plot-theme.ts';
import { thresholds, type CurvePoint } from './model.ts';
import { X_RANGE, type ExplorerState } from './state.ts';

const SUBSCRIPTS: Record<string, string> = { w1: 'w₁', w2: 'w₂', w3: 'w₃' };

/** Thresholds drawn as dashed rules where an activation switches; a linear network has none. */
function thresholdMarks(state: ExplorerState) {
  return state.f === 'none' ? [] : [Plot.ruleX(thresholds(state), { stroke: 'var(--color-muted)', strokeDasharray: '4 4', strokeOpacity: 0.7 })];
}

/** The network's output ŷ against the input x. */
export function outputFigure(state: ExplorerState, points: readonly CurvePoint[], width: number, description: string): Plot.PlotOptions {
  return themed({
    width,
    height: Math.round(Math.min(300, Math.max(220, width * 0.42))),
    ariaLabel: 'Network output ŷ against input x',
    ariaDescription: description,
    x: { domain: X_RANGE, label: 'input x' },
    y: { label: 'output ŷ', nice: true },
    marks: [
      Plot.ruleY([0], { stroke: 'var(--color-border)' }),
      ...thresholdMarks(state),
      Plot.line(points, { x: 'x', y: 'y', stroke: SERIES[0], strokeWidth: 2.5 }),
    ],
  });
}

/** The derivative of the output with respect to the chosen first-layer weight, against x. */
export function derivativeFigure(state: ExplorerState, points: readonly CurvePoint[], width: number, description: string): Plot.PlotOptions {
  const name = SUBSCRIPTS[state.wrt];
  return themed({
    width,
    height: Math.round(Math.min(200, Math.max(160, width * 0.28))),
    ariaLabel: `Derivative of the output with respect to ${name}, against input x`,
    ariaDescription: description,
    x: { domain: X_RANGE, label: 'input x' },
    y: { label: `∂ŷ/∂${name}`, nice: true, domain: derivativeDomain(points) },
    marks: [
      Plot.ruleY([0], { stroke: 'var(--color-border)' }),
      ...thresholdMarks(state),
      Plot.line(points, { x: 'x', y: 'dy', stroke: SERIES[1], strokeWidth: 2.5 }),
    ],
  });
}

/** A flat-zero derivative gets a symmetric domain, so the line sits visibly at zero mid-chart. */
function derivativeDomain(points: readonly CurvePoint[]): [number, number] | undefined {
  return points.every((point) => point.dy === 0) ? [-1, 1] : undefined;
}
