import { en, type MessageKey } from './en.js';

/** The `{name}` placeholders of an English message, as a union of names (never when none). */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** Messages with placeholders need a value for each; messages without take no second argument. */
type Args<K extends MessageKey> = [Placeholders<(typeof en)[K]>] extends [never]
  ? []
  : [values: Record<Placeholders<(typeof en)[K]>, string | number>];

/** Keys of messages without placeholders: the ones a data table (routes, states) may refer to. */
export type PlainMessageKey = { [K in MessageKey]: Args<K> extends [] ? K : never }[MessageKey];

/**
 * The text of a message, with its placeholders filled in. English is the only catalogue so far;
 * choosing a catalogue by the person's language is the step a translation will add here.
 */
export function t<K extends MessageKey>(key: K, ...args: Args<K>): string {
  const message: string = en[key];
  const values: Readonly<Record<string, string | number>> | undefined = args[0];
  if (values === undefined) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}
