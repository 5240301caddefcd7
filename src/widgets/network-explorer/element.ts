/**
 * <al-network-explorer>: until it is near the viewport it only shows the figure rendered at
 * build time; then it loads its view (and Observable Plot) and turns that figure into the live widget.
 */
import { whenNearViewport } from '../common/lazy.ts';

class NetworkExplorerElement extends HTMLElement {
  connectedCallback(): void {
    whenNearViewport(this, async () => {
      const { mountExplorer } = await import('./view.ts');
      mountExplorer(this);
    });
  }
}

if (!customElements.get('al-network-explorer')) customElements.define('al-network-explorer', NetworkExplorerElement);
