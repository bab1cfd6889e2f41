import { enLearnTopics } from './en/learn/index.js';

/**
 * The education pages in the person's language. English is the only one so far; a translation
 * adds `content/<lang>/learn/` and is chosen here, like the message catalogue in `i18n/t.ts`.
 */
export const learnTopics = enLearnTopics;
