/**
 * Each activation's formula and derivative as TeX, typeset by KaTeX at build time only (the
 * live view clones the typeset HTML from the page, so no KaTeX JavaScript reaches it).
 *
 * The TeX is the library's own (`activation(id).formula` and `.derivativeFormula`), so the page
 * shows the very functions the numbers come from: α for the parameterised ones, GELU's exact erf
 * form (the library's `gelu` uses erf, not the tanh approximation), the step with H(0) = 1.
 */
import katex from 'katex';
import { ACTIVATION_IDS, activation, type ActivationId } from '../../lib/index.ts';

/** The TeX of one activation: f and f'. */
export interface FormulaTex {
  f: string;
  df: string;
}

/** Every activation's TeX, keyed by id. */
export const FORMULAS: Readonly<Record<ActivationId, FormulaTex>> = Object.fromEntries(
  ACTIVATION_IDS.map((id) => {
    const fn = activation(id);
    return [id, { f: fn.formula, df: fn.derivativeFormula }];
  }),
) as Record<ActivationId, FormulaTex>;

/** Display-mode KaTeX HTML for `tex`; a formula KaTeX refuses (strict mode) fails the build, naming `where`. */
export function typeset(tex: string, where: string): string {
  try {
    return katex.renderToString(tex, { displayMode: true, strict: 'error', throwOnError: true });
  } catch (error) {
    throw new Error(`${where}: the formula ${tex} does not typeset: ${(error as Error).message}`);
  }
}

/** The typeset f and f' of one activation, as HTML. */
export function typesetFormulas(id: ActivationId): FormulaTex {
  return { f: typeset(FORMULAS[id].f, `${id} f`), df: typeset(FORMULAS[id].df, `${id} f'`) };
}
