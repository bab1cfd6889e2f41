export const POPULATION_USAGE = 'isocourse demo --courses N [--seed N] [--today YYYY-MM-DD] [--clinics N] [--append]';
/** Options only the synthetic population takes (their presence selects it instead of the demo clinic). */
export const POPULATION_OPTIONS = ['--courses', '--seed', '--today', '--clinics', '--append'] as const;
