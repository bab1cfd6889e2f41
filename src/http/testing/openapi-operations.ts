import type { HttpClient } from './http-client.js';

/**
 * The operations the server documents in `GET /api/openapi.json`: tests that must cover every
 * route read them from there, so a new route is covered the day it is added.
 */
export interface Operation {
  readonly operationId: string;
  readonly method: string;
  /** OpenAPI path template, e.g. `/api/courses/{courseId}`. */
  readonly path: string;
  readonly pathParams: readonly string[];
  readonly hasBody: boolean;
  /** `security: []`: reachable without a session. */
  readonly public: boolean;
}

interface OpenApiOperation {
  operationId: string;
  requestBody?: unknown;
  security?: unknown[];
}

export async function documentedOperations(client: HttpClient): Promise<Operation[]> {
  const response = await client.get('/api/openapi.json');
  if (response.status !== 200) throw new Error(`GET /api/openapi.json: ${response.status}`);
  const doc = response.json<{ paths: Record<string, Record<string, OpenApiOperation>> }>();
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      operations.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? ''),
        hasBody: op.requestBody !== undefined,
        public: Array.isArray(op.security) && op.security.length === 0,
      });
    }
  }
  return operations;
}

/** Fills a path template from parameter values (URL-encoded), or `raw` ones as they are. */
export function fillPath(path: string, values: (name: string) => string, raw: Readonly<Record<string, string>> = {}): string {
  return path.replace(/\{([^}]+)\}/g, (_m, name: string) => raw[name] ?? encodeURIComponent(values(name)));
}
