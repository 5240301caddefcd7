/** <al-activation-explorer>: the build-time figure until it nears the viewport, then the live explorer. */
import { defineLazyWidget } from '../common/lazy.ts';

defineLazyWidget('al-activation-explorer', async () => (await import('./view.ts')).mountActivationExplorer);
