/** <al-gradient-depth>: the build-time figure until it nears the viewport, then the live widget. */
import { defineLazyWidget } from '../common/lazy.ts';

defineLazyWidget('al-gradient-depth', async () => (await import('./view.ts')).mountDepth, [
  ['Space', 'trains or pauses (focus in the widget, not in a field)'],
  ['R', 'resets both networks'],
]);
