export * from './iga.js';
export * from './lesion-counts.js';
export * from './gags.js';
export * from './leeds.js';
export * from './scars.js';
