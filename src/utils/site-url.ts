/**
 * The site's own absolute address, for the canonical links, the sitemap and robots.txt. It is set
 * at build time by SITE_URL (Astro's `site`): a static host's address is known only to whoever
 * deploys, so a build without it has relative links only and no sitemap.
 */

/** The absolute URL of a page, from the site's origin and the page's path (which already holds the base path), or null when the site's address is unknown. */
export function canonicalUrl(site: URL | undefined, pathname: string): string | null {
  if (!site) return null;
  return new URL(pathname, site).href;
}

/** The text of robots.txt: every page may be crawled, and the sitemap's address when there is one. */
export function robotsText(site: URL | undefined, base: string): string {
  const lines = ['User-agent: *', 'Allow: /'];
  if (site) lines.push('', `Sitemap: ${new URL(`${base.replace(/\/?$/, '/')}sitemap-index.xml`, site).href}`);
  return `${lines.join('\n')}\n`;
}
