/**
 * What the classification-losses widget says: chart descriptions, the probe's sentence, the
 * two routes' sentence, the memory sentence, calibration's summary and the live region's
 * announcements. Pure, so the live view and the build-time figure say the same; every number
 * goes through common/format.ts.
 */
import { formatCount, formatFixed, formatPercent } from '../common/format.ts';
import { BINARY_LOSSES, BINARY_LOSS_LABELS, type Probe } from './binary.ts';
import type { Calibration } from './calibration.ts';
import type { BinaryChart } from './figures.ts';
import { formatBytes, type MultiClass, type TargetMemory } from './multiclass.ts';

/** A loss, gradient or logit as the widget writes it: three decimals. */
export function formatValue(value: number): string {
  return formatFixed(value, 3);
}

/** A ratio, with one decimal below 100 and none above. */
function formatRatio(value: number): string {
  return value < 100 ? formatFixed(value, 1) : formatCount(value);
}

/** The binary charts' descriptions. */
export function describeCurves(chart: BinaryChart, kind: 'value' | 'gradient', at: number | null): string {
  const names = BINARY_LOSSES.map((id) => BINARY_LOSS_LABELS[id]).join(', ');
  const x = chart.axis === 'logit' ? `the logit z from −${chart.range} to ${chart.range}, for a true class ${chart.y}` : `the margin y·z from −${chart.range} to ${chart.range} (labels ±1: the loss of a true class 1 at z = margin)`;
  const what = kind === 'value' ? `${names} against ${x}${chart.scale === 'log' ? ', on a log axis from 0.0001 (where hinge and 0-1 are 0 the curve stops)' : ''}.` : `The derivative of each loss with respect to ${chart.axis === 'logit' ? 'the logit' : 'the margin'}, against ${x}. 0-1 loss's is 0 on both sides of its jump at 0.`;
  const probeText = at === null ? ' The probe (true class 1) is not on this chart.' : ` The probe at ${formatValue(at)}: ${BINARY_LOSSES.map((id) => `${BINARY_LOSS_LABELS[id]} ${formatValue(kind === 'value' ? chart.probe.losses[id].value : chart.probe.losses[id].gradient)}`).join(', ')}.`;
  return `${what}${probeText}`;
}

/** The probe's sentence: CE's gradient against squared error's. */
export function probeSentence(probe: Probe): string {
  const { bce, squared } = probe.losses;
  const right = probe.p > 0.5;
  return `The true class is 1 and the model says p = ${formatFixed(probe.p, 3)} (logit ${formatValue(probe.logit)}, ${right ? 'right' : 'wrong'}${right ? '' : `, ${probe.p < 0.1 ? 'confidently' : 'not confidently'}`}). Cross-entropy's gradient with respect to the logit is p − 1 = ${formatValue(bce.gradient)}; squared error through a sigmoid has the extra factor p(1 − p) = ${formatFixed(probe.p * (1 - probe.p), 4)}, so its gradient is ${formatFixed(squared.gradient, 4)}, ${formatRatio(probe.ratio)} times smaller.`;
}

/** The two routes to cross-entropy, in words. */
export function routesSentence(model: MultiClass): string {
  const same = model.categorical === model.sparse;
  return `From the one-hot target: −Σ y_k log p_k = ${formatValue(model.categorical)}. From the index ${model.target + 1}: log Σ e^z − z_${model.target + 1} = ${formatValue(model.sparse)}. ${same ? 'The same number, bit for bit.' : `They differ by ${Math.abs(model.categorical - model.sparse).toExponential(1)} (rounding).`}`;
}

/** The memory sentence. */
export function memorySentence(memory: TargetMemory): string {
  return `${formatCount(memory.rows)} targets over ${formatCount(memory.classes)} classes: ${formatBytes(memory.oneHotBytes)} as float32 one-hot rows (${formatCount(memory.classes)} numbers each), ${formatBytes(memory.indexBytes)} as int64 class indices (one each): ${formatRatio(memory.ratio)} times less.`;
}

/** The probabilities chart's description. */
export function describeProbabilities(model: MultiClass): string {
  return `Softmax of ${model.logits.length} logits (${model.logits.map((z) => formatFixed(z, 2)).join(', ')}): probabilities ${model.probabilities.map((p) => formatValue(p)).join(', ')}. The target is class ${model.target + 1}, the filled bar.`;
}

/** The gradient chart's description. */
export function describeGradientBars(model: MultiClass): string {
  return `The gradient p − y for target class ${model.target + 1}: ${model.gradient.map((g, k) => `class ${k + 1} ${formatValue(g)}`).join(', ')}. It sums to 0; the target's is negative, every other class's positive.`;
}

/** The reliability diagram's description. */
export function describeReliability(result: Calibration): string {
  const model = (id: 'bce' | 'hinge') => {
    const bins = result.models[id].bins.filter((bin) => bin.count > 0);
    return `${id === 'bce' ? 'Cross-entropy' : 'Hinge, σ(score)'} (ECE ${formatValue(result.models[id].ece)}): ${bins.map((bin) => `${formatFixed(bin.meanPredicted, 2)} → ${formatFixed(bin.observed, 2)}`).join(', ')}`;
  };
  return `Each bin's mean predicted probability of class 1 against the share of class 1 in it, on held-out points; the dotted diagonal is perfect calibration. ${model('bce')}. ${model('hinge')}.`;
}

/** Calibration's summary under the chart. */
export function calibrationSentence(result: Calibration): string {
  const { bce, hinge } = result.models;
  const direction = Math.abs(hinge.weights[0]) < Math.abs(bce.weights[0]) ? 'smaller' : 'larger';
  return `Held out: cross-entropy's model is right on ${formatPercent(bce.accuracy)}, hinge's on ${formatPercent(hinge.accuracy)}; their expected calibration errors are ${formatValue(bce.ece)} and ${formatValue(hinge.ece)} (the true probabilities score ${formatValue(result.truthEce)} on the same bins: sampling noise). Hinge's weights are ${direction} (${formatFixed(hinge.weights[0], 2)} on x₁ against ${formatFixed(bce.weights[0], 2)}): hinge stops pulling on a point once its margin is past 1, so nothing ties its score to a log-odds.`;
}

/** What the live region says for binary mode. */
export function binaryAnnouncement(probe: Probe): string {
  return `p = ${formatFixed(probe.p, 3)}: ${BINARY_LOSSES.map((id) => `${BINARY_LOSS_LABELS[id]} ${formatValue(probe.losses[id].value)}, gradient ${formatValue(probe.losses[id].gradient)}`).join('; ')}.`;
}

/** What the live region says for multi-class mode. */
export function multiAnnouncement(model: MultiClass): string {
  return `Target class ${model.target + 1}, probability ${formatValue(model.probabilities[model.target])}: cross-entropy ${formatValue(model.sparse)} by both routes.`;
}
