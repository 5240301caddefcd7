/**
 * A tiny WebAssembly assembler: just the instructions the dense-layer kernels need (i32
 * arithmetic, locals, blocks and loops, f64 and f64x2 loads, stores, arithmetic, comparisons and
 * bit selects), written straight into the binary format. Generating the module at run time keeps binary blobs and a
 * build step out of the repository, and runs alike in Node, Vitest, a Web Worker and the page.
 * Opcodes are those of the WebAssembly 2.0 core specification (SIMD: the 0xfd prefix).
 */

/** The value types a local may have. */
export const I32 = 0x7f;
/** 64-bit float. */
export const F64 = 0x7c;
/** 32-bit float. */
export const F32 = 0x7d;
/** 128-bit vector (two f64 lanes here). */
export const V128 = 0x7b;

/** One of the value types above. */
export type ValueType = typeof I32 | typeof F64 | typeof F32 | typeof V128;

/** Unsigned LEB128, as the binary format writes sizes, indices and offsets. */
function unsigned(value: number): number[] {
  const out: number[] = [];
  let rest = value >>> 0;
  do {
    const low = rest & 0x7f;
    rest >>>= 7;
    out.push(rest === 0 ? low : low | 0x80);
  } while (rest !== 0);
  return out;
}

/** Signed LEB128, for i32.const. */
function signed(value: number): number[] {
  const out: number[] = [];
  let rest = value | 0;
  for (;;) {
    const low = rest & 0x7f;
    rest >>= 7;
    const done = (rest === 0 && (low & 0x40) === 0) || (rest === -1 && (low & 0x40) !== 0);
    out.push(done ? low : low | 0x80);
    if (done) return out;
  }
}

const SIMD = 0xfd;

/** The body of one exported function whose parameters are all i32 (addresses and sizes). */
export class FunctionBuilder {
  readonly name: string;
  readonly parameterCount: number;
  private readonly localTypes: ValueType[] = [];
  private readonly code: number[] = [];

  constructor(name: string, parameterCount: number) {
    this.name = name;
    this.parameterCount = parameterCount;
  }

  /** Declares a local and returns its index (parameters come first). */
  local(type: ValueType): number {
    this.localTypes.push(type);
    return this.parameterCount + this.localTypes.length - 1;
  }

  private emit(...bytes: number[]): this {
    for (const byte of bytes) this.code.push(byte);
    return this;
  }

  private memory(opcode: number[], alignLog2: number, offset: number): this {
    return this.emit(...opcode, alignLog2, ...unsigned(offset));
  }

  /** Lets a helper that emits instructions take part in a chain. */
  run(emit: () => unknown): this {
    emit();
    return this;
  }

  get(index: number): this {
    return this.emit(0x20, ...unsigned(index));
  }
  set(index: number): this {
    return this.emit(0x21, ...unsigned(index));
  }
  tee(index: number): this {
    return this.emit(0x22, ...unsigned(index));
  }
  i32(value: number): this {
    return this.emit(0x41, ...signed(value));
  }
  add(): this {
    return this.emit(0x6a);
  }
  sub(): this {
    return this.emit(0x6b);
  }
  mul(): this {
    return this.emit(0x6c);
  }
  and(): this {
    return this.emit(0x71);
  }
  /** Unsigned comparisons: every operand here is an address or a size. */
  greaterThan(): this {
    return this.emit(0x4b);
  }
  greaterOrEqual(): this {
    return this.emit(0x4f);
  }
  notEqual(): this {
    return this.emit(0x47);
  }
  or(): this {
    return this.emit(0x72);
  }
  /** Picks the first of two values when the i32 on top is not 0, else the second. */
  select(): this {
    return this.emit(0x1b);
  }

  /** `block … end`: `br 0` inside (outside any inner construct) jumps past its end. */
  block(body: () => void): this {
    this.emit(0x02, 0x40);
    body();
    return this.emit(0x0b);
  }
  /** `loop … end`: `br 0` inside jumps back to its start. */
  loop(body: () => void): this {
    this.emit(0x03, 0x40);
    body();
    return this.emit(0x0b);
  }
  /** `if … end` on the i32 on the stack. */
  when(body: () => void): this {
    this.emit(0x04, 0x40);
    body();
    return this.emit(0x0b);
  }
  br(depth: number): this {
    return this.emit(0x0c, ...unsigned(depth));
  }
  brIf(depth: number): this {
    return this.emit(0x0d, ...unsigned(depth));
  }

  f64Load(offset = 0): this {
    return this.memory([0x2b], 3, offset);
  }
  f64Store(offset = 0): this {
    return this.memory([0x39], 3, offset);
  }
  f64Add(): this {
    return this.emit(0xa0);
  }
  f64Sub(): this {
    return this.emit(0xa1);
  }
  f64Mul(): this {
    return this.emit(0xa2);
  }
  f64Const(value: number): this {
    const bytes = new Uint8Array(new Float64Array([value]).buffer);
    return this.emit(0x44, ...bytes);
  }
  /** Ordered comparisons, as JavaScript's: false whenever either side is NaN (f64Ne: true). */
  f64Greater(): this {
    return this.emit(0x64);
  }
  f64LessOrEqual(): this {
    return this.emit(0x65);
  }
  f64Ne(): this {
    return this.emit(0x62);
  }

