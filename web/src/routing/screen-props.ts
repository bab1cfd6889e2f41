import type { SessionUser } from '../api/auth-api.js';
import type { ScreenParams } from './screen-types.js';

/** What every area's screen switch receives: which screen, its address parameters, who is signed in. */
export interface AreaScreenProps<Id extends string> {
  readonly id: Id;
  readonly params: ScreenParams;
  readonly user: SessionUser;
}
