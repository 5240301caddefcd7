/** <al-moons-lab>: the run trained at build time until it nears the viewport, then the live lab and its worker. */
import { defineLazyWidget } from '../common/lazy.ts';

defineLazyWidget('al-moons-lab', async () => (await import('./view.ts')).mountLab);
