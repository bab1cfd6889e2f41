export * from './course-schedule.js';
export * from './reminder-rules.js';
