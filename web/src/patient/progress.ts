/** Whole percent of the target taken so far (0 when there is no target; may pass 100). */
export function progressPercent(totalMg: number, targetMg: number | undefined): number {
  if (targetMg === undefined || targetMg <= 0) return 0;
  return Math.floor((totalMg / targetMg) * 100);
}
