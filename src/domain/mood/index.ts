export * from './phq9-definition.js';
export * from './phq9-answers.js';
export * from './phq9-score.js';
export * from './phq2.js';
export * from './mood-rise.js';
export * from './mood-tasks.js';
export {
  assessPhq9,
  DEFAULT_PHQ9_CONFIG,
  type Phq9Assessment,
  type Phq9Config,
  type Phq9Input,
  type Phq9ItemResult,
} from './phq9-assessment.js';
