/** The lab's text panels: test results with a confusion matrix, and the gradient-check table. */
import type { LabReport } from './protocol.ts';

type Evaluation = Extract<LabReport, { type: 'evaluation' }>;
type Gradients = Extract<LabReport, { type: 'gradients' }>;

/** Relative errors below this mean the backward pass agrees with central differences. */
export const GRADIENT_TOLERANCE = 1e-5;

/** A percentage with one decimal. */
export function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/** Test accuracy and loss, and the confusion matrix as a table with headers. */
export function evaluationPanel(result: Evaluation): HTMLElement {
  const panel = document.createElement('div');
  const [[tn, fp], [fn, tp]] = result.confusion;
  panel.innerHTML = `
    <p class="al-result"><strong>Test accuracy ${percent(result.accuracy)}</strong>, test loss ${result.loss.toFixed(4)}, on ${result.size} points the network never trained on.</p>
    <table class="al-table">
      <caption>Confusion matrix on the test set</caption>
      <thead><tr><td></td><th scope="col">Predicted class 0</th><th scope="col">Predicted class 1</th></tr></thead>
      <tbody>
        <tr><th scope="row">Actual class 0</th><td>${tn}</td><td>${fp}</td></tr>
        <tr><th scope="row">Actual class 1</th><td>${fn}</td><td>${tp}</td></tr>
      </tbody>
    </table>`;
  return panel;
}

/** One line per weight layer: the relative error of each backward pass, and a verdict. */
export function gradientPanel(result: Gradients, layers: readonly number[]): HTMLElement {
  const verdict = (error: number) =>
    `${error.toExponential(1)} <span class="${error < GRADIENT_TOLERANCE ? 'al-ok' : 'al-bad'}">${error < GRADIENT_TOLERANCE ? 'agrees' : 'wrong'}</span>`;
  const rows = result.correct
    .map((error, l) => `<tr><th scope="row">Layer ${l + 1} (${layers[l]} → ${layers[l + 1]})</th><td>${verdict(error)}</td><td>${verdict(result.article[l])}</td></tr>`)
    .join('');
  const panel = document.createElement('div');
  panel.innerHTML = `
    <table class="al-table">
      <caption>Relative error against central differences, per layer</caption>
      <thead><tr><th scope="col">Layer</th><th scope="col">Corrected</th><th scope="col">As printed in the article</th></tr></thead>
      <tbody>${rows}</tbody>
    </table>`;
  return panel;
}
