import { describe, expect, it } from 'vitest';
import { parsePopulationArgs } from './population-command.js';

describe('isocourse demo --courses arguments', () => {
  it('takes the count with a fixed default seed, and every option in either form', () => {
    expect(parsePopulationArgs(['--courses', '1000'])).toEqual({ courses: 1000, seed: 1, today: undefined, clinics: undefined, append: false });
    expect(parsePopulationArgs(['--courses=1_000_000', '--seed=42', '--today', '2026-03-01', '--clinics', '300', '--append'])).toEqual({
      courses: 1_000_000,
      seed: 42,
      today: '2026-03-01',
      clinics: 300,
      append: true,
    });
  });

  it('names the option that is wrong', () => {
    const error = (args: string[]) => {
      const parsed = parsePopulationArgs(args);
      return 'error' in parsed ? parsed.error : undefined;
    };
    expect(error(['--seed', '3'])).toMatch(/^--courses is required/);
    expect(error(['--courses'])).toBe('--courses needs a value');
    expect(error(['--courses', '0'])).toMatch(/^--courses must be a whole number from 1/);
    expect(error(['--courses', '12.5'])).toMatch(/^--courses must be a whole number/);
    expect(error(['--courses', '-3'])).toMatch(/^--courses must be a whole number/);
    expect(error(['--courses', '10', '--seed', 'x'])).toMatch(/^--seed must be a whole number/);
    expect(error(['--courses', '10', '--today', '2026-02-30'])).toBe('--today must be a calendar date YYYY-MM-DD, got "2026-02-30"');
    expect(error(['--courses', '10', '--clinics', '11'])).toBe('--clinics (11) must not exceed --courses (10)');
    expect(error(['--courses', '10', '--append=yes'])).toBe('--append takes no value');
    expect(error(['--courses', '10', '--jurisdiction', 'UK'])).toMatch(/^--jurisdiction is for the demo clinic/);
    expect(error(['--courses', '10', '--fast'])).toBe('unknown option "--fast"');
  });
});
