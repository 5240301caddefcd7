import { readdirSync, readFileSync } from 'node:fs';
import GithubSlugger from 'github-slugger';
import { describe, expect, test } from 'vitest';
import { parseState } from '../../../src/widgets/common/state.ts';
import { readParams } from '../../../src/widgets/common/url-state.ts';
import { SCHEMA as ACTIVATIONS } from '../../../src/widgets/activation-explorer/state.ts';
import { SCHEMA as DEPTH } from '../../../src/widgets/gradient-depth/state.ts';
import { SCHEMA as DYING } from '../../../src/widgets/dying-relu/state.ts';
import { SCHEMA as REGRESSION, startingState as regressionStart } from '../../../src/widgets/regression-losses/state.ts';
import { SCHEMA as DESCENT } from '../../../src/widgets/loss-descent/state.ts';
import { SCHEMA as LAB } from '../../../src/widgets/moons-lab/state.ts';
import { SCHEMA as EXPLORER } from '../../../src/widgets/network-explorer/state.ts';
import { SCHEMA as SOFTMAX } from '../../../src/widgets/softmax/state.ts';
import { SCHEMA as CLASSIFICATION } from '../../../src/widgets/classification-losses/state.ts';
import type { Schema } from '../../../src/widgets/common/state.ts';

// Every link in a lesson that configures a widget on its own page ("?explorer.f=step#anchor",
// in a self-check's `see` or a teacher note) must really work: each parameter is a field of the
// widget its prefix names, each value is one the widget accepts (a refused value would open it
// at the default, with a notice), and the anchor is a heading of the same lesson.

/**
 * What a link may set in one widget: its state table, and, for a widget whose address carries
 * more than the table (the regression widget's point edits), those names and the widget's own
 * reading of the whole address, which lists every problem it finds.
 */
interface AddressRules {
  readonly schema: Schema;
  readonly extras?: readonly string[];
  readonly problems?: (query: string, prefix: string) => string[];
}

/** Each widget's folder, its address rules, and the URL prefix it uses when the lesson gives it no id. */
const WIDGET_FOLDERS: Readonly<Record<string, AddressRules & { defaultId: string }>> = {
  'network-explorer': { schema: EXPLORER, defaultId: 'explorer' },
  'moons-lab': { schema: LAB, defaultId: 'lab' },
  'activation-explorer': { schema: ACTIVATIONS, defaultId: 'explorer' },
  'gradient-depth': { schema: DEPTH, defaultId: 'depth' },
  softmax: { schema: SOFTMAX, defaultId: 'softmax' },
  'dying-relu': { schema: DYING, defaultId: 'dying' },
  'regression-losses': { schema: REGRESSION, defaultId: 'regression', extras: ['edits'], problems: (query, prefix) => regressionStart('', query, prefix).problems },
  'loss-descent': { schema: DESCENT, defaultId: 'descent' },
  'classification-losses': { schema: CLASSIFICATION, defaultId: 'classification' },
};

/**
 * The URL prefixes of the widgets a lesson embeds, each with its widget's address rules: from
 * `import Name from '~/widgets/<folder>/Widget.astro'` and every `<Name id="prefix" ...>`.
 */
function widgetsOf(source: string): Record<string, AddressRules> {
  const widgets: Record<string, AddressRules> = {};
  for (const [, name, folder] of source.matchAll(/^import (\w+) from '~\/widgets\/([\w-]+)\/Widget\.astro';$/gm)) {
    const known = WIDGET_FOLDERS[folder];
    if (!known) throw new Error(`lesson-links: no state table for the widget folder ${folder}`);
    for (const [, props] of source.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'g'))) {
      widgets[/\bid="([^"]+)"/.exec(props)?.[1] ?? known.defaultId] = known;
    }
  }
  return widgets;
}
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
    const names = [...new URLSearchParams(query).keys()].filter((name) => name !== 'teacher');
    expect(names.length).toBeGreaterThan(0);
    for (const [prefix, { schema, extras = [], problems }] of Object.entries(WIDGETS)) {
      const values = readParams(query, prefix);
      if (Object.keys(values).length === 0) continue;
      expect(Object.keys(values).filter((key) => !(key in schema) && !extras.includes(key)), `unknown ${prefix} fields`).toEqual([]);
      const fields = Object.fromEntries(Object.entries(values).filter(([key]) => key in schema));
      expect(parseState(schema, fields).problems).toEqual([]);
      expect(problems?.(query, prefix) ?? []).toEqual([]);
    }
    expect(names.every((name) => Object.keys(WIDGETS).some((prefix) => name.startsWith(`${prefix}.`)))).toBe(true);
  });
});

test('lessons 1 and 9 each have configuring links', () => {
  for (const file of ['01-why-activation-functions.mdx', '09-lab-two-moons.mdx']) {
    expect(links(readFileSync(new URL(file, directory), 'utf8')).length).toBeGreaterThanOrEqual(3);
  }
});
