/**
 * <al-moons-lab>: shows the run trained at build time until it is near the viewport, then loads
 * its view (Plot, and a training worker) and becomes the live lab.
 */
import { whenNearViewport } from '../common/lazy.ts';

class MoonsLabElement extends HTMLElement {
  connectedCallback(): void {
    whenNearViewport(this, async () => {
      const { mountLab } = await import('./view.ts');
      mountLab(this);
    });
  }
}

if (!customElements.get('al-moons-lab')) customElements.define('al-moons-lab', MoonsLabElement);
