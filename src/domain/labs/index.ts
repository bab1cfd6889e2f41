export * from './ctcae.js';
export * from './evaluate-lab.js';
export * from './lab-actions.js';
export * from './lab-codes.js';
export * from './lab-rules.js';
export * from './lab-schedule.js';
