import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem, type FieldIssue } from './problem.js';

/**
 * SEC-HOSTILE-INPUT (docs/rules/SEC-HOSTILE-INPUT.md): bad input is the client's mistake and is
 * answered with a 4xx problem, never a 5xx. Three walls, each for what the one before cannot see:
 * 1. every JSON body, before its route's schema: no U+0000 (PostgreSQL text and jsonb cannot hold
 *    it), no lone surrogate (not Unicode: stored, it would silently become U+FFFD), no nesting
 *    deeper than MAX_BODY_DEPTH (a body nested 100 000 deep overflows the stack of any recursive
 *    reader, JSON.stringify included);
 * 2. a value the schema accepts but the database cannot store (year 0 of a DATE column, a number
 *    out of range): SQLSTATE class 22, "data exception", is a 400, not a 500;
 * 3. a path the router cannot decode (bad percent-encoding) or an overlong path segment: 404
 *    problem, as any id that names nothing.
 */
export const HOSTILE_INPUT_RULE_ID = 'SEC-HOSTILE-INPUT';
/** Deeper than any body of this API needs (the deepest is about 6 levels). */
export const MAX_BODY_DEPTH = 32;
/** Enough issues to see what is wrong; a hostile body could otherwise produce a huge answer. */
const MAX_ISSUES = 20;

const LONE_SURROGATE = /\p{Cs}/u;

function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains U+0000 (NUL), which cannot be stored';
  if (LONE_SURROGATE.test(text)) return 'contains a lone surrogate: not valid Unicode text';
  return undefined;
}

function pointerOf(parent: string, key: string): string {
  return `${parent}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

/** What no body may hold, found without recursion (a deep body cannot overflow this walk). */
export function hostileBodyIssues(body: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const stack: Array<{ value: unknown; pointer: string; depth: number }> = [{ value: body, pointer: '', depth: 0 }];
  while (issues.length < MAX_ISSUES) {
    const item = stack.pop();
    if (item === undefined) break;
    const { value, pointer, depth } = item;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem !== undefined) issues.push({ pointer: pointer === '' ? '/' : pointer, detail: problem });
      continue;
    }
    // numbers, booleans, null; a raw upload (Buffer) is bytes, not text
    if (typeof value !== 'object' || value === null || Buffer.isBuffer(value)) continue;
    if (depth >= MAX_BODY_DEPTH) {
      issues.push({ pointer: pointer === '' ? '/' : pointer, detail: `nested deeper than ${MAX_BODY_DEPTH} levels` });
      continue;
    }
    const entries: Array<[string, unknown]> = Array.isArray(value) ? value.map((v: unknown, i) => [String(i), v]) : Object.entries(value);
    for (const [key, child] of entries) {
      const childPointer = pointerOf(pointer, key);
      const keyProblem = textProblem(key);
      if (keyProblem !== undefined) issues.push({ pointer: childPointer, detail: `the field name ${keyProblem}` });
      stack.push({ value: child, pointer: childPointer, depth: depth + 1 });
    }
  }
  return issues;
}

/** SQLSTATE class 22 ("data exception"): the value, not the server, is wrong. */
export function isDataException(error: unknown): error is { code: string } {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && /^22[0-9A-Z]{3}$/.test(error.code);
}

/** Answers a data exception with a 400 problem (and logs its SQLSTATE only: no row values). */
export function answerDataException(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
  if (!isDataException(error)) return undefined;
  request.log.warn({ sqlstate: error.code }, 'a request value the database cannot store');
  return sendProblem(reply, request, 'invalid_input', 'A value in the request cannot be stored: a date outside years 1 to 9999, a number out of range, or text that is not valid.');
}

/**
 * Fastify's answer to a path it cannot route (bad percent-encoding, a segment over the router's
 * length limit) is plain JSON that echoes the path; ours is a 404 problem, as for any id that
 * names nothing, with the request id.
 */
export function answerFrameworkError(_error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  void sendProblem(reply.header('x-request-id', request.id), request, 'not_found', 'No such resource: the address is malformed.');
}
