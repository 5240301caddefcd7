import { expect, test } from 'vitest';
import { canonicalUrl, robotsText } from '../../../src/utils/site-url.ts';

test('a canonical URL joins the site origin and the page path, which already holds the base path', () => {
  expect(canonicalUrl(new URL('https://example.org'), '/course/lessons/04-softmax/')).toBe('https://example.org/course/lessons/04-softmax/');
  expect(canonicalUrl(new URL('https://example.org/'), '/')).toBe('https://example.org/');
  expect(canonicalUrl(undefined, '/lessons/')).toBeNull();
});

test('robots.txt names the sitemap under the base path only when the site has an address', () => {
  expect(robotsText(undefined, '/')).toBe('User-agent: *\nAllow: /\n');
  expect(robotsText(new URL('https://example.org'), '/course/')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://example.org/course/sitemap-index.xml\n');
  expect(robotsText(new URL('https://example.org'), '/course')).toContain('Sitemap: https://example.org/course/sitemap-index.xml');
  expect(robotsText(new URL('https://example.org'), '/')).toContain('Sitemap: https://example.org/sitemap-index.xml');
});
