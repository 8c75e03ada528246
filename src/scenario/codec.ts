/**
 * The share-link codec now lives in ./link/ (split along its sections); this module keeps the old import path
 * working for code written against it. New code imports from './link'.
 */
export * from './link';
