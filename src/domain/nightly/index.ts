export * from './course-schedule.js';
export * from './reminder-rules.js';
export * from './valid-through.js';
