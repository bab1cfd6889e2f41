/** Today's date in the browser's own zone, as YYYY-MM-DD (the planner's first suggestion). */
export function todayInBrowser(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
