import { readdirSync, readFileSync } from 'node:fs';
import GithubSlugger from 'github-slugger';
import { describe, expect, test } from 'vitest';
import { parseState } from '../../../src/widgets/common/state.ts';
import { readParams } from '../../../src/widgets/common/url-state.ts';
import { SCHEMA as EXPLORER } from '../../../src/widgets/network-explorer/state.ts';
import { SCHEMA as LAB } from '../../../src/widgets/moons-lab/state.ts';

// Every link in a lesson that configures a widget on its own page ("?explorer.f=step#anchor",
// in a self-check's `see` or a teacher note) must really work: each parameter is a field of the
// widget its prefix names, each value is one the widget accepts (a refused value would open it
// at the default, with a notice), and the anchor is a heading of the same lesson.

const WIDGETS = { explorer: EXPLORER, lab: LAB } as const;
const directory = new URL('../../../content/lessons/', import.meta.url);
const lessons = readdirSync(directory).filter((name) => name.endsWith('.mdx'));

/** The lesson's configuring links: `see="?..."` attributes and Markdown links `](?...)`. */
function links(source: string): string[] {
  return [...source.matchAll(/see="(\?[^"]*)"|\]\((\?[^)\s]*)\)/g)].map((match) => match[1] ?? match[2]);
}

/** The ids Astro gives the lesson's headings (GitHub's slugs, as its Markdown pipeline makes them). */
function headingIds(source: string): Set<string> {
  const slugger = new GithubSlugger();
  const withoutCode = source.replace(/```[\s\S]*?```/g, '');
  return new Set([...withoutCode.matchAll(/^#{2,6} (.+)$/gm)].map((match) => slugger.slug(match[1])));
}

describe.each(lessons)('%s', (file) => {
  const source = readFileSync(new URL(file, directory), 'utf8');
  const found = links(source);
  const ids = headingIds(source);

  test.runIf(found.length > 0).each(found)('%s configures its widget and lands on a heading', (link) => {
    const [query, hash] = link.split('#');
    expect(hash, 'the link names an anchor').toBeTruthy();
    expect(ids.has(hash), `#${hash} is a heading of ${file}`).toBe(true);
    const names = [...new URLSearchParams(query).keys()].filter((name) => name !== 'teacher');
    expect(names.length).toBeGreaterThan(0);
    for (const [prefix, schema] of Object.entries(WIDGETS)) {
      const values = readParams(query, prefix);
      if (Object.keys(values).length === 0) continue;
      expect(Object.keys(values).filter((key) => !(key in schema)), `unknown ${prefix} fields`).toEqual([]);
      expect(parseState(schema, values).problems).toEqual([]);
    }
    expect(names.every((name) => Object.keys(WIDGETS).some((prefix) => name.startsWith(`${prefix}.`)))).toBe(true);
  });
});

test('lessons 1 and 9 each have configuring links', () => {
  for (const file of ['01-why-activation-functions.mdx', '09-lab-two-moons.mdx']) {
    expect(links(readFileSync(new URL(file, directory), 'utf8')).length).toBeGreaterThanOrEqual(3);
  }
});
