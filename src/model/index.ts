/** The pure model: no DOM, no Svelte, no comlink. Runs in the worker, Node, tests and the CLI. */
export * from './months';
export * from './registry';
export * from './indicators';
export * from './anchors';
export * from './plans';
export * from './types';
export * from './version';
export { runModel, runCentral, drawColumns, pointColumns, transferables, type RunOptions } from './monte-carlo';
export { simulate, type ParamColumns } from './simulate';
export { sampleParam, inverseCdf, fillUniforms, streamKey } from './random';
export { checksum } from './checksum';
export { exp, log, log1p, pow, probit } from './math';
export { observedPoints, type ObservedPoint } from './observed';
export { shiftDist } from './dist';
export { analyse, type Analysis, type AnalyseOptions, type OutputAnalysis } from './analysis';
export {
  calibrate,
  applyCalibration,
  CONDITIONING,
  type Calibration,
  type CalibrateOptions,
  type ConditioningReason,
  type UnfittedReason,
  type FittedCalibration,
  type UnfittedCalibration,
  type FittedPoint,
  type LeaveOut,
} from './calibrate';
export {
  goalSeek,
  goalSeekProbability,
  defaultLever,
  withParamValue,
  toStep,
  centralFn,
  pMetFn,
  type GoalSeekResult,
  type ProbabilitySeekResult,
  type SeekStatus,
  type SeekReason,
  type ProbabilitySeekReason,
  type Response,
} from './goal-seek';
export {
  sensitivity,
  swingOf,
  type SensitivityResult,
  type SensitivityRow,
  type SwingBasis,
  type DropReason,
} from './sensitivity';
export {
  onTrack,
  classifyOnTrack,
  ON_TRACK_THRESHOLDS,
  type OnTrackOutput,
  type OnTrackResult,
  type OnTrackStatus,
  type OnTrackReason,
} from './on-track';
export { actualOutcome, type Outcome } from './actuals';
export { bridgeOf, USERS_SERIES, type Bridge } from './bridge';
