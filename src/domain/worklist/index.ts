export * from './course-work.js';
export * from './patient-tasks.js';
export * from './supply.js';
export * from './work-items.js';
