/** <al-dying-relu>: the run trained at build time until it nears the viewport, then the live widget and its worker. */
import { defineLazyWidget } from '../common/lazy.ts';

defineLazyWidget('al-dying-relu', async () => (await import('./view.ts')).mountDyingRelu, [
  ['Arrow keys', 'move between units in a grid (Home / End: a layer’s ends)'],
  ['Enter or Space', 'shows a unit’s pre-activations'],
]);
