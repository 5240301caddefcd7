/** <al-regression-losses>: the build-time figure until it nears the viewport, then the live widget. */
import { defineLazyWidget } from '../common/lazy.ts';

defineLazyWidget('al-regression-losses', async () => (await import('./view.ts')).mountRegressionLosses);
