import type { LearnTopicId } from '../../../routing/routes.js';
import type { LearnTopic } from '../../learn-types.js';
import { aboutIsotretinoin } from './about-isotretinoin.js';
import { moodAndHelp } from './mood-and-help.js';
import { pregnancyAndContraception } from './pregnancy-and-contraception.js';
import { safetyRules } from './safety-rules.js';
import { sideEffects } from './side-effects.js';
import { skinCare } from './skin-care.js';
import { sunAndProcedures } from './sun-and-procedures.js';

/** Every education page in English; the type makes a missing page a compile error. */
export const enLearnTopics: Readonly<Record<LearnTopicId, LearnTopic>> = {
  'about-isotretinoin': aboutIsotretinoin,
  'side-effects': sideEffects,
  'skin-care': skinCare,
  'sun-and-procedures': sunAndProcedures,
  'mood-and-help': moodAndHelp,
  'pregnancy-and-contraception': pregnancyAndContraception,
  'safety-rules': safetyRules,
};
