/** <al-softmax>: the build-time figures until it nears the viewport, then the live widget. */
import { defineLazyWidget } from '../common/lazy.ts';

defineLazyWidget('al-softmax', async () => (await import('./view.ts')).mountSoftmax);
