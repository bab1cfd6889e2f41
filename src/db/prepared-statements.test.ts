import { describe, expect, it } from 'vitest';
import { statementNamer } from './prepared-statements.js';

describe('naming statements to prepare', () => {
  it('gives a text the same name every time and different texts different names', () => {
    const nameOf = statementNamer(10);
    const a = nameOf('select "id" from "clinic" where "id" = $1');
    expect(a).toMatch(/^iso_[0-9a-f]{24}$/);
    expect(nameOf('select "id" from "clinic" where "id" = $1')).toBe(a);
    expect(nameOf('select "id" from "patient" where "id" = $1')).not.toBe(a);
  });

  it('leaves out texts with a star, which a migration adding a column would break once prepared', () => {
    const nameOf = statementNamer(10);
    expect(nameOf('select * from "authorization" where "id" = $1')).toBeUndefined();
    expect(nameOf('insert into "x" ("a") values ($1) returning *')).toBeUndefined();
  });

  it('names at most its limit of texts; later texts run unnamed, earlier ones keep their names', () => {
    const nameOf = statementNamer(2);
    const first = nameOf('select $1');
    expect(first).toBeDefined();
    expect(nameOf('select $1, $2')).toBeDefined();
    expect(nameOf('select $1, $2, $3')).toBeUndefined();
    expect(nameOf('select $1')).toBe(first);
  });
});
