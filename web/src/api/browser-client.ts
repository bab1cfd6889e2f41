import { createApiClient } from './client.js';

/** The app's one API client: one CSRF token in memory for the page's lifetime. */
export const apiClient = createApiClient((input, init) => fetch(input, init));