  f32Load(offset = 0): this {
    return this.memory([0x2a], 2, offset);
  }
  f32Store(offset = 0): this {
    return this.memory([0x38], 2, offset);
  }
  f32Add(): this {
    return this.emit(0x92);
  }
  f32Sub(): this {
    return this.emit(0x93);
  }
  f32Mul(): this {
    return this.emit(0x94);
  }
  f32Const(value: number): this {
    return this.emit(0x43, ...new Uint8Array(new Float32Array([value]).buffer));
  }
  f32Greater(): this {
    return this.emit(0x5e);
  }
  f32LessOrEqual(): this {
    return this.emit(0x5f);
  }
  f32Ne(): this {
    return this.emit(0x5c);
  }

  /** Alignment hint 8 bytes: rows of an odd-length batch start on 8-byte boundaries only. */
  v128Load(offset = 0): this {
    return this.memory([SIMD, 0x00], 3, offset);
  }
  v128Store(offset = 0): this {
    return this.memory([SIMD, 0x0b], 3, offset);
  }
  /** Loads one f64 into both lanes. */
  v128Load64Splat(offset = 0): this {
    return this.memory([SIMD, 0x0a], 3, offset);
  }
  /** Loads one f32 into all four lanes. */
  v128Load32Splat(offset = 0): this {
    return this.memory([SIMD, 0x09], 2, offset);
  }
  v128Zero(): this {
    return this.emit(SIMD, 0x0c, ...new Array<number>(16).fill(0));
  }
  /** Both lanes set to `value` (little-endian, as WebAssembly stores it). */
  f64x2Const(value: number): this {
    const bytes = [...new Uint8Array(new Float64Array([value, value]).buffer)];
    return this.emit(SIMD, 0x0c, ...bytes);
  }
  /** Lane-wise comparisons: all ones where true, all zeros where false (NaN compares false; f64x2Ne true). */
  f64x2Greater(): this {
    return this.emit(SIMD, 0x4a);
  }
  f64x2LessOrEqual(): this {
    return this.emit(SIMD, 0x4b);
  }
  f64x2Ne(): this {
    return this.emit(SIMD, 0x48);
  }
  v128And(): this {
    return this.emit(SIMD, 0x4e);
  }
  v128Or(): this {
    return this.emit(SIMD, 0x50);
  }
  /** (first AND mask) OR (second AND NOT mask), the mask on top of the stack. */
  v128Bitselect(): this {
    return this.emit(SIMD, 0x52);
  }
  f64x2ExtractLane(lane: 0 | 1): this {
    return this.emit(SIMD, 0x21, lane);
  }
  f32x4ExtractLane(lane: 0 | 1 | 2 | 3): this {
    return this.emit(SIMD, 0x1f, lane);
  }
  /** All four lanes set to `value`. */
  f32x4Const(value: number): this {
    return this.emit(SIMD, 0x0c, ...new Uint8Array(new Float32Array([value, value, value, value]).buffer));
  }
  f32x4Greater(): this {
    return this.emit(SIMD, 0x44);
  }
  f32x4LessOrEqual(): this {
    return this.emit(SIMD, 0x45);
  }
  f32x4Ne(): this {
    return this.emit(SIMD, 0x42);
  }
  f32x4Add(): this {
    return this.emit(SIMD, ...unsigned(0xe4));
  }
  f32x4Sub(): this {
    return this.emit(SIMD, ...unsigned(0xe5));
  }
  f32x4Mul(): this {
    return this.emit(SIMD, ...unsigned(0xe6));
  }
  f64x2Add(): this {
    return this.emit(SIMD, ...unsigned(0xf0));
  }
  f64x2Sub(): this {
    return this.emit(SIMD, ...unsigned(0xf1));
  }
  f64x2Mul(): this {
    return this.emit(SIMD, ...unsigned(0xf2));
  }

  /** The encoded body: local declarations, instructions, end. */
  encode(): number[] {
    const locals = this.localTypes.flatMap((type) => [1, type]);
    const body = [...unsigned(this.localTypes.length), ...locals, ...this.code, 0x0b];
    return [...unsigned(body.length), ...body];
  }
}

function section(id: number, contents: number[]): number[] {
  return [id, ...unsigned(contents.length), ...contents];
}

function vector(items: number[][]): number[] {
  return [...unsigned(items.length), ...items.flat()];
}

function name(text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  return [...unsigned(bytes.length), ...bytes];
}

/** A module importing its memory as env.memory and exporting `functions` by name. */
export function assembleModule(functions: readonly FunctionBuilder[]): Uint8Array<ArrayBuffer> {
  const types = functions.map((f) => [0x60, ...unsigned(f.parameterCount), ...new Array<number>(f.parameterCount).fill(I32), 0]);
  const memoryImport = [...name('env'), ...name('memory'), 0x02, 0x00, 0x00];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector(types)),
    ...section(2, vector([memoryImport])),
    ...section(3, vector(functions.map((_, index) => unsigned(index)))),
    ...section(7, vector(functions.map((f, index) => [...name(f.name), 0x00, ...unsigned(index)]))),
    ...section(10, vector(functions.map((f) => f.encode()))),
  ]);
}
