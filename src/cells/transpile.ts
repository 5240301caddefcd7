import { transform } from 'sucrase';
import type { CellError } from './protocol.ts';

/** The one module a cell may import: the course's numerics core. */
export const COURSE_MODULE = 'course';

/**
 * A cell's code as JavaScript that runs as a function body, or why it cannot. `usesCourse` says
 * whether it requires the course, so the runtime loads the library only for code that does.
 */
export type Transpiled = { ok: true; code: string; usesCourse: boolean } | { ok: false; error: CellError };

/**
 * Strips the reader's TypeScript types and turns `import`/`export` into `require(...)` and
 * `exports.name = ...`, so the code runs as the body of a function.
 *
 * Sucrase removes types and rewrites imports in place, keeping every line where it was, so a
 * line number from the running code is a line of the reader's code. Unused imports are kept
 * (sucrase would drop them as possibly type-only), so `import ... from 'fs'` is refused even
 * when nothing of it is used.
 */
export function transpile(source: string): Transpiled {
  let code: string;
  try {
    code = transform(source, {
      transforms: ['typescript', 'imports'],
      disableESTransforms: true,
      keepUnusedImports: true,
    }).code;
  } catch (error) {
    return { ok: false, error: syntaxError(error) };
  }
  const forbidden = findForbiddenModule(code);
  if (forbidden) return { ok: false, error: forbidden };
  return { ok: true, code, usesCourse: REQUIRE.test(code) };
}

interface SucraseSyntaxError {
  message: string;
  loc?: { line: number; column: number };
}

function syntaxError(error: unknown): CellError {
  const { message, loc } = (error ?? {}) as SucraseSyntaxError;
  // Sucrase appends "(line:column)" to its message; the location is given apart, so drop it.
  const text = String(message ?? error).replace(/\s*\(\d+:\d+\)\s*$/, '');
  if (!loc) return { kind: 'syntax', message: text };
  // Sucrase counts lines and columns from 1, as an editor shows them (a test pins this).
  return { kind: 'syntax', message: text, line: loc.line, column: loc.column };
}

/** A `require` call as sucrase writes it for an import. */
const REQUIRE = /\brequire\(\s*(['"`])([^'"`]*)\1\s*\)/;

/** The first `require` of anything but the course, as an 'import' error on its line. */
function findForbiddenModule(code: string): CellError | undefined {
  for (const match of code.matchAll(new RegExp(REQUIRE, 'g'))) {
    const name = match[2];
    if (name === COURSE_MODULE) continue;
    const line = code.slice(0, match.index).split('\n').length;
    return importError(name ?? '', line);
  }
  return undefined;
}

/** The error for an import of `name`, which is not the course. */
export function importError(name: string, line?: number): CellError {
  return {
    kind: 'import',
    message: `A cell can only import from '${COURSE_MODULE}' (the course's own functions), not from '${name}'.`,
    ...(line === undefined ? {} : { line }),
  };
}
