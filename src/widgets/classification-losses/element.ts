/** <al-classification-losses>: the build-time figure until it nears the viewport, then the live widget. */
import { defineLazyWidget } from '../common/lazy.ts';

defineLazyWidget('al-classification-losses', async () => (await import('./view.ts')).mountClassificationLosses);
