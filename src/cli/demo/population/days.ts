import { Temporal } from 'temporal-polyfill';

/**
 * Calendar arithmetic for millions of events: days are integers (days since 1970-01-01), text and
 * zone offsets are computed once per day and zone and cached, so a course's history costs string
 * concatenation, not Temporal objects.
 */
const DAY_MS = 86_400_000;
const isoCache = new Map<number, string>();

export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

export function isoDay(day: number): string {
  let text = isoCache.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, text);
  }
  return text;
}

export class Zone {
  private readonly offsets = new Map<number, number>();

  constructor(readonly name: string) {}

  /** Minutes east of UTC at noon on that day (the stories never happen near a DST change at night). */
  private offsetMinutes(day: number): number {
    let offset = this.offsets.get(day);
    if (offset === undefined) {
      const zoned = Temporal.Instant.fromEpochMilliseconds(day * DAY_MS + 12 * 3_600_000).toZonedDateTimeISO(this.name);
      offset = Math.round(zoned.offsetNanoseconds / 60e9);
      this.offsets.set(day, offset);
    }
    return offset;
  }

  /** Epoch milliseconds of a local time (minutes after midnight) on a day. */
  at(day: number, minutes: number): number {
    return day * DAY_MS + (minutes - this.offsetMinutes(day)) * 60_000;
  }

  /** ISO 8601 with the zone's offset and name, as the engine writes authorization windows. */
  zoned(day: number, minutes: number): string {
    return this.zonedText(day, `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00`);
  }

  /** The last second of a day, as the engine writes the end of a window. */
  endOfDay(day: number): string {
    return this.zonedText(day, '23:59:59');
  }

  private zonedText(day: number, time: string): string {
    const offset = this.offsetMinutes(day);
    const abs = Math.abs(offset);
    return `${isoDay(day)}T${time}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}[${this.name}]`;
  }
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `HH:MM` as minutes after midnight. */
export function hm(text: string): number {
  const [h, m] = text.split(':');
  return Number(h) * 60 + Number(m);
}
