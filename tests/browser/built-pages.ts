/** The pages of a built site, found from its files, for the scripts and tests that visit every page. */
import { readdir } from 'node:fs/promises';

/** Every page in a built site, as paths relative to its root ('' is the home page). */
export async function builtPages(root: string): Promise<string[]> {
  const files = (await readdir(root, { recursive: true })) as string[];
  const pages = files
    .map((file) => file.split('\\').join('/'))
    .filter((file) => file === 'index.html' || file.endsWith('/index.html'))
    .map((file) => file.slice(0, -'index.html'.length))
    .sort();
  // 404.html is served for any missing address; visiting one shows it as a reader would.
  if (files.includes('404.html')) pages.push('no-such-page/');
  return pages;
}
