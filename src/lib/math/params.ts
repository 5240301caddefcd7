/** Validation of the small numeric parameter objects that activations and losses accept. */

/** How one numeric parameter is checked: its default and the predicate that a value must pass. */
export interface ParameterSpec {
  readonly defaultValue: number;
  /** Words for the error message, e.g. "a finite number" or "a number > 0". */
  readonly allowed: string;
  readonly isValid: (value: number) => boolean;
}

/** A parameter that may be any finite number. */
export function finiteParameter(defaultValue: number): ParameterSpec {
  return { defaultValue, allowed: 'a finite number', isValid: Number.isFinite };
}

/** A parameter that must be finite and strictly positive. */
export function positiveParameter(defaultValue: number): ParameterSpec {
  return {
    defaultValue,
    allowed: 'a finite number > 0',
    isValid: (value) => Number.isFinite(value) && value > 0,
  };
}

/**
 * Resolves caller parameters against their specs: fills in defaults and throws an Error naming
 * the owner, the parameter and what is allowed for an unknown name or a bad value.
 */
export function resolveParameters(
  owner: string,
  specs: Readonly<Record<string, ParameterSpec>>,
  given: unknown,
): Readonly<Record<string, number>> {
  const names = Object.keys(specs);
  if (given !== undefined && (typeof given !== 'object' || given === null || Array.isArray(given))) {
    throw new Error(`${owner}: parameters must be an object, got ${describe(given)}`);
  }
  const supplied = (given ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(supplied)) {
    if (!names.includes(key)) {
      const allowedNames = names.length === 0 ? 'it takes no parameters' : `allowed: ${names.join(', ')}`;
      throw new Error(`${owner}: unknown parameter "${key}" (${allowedNames})`);
    }
  }
  const resolved: Record<string, number> = {};
  for (const name of names) {
    const spec = specs[name];
    const raw = supplied[name];
    if (raw === undefined) {
      resolved[name] = spec.defaultValue;
      continue;
    }
    if (typeof raw !== 'number' || !spec.isValid(raw)) {
      throw new Error(`${owner}: parameter "${name}" must be ${spec.allowed}, got ${describe(raw)}`);
    }
    resolved[name] = raw;
  }
  return Object.freeze(resolved);
}

/** A short human description of a value for error messages. */
export function describe(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return typeof value;
}
