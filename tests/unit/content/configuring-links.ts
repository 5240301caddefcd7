/**
 * The rules a link that configures a widget must follow ("?explorer.f=step#anchor"), shared by
 * the lessons' own links (lesson-links.test.ts) and the reference page's links into lessons
 * (tests/unit/components/reference/): each parameter is a field of the widget its prefix names,
 * each value is one the widget accepts (a refused value would open it at the default, with a
 * notice), and the anchor is a heading of the lesson.
 */
import GithubSlugger from 'github-slugger';
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
import { SCHEMA as PAIRING } from '../../../src/widgets/pairing-lab/state.ts';
import type { Schema } from '../../../src/widgets/common/state.ts';

/**
 * What a link may set in one widget: its state table, and, for a widget whose address carries
 * more than the table (the regression widget's point edits), those names and the widget's own
 * reading of the whole address, which lists every problem it finds.
 */
export interface AddressRules {
  readonly schema: Schema;
  readonly extras?: readonly string[];
  readonly problems?: (query: string, prefix: string) => string[];
}

/** Each widget's folder, its address rules, and the URL prefix it uses when the lesson gives it no id. */
export const WIDGET_FOLDERS: Readonly<Record<string, AddressRules & { defaultId: string }>> = {
  'network-explorer': { schema: EXPLORER, defaultId: 'explorer' },
  'moons-lab': { schema: LAB, defaultId: 'lab' },
  'activation-explorer': { schema: ACTIVATIONS, defaultId: 'explorer' },
  'gradient-depth': { schema: DEPTH, defaultId: 'depth' },
  softmax: { schema: SOFTMAX, defaultId: 'softmax' },
  'dying-relu': { schema: DYING, defaultId: 'dying' },
  'regression-losses': { schema: REGRESSION, defaultId: 'regression', extras: ['edits'], problems: (query, prefix) => regressionStart('', query, prefix).problems },
  'loss-descent': { schema: DESCENT, defaultId: 'descent' },
  'classification-losses': { schema: CLASSIFICATION, defaultId: 'classification' },
  'pairing-lab': { schema: PAIRING, defaultId: 'pairing' },
};

/**
 * The URL prefixes of the widgets a lesson embeds, each with its widget's address rules: from
 * `import Name from '~/widgets/<folder>/Widget.astro'` and every `<Name id="prefix" ...>`.
 */
export function widgetsOf(source: string): Record<string, AddressRules> {
  const widgets: Record<string, AddressRules> = {};
  for (const [, name, folder] of source.matchAll(/^import (\w+) from '~\/widgets\/([\w-]+)\/Widget\.astro';$/gm)) {
    const known = WIDGET_FOLDERS[folder];
    if (!known) throw new Error(`configuring-links: no state table for the widget folder ${folder}`);
    for (const [, props] of source.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'g'))) {
      widgets[/\bid="([^"]+)"/.exec(props)?.[1] ?? known.defaultId] = known;
    }
  }
  return widgets;
}

/** The ids Astro gives the lesson's headings (GitHub's slugs, as its Markdown pipeline makes them). */
export function headingIds(source: string): Set<string> {
  const slugger = new GithubSlugger();
  const withoutCode = source.replace(/```[\s\S]*?```/g, '');
  return new Set([...withoutCode.matchAll(/^#{2,6} (.+)$/gm)].map((match) => slugger.slug(match[1])));
}

/**
 * What is wrong with a configuring query ("?explorer.f1=elu", "" for none) into a lesson with
 * these widgets: unknown widget prefixes, unknown fields, refused values. Empty when it works.
 */
export function queryProblems(query: string, widgets: Record<string, AddressRules>): string[] {
  const problems: string[] = [];
  const names = [...new URLSearchParams(query).keys()].filter((name) => name !== 'teacher');
  for (const name of names) {
    if (!Object.keys(widgets).some((prefix) => name.startsWith(`${prefix}.`))) problems.push(`${name} names no widget of the lesson`);
  }
  for (const [prefix, { schema, extras = [], problems: own }] of Object.entries(widgets)) {
    const values = readParams(query, prefix);
    if (Object.keys(values).length === 0) continue;
    for (const key of Object.keys(values)) if (!(key in schema) && !extras.includes(key)) problems.push(`unknown ${prefix} field ${key}`);
    const fields = Object.fromEntries(Object.entries(values).filter(([key]) => key in schema));
    problems.push(...parseState(schema, fields).problems, ...(own?.(query, prefix) ?? []));
  }
  return problems;
}
