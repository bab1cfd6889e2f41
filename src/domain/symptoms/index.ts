export * from './symptom-types.js';
export { SYMPTOM_RULE_IDS } from './symptom-builders.js';
export * from './symptom-catalogue.js';
export * from './triage.js';
