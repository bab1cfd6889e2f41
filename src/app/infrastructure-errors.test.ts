import { describe, expect, it } from 'vitest';
import { classifyInfrastructureError } from './infrastructure-errors.js';

const withCode = (code: string, message = 'x'): Error => Object.assign(new Error(message), { code });

describe('telling a slow or absent database from a bug', () => {
  it('calls a statement cancelled by statement_timeout (57014) or lock_timeout (55P03) a timeout', () => {
    expect(classifyInfrastructureError(withCode('57014', 'canceling statement due to statement timeout'))).toBe('timeout');
    expect(classifyInfrastructureError(withCode('55P03'))).toBe('timeout');
  });

  it('calls a wait for a pooled connection that ran out of time a timeout', () => {
    expect(classifyInfrastructureError(new Error('timeout exceeded when trying to connect'))).toBe('timeout');
  });

  it('calls a server shutting down, starting up, out of connections or unreachable unavailable', () => {
    for (const code of ['57P01', '57P02', '57P03', '53300', '08006', '08001', 'ECONNREFUSED', 'ECONNRESET']) {
      expect(classifyInfrastructureError(withCode(code)), code).toBe('unavailable');
    }
    expect(classifyInfrastructureError(new Error('Connection terminated unexpectedly'))).toBe('unavailable');
    expect(classifyInfrastructureError(new Error('Client has encountered a connection error and is not queryable'))).toBe('unavailable');
  });

  it('leaves constraint violations, syntax errors and plain bugs to the other handlers', () => {
    for (const code of ['23505', '23503', '42601', '42501', '22P02']) expect(classifyInfrastructureError(withCode(code)), code).toBeUndefined();
    expect(classifyInfrastructureError(new TypeError('undefined is not a function'))).toBeUndefined();
    expect(classifyInfrastructureError(new Error('timeout exceeded when trying to connect, said a user'))).toBeUndefined();
    expect(classifyInfrastructureError('57014')).toBeUndefined();
    expect(classifyInfrastructureError(null)).toBeUndefined();
  });
});
