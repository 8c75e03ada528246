export * from './runner';
export * from './scheduler';
