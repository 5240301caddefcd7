/**
 * The two number formats the kernels can be generated for: f64 (the engine's own, two lanes per
 * vector) and f32 (the labelled fast preview, four lanes). Each names the instructions the
 * generators emit, so one generator writes both modules.
 */
import { F32, F64, type FunctionBuilder } from './assembler.ts';

/** One number format's sizes and instructions, scalar and vector. */
export interface Precision {
  readonly name: 'f64' | 'f32';
  /** Bytes per number. */
  readonly bytes: 8 | 4;
  /** Numbers per 128-bit vector. */
  readonly lanes: 2 | 4;
  readonly scalarType: typeof F64 | typeof F32;
  load(f: FunctionBuilder, offset?: number): FunctionBuilder;
  store(f: FunctionBuilder, offset?: number): FunctionBuilder;
  add(f: FunctionBuilder): FunctionBuilder;
  sub(f: FunctionBuilder): FunctionBuilder;
  mul(f: FunctionBuilder): FunctionBuilder;
  constant(f: FunctionBuilder, value: number): FunctionBuilder;
  greater(f: FunctionBuilder): FunctionBuilder;
  lessOrEqual(f: FunctionBuilder): FunctionBuilder;
  notEqual(f: FunctionBuilder): FunctionBuilder;
  /** Loads one number into every lane. */
  splat(f: FunctionBuilder): FunctionBuilder;
  vectorAdd(f: FunctionBuilder): FunctionBuilder;
  vectorSub(f: FunctionBuilder): FunctionBuilder;
  vectorMul(f: FunctionBuilder): FunctionBuilder;
  vectorConstant(f: FunctionBuilder, value: number): FunctionBuilder;
  vectorGreater(f: FunctionBuilder): FunctionBuilder;
  vectorLessOrEqual(f: FunctionBuilder): FunctionBuilder;
  vectorNotEqual(f: FunctionBuilder): FunctionBuilder;
  extractLane(f: FunctionBuilder, lane: number): FunctionBuilder;
}

/** 64-bit floats: the engine's results. */
export const FLOAT64: Precision = {
  name: 'f64',
  bytes: 8,
  lanes: 2,
  scalarType: F64,
  load: (f, offset = 0) => f.f64Load(offset),
  store: (f, offset = 0) => f.f64Store(offset),
  add: (f) => f.f64Add(),
  sub: (f) => f.f64Sub(),
  mul: (f) => f.f64Mul(),
  constant: (f, value) => f.f64Const(value),
  greater: (f) => f.f64Greater(),
  lessOrEqual: (f) => f.f64LessOrEqual(),
  notEqual: (f) => f.f64Ne(),
  splat: (f) => f.v128Load64Splat(),
  vectorAdd: (f) => f.f64x2Add(),
  vectorSub: (f) => f.f64x2Sub(),
  vectorMul: (f) => f.f64x2Mul(),
  vectorConstant: (f, value) => f.f64x2Const(value),
  vectorGreater: (f) => f.f64x2Greater(),
  vectorLessOrEqual: (f) => f.f64x2LessOrEqual(),
  vectorNotEqual: (f) => f.f64x2Ne(),
  extractLane: (f, lane) => f.f64x2ExtractLane(lane as 0 | 1),
};

/** 32-bit floats: twice the numbers per instruction, for the labelled preview only. */
export const FLOAT32: Precision = {
  name: 'f32',
  bytes: 4,
  lanes: 4,
  scalarType: F32,
  load: (f, offset = 0) => f.f32Load(offset),
  store: (f, offset = 0) => f.f32Store(offset),
  add: (f) => f.f32Add(),
  sub: (f) => f.f32Sub(),
  mul: (f) => f.f32Mul(),
  constant: (f, value) => f.f32Const(value),
  greater: (f) => f.f32Greater(),
  lessOrEqual: (f) => f.f32LessOrEqual(),
  notEqual: (f) => f.f32Ne(),
  splat: (f) => f.v128Load32Splat(),
  vectorAdd: (f) => f.f32x4Add(),
  vectorSub: (f) => f.f32x4Sub(),
  vectorMul: (f) => f.f32x4Mul(),
  vectorConstant: (f, value) => f.f32x4Const(value),
  vectorGreater: (f) => f.f32x4Greater(),
  vectorLessOrEqual: (f) => f.f32x4LessOrEqual(),
  vectorNotEqual: (f) => f.f32x4Ne(),
  extractLane: (f, lane) => f.f32x4ExtractLane(lane as 0 | 1 | 2 | 3),
};
