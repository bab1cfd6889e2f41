/** The name of the downloaded data file: `isocourse-my-data-2026-11-22.json`. */
export const exportFileName = (today: string): string => `isocourse-my-data-${today}.json`;
