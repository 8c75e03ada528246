/** The pure model: no DOM, no Svelte, no comlink. Runs in the worker, Node, tests and the CLI. */
export * from './months';
export * from './registry';
export * from './indicators';
export * from './anchors';
export * from './types';
export * from './version';
export { runModel, runCentral, drawColumns, pointColumns, transferables } from './monte-carlo';
export { simulate, type ParamColumns } from './simulate';
export { sampleParam, inverseCdf, fillUniforms, streamKey } from './random';
export { checksum } from './checksum';
export { exp, log, log1p, pow, probit } from './math';
export { observedPoints, type ObservedPoint } from './observed';
export { shiftDist } from './dist';
