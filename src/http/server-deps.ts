import type { AppServices } from '../app/services.js';

/** What the composition root hands to routes. Everything arrives as a parameter. */
export interface ServerDeps {
  readonly app: AppServices;
  readonly version: string;
}
