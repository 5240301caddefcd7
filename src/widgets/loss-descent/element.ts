/** <al-loss-descent>: the build-time figure until it nears the viewport, then the live widget. */
import { defineLazyWidget } from '../common/lazy.ts';

defineLazyWidget('al-loss-descent', async () => (await import('./view.ts')).mountLossDescent);
