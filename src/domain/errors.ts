/**
 * An input the domain cannot judge (an unknown LOINC code, a unit with no cut-offs, a product id
 * that does not exist). Thrown only for input that is wrong, never for an unmet rule: unmet rules
 * are values (decisions with reasons). `field` is the dotted path of the offending input field.
 */
export class DomainInputError extends Error {
  readonly code: string;
  readonly field: string;

  constructor(code: string, field: string, message: string) {
    super(message);
    this.name = 'DomainInputError';
    this.code = code;
    this.field = field;
  }
}
