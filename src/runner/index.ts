export * from './runner';
export * from './scheduler';
export * from './pool';
export * from './latest';
export * from './fallback';
export * from './protocol';
