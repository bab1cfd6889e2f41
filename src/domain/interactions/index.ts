export * from './jurisdictions.js';
export * from './interaction-types.js';
export * from './name-matching.js';
export * from './medication-rules.js';
export * from './condition-rules.js';
export { EXCIPIENT_RULE_ID } from './excipient-rule.js';
export * from './screen.js';
