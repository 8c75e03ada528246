export * from './runner';
export * from './scheduler';
export * from './pool';
