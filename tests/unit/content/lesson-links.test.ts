import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { headingIds, queryProblems, widgetsOf } from './configuring-links.ts';

// Every link in a lesson that configures a widget on its own page ("?explorer.f=step#anchor",
// in a self-check's `see` or a teacher note) must really work: each parameter is a field of the
// widget its prefix names, each value is one the widget accepts (a refused value would open it
// at the default, with a notice), and the anchor is a heading of the same lesson. The rules are
// in configuring-links.ts, shared with the reference page's links.

const directory = new URL('../../../content/lessons/', import.meta.url);
const lessons = readdirSync(directory).filter((name) => name.endsWith('.mdx'));

/** The lesson's configuring links: `see="?..."` attributes and Markdown links `](?...)`. */
function links(source: string): string[] {
  return [...source.matchAll(/see="(\?[^"]*)"|\]\((\?[^)\s]*)\)/g)].map((match) => match[1] ?? match[2]);
}

describe.each(lessons)('%s', (file) => {
  const source = readFileSync(new URL(file, directory), 'utf8');
  const found = links(source);
  const ids = headingIds(source);
  const WIDGETS = widgetsOf(source);

  // Also keeps the suite from being empty in a lesson without configuring links (yet).
  test('gives each widget it embeds a prefix of its own', () => {
    const embeds = [...source.matchAll(/^import (\w+) from '~\/widgets\/[\w-]+\/Widget\.astro';$/gm)].flatMap(([, name]) => [...source.matchAll(new RegExp(`<${name}\\b`, 'g'))]);
    expect(Object.keys(WIDGETS)).toHaveLength(embeds.length);
  });

  test.runIf(found.length > 0).each(found)('%s configures its widget and lands on a heading', (link) => {
    const [query, hash] = link.split('#');
    expect(hash, 'the link names an anchor').toBeTruthy();
    expect(ids.has(hash), `#${hash} is a heading of ${file}`).toBe(true);
    expect([...new URLSearchParams(query).keys()].filter((name) => name !== 'teacher').length).toBeGreaterThan(0);
    expect(queryProblems(query, WIDGETS)).toEqual([]);
  });
});

test('lessons 1 and 9 each have configuring links', () => {
  for (const file of ['01-why-activation-functions.mdx', '09-lab-two-moons.mdx']) {
    expect(links(readFileSync(new URL(file, directory), 'utf8')).length).toBeGreaterThanOrEqual(3);
  }
});
