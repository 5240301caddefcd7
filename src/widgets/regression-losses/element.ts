/** <al-regression-losses>: the build-time figure until it nears the viewport, then the live widget. */
import { defineLazyWidget } from '../common/lazy.ts';

defineLazyWidget('al-regression-losses', async () => (await import('./view.ts')).mountRegressionLosses, [
  ['Arrow keys', 'move the selected point on the chart by 0.1 (with Shift, by 1)'],
  ['Page Up / Page Down', 'select the previous or next point'],
  ['Delete', 'removes the selected point'],
]);
