/** <al-pairing-lab>: the runs trained at build time until it nears the viewport, then the live widget and its worker. */
import { defineLazyWidget } from '../common/lazy.ts';

defineLazyWidget('al-pairing-lab', async () => (await import('./view.ts')).mountPairingLab);
