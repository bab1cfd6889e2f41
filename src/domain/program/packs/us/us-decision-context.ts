import type { PackRef } from '../../decision.js';

/** What every US decision function needs besides the derived state. */
export interface UsDecisionContext {
  readonly pack: PackRef;
}
