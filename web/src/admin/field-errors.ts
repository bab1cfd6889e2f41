import type { FieldProblem } from '../api/api-error.js';

/**
 * The form field a server field problem is about: its JSON Pointer (`/settings/timeZone`) as a
 * path of names, matched against the form's own field list; undefined for anything else.
 */
export function fieldOfPointer<F extends string>(pointer: string, fields: Readonly<Record<F, string>>): F | undefined {
  const path = pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
  const match = (Object.keys(fields) as F[]).find((field) => fields[field] === path);
  return match;
}

/** The fields of a list of server problems, each once, in the order given; the rest as they were. */
export function splitFieldProblems<F extends string>(problems: readonly FieldProblem[], fields: Readonly<Record<F, string>>): { readonly fields: F[]; readonly other: string[] } {
  const found: F[] = [];
  const other: string[] = [];
  for (const problem of problems) {
    const field = fieldOfPointer(problem.pointer, fields);
    if (field === undefined) other.push(problem.detail);
    else if (!found.includes(field)) found.push(field);
  }
  return { fields: found, other };
}
