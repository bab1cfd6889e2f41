import type { Clock } from '../ports.js';

/** A clock the test moves by hand (the product's sandbox mode uses the same idea). */
export class MovableClock implements Clock {
  private at: Date;
  constructor(start: string | Date) {
    this.at = new Date(start);
  }
  now(): Date {
    return this.at;
  }
  set(at: string | Date): void {
    this.at = new Date(at);
  }
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}
