import type { z } from 'zod';
import type { BodyParser } from './client.js';

/** A body parser from a contract schema: the parsed value, or undefined when the body is not that shape. */
export function parserFor<S extends z.ZodType>(schema: S): BodyParser<z.output<S>> {
  return (body) => {
    const result = schema.safeParse(body);
    return result.success ? result.data : undefined;
  };
}
