import { z } from 'zod';
import { problemSchema } from '../contracts/problem.js';
import type { RouteDefinition } from './route.js';

type JsonObject = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  const generated = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as JsonObject;
  // OpenAPI 3.1 uses JSON Schema 2020-12 but does not want $schema inside each schema
  const { $schema: _ignored, ...rest } = generated;
  return rest;
}

const problemResponse = (description: string): JsonObject => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** Query parameters from an object schema: one parameter per property, with its schema. */
function queryParameters(schema: z.ZodType): JsonObject[] {
  const json = jsonSchema(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set(Array.isArray(json.required) ? json.required : []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }));
}

/** Builds the OpenAPI 3.1 document from the route definitions (never written by hand). */
export function buildOpenApi(routes: readonly RouteDefinition[], version: string): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const responses: JsonObject = {};
    for (const [status, response] of Object.entries(route.responses)) {
      responses[status] =
        response.schema === undefined
          ? { description: response.description }
          : {
              description: response.description,
              content: { [response.contentType ?? 'application/json']: { schema: jsonSchema(response.schema, 'output') } },
            };
    }
    if (route.body !== undefined) {
      responses['400'] ??= problemResponse('Invalid JSON or invalid fields (every issue is listed)');
      responses['415'] ??= problemResponse('The body is not application/json');
    }
    responses['500'] ??= problemResponse('Unexpected error (no internals are revealed)');
    // a signed-out caller gets 401 from every route that is not public (src/http/route.ts)
    if (route.public !== true) responses['401'] ??= problemResponse('Sign in first');
    const operation: JsonObject = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [...route.tags],
      responses,
      ...(route.public === true ? { security: [] } : {}),
    };
    if (route.body !== undefined) {
      operation.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } };
    }
    const params = [...route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const query = route.query === undefined ? [] : queryParameters(route.query);
    if (route.query !== undefined) responses['400'] ??= problemResponse('Invalid query parameters (every issue is listed)');
    if (params.length + query.length > 0) operation.parameters = [...params, ...query];
    paths[path] = { ...(paths[path] ?? {}), [route.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'isocourse API',
      version,
      description:
        'The isotretinoin course record for clinic, patient and pharmacy. Errors are RFC 9457 problem details ' +
        '(application/problem+json) with a stable `code`. Every response carries an `x-request-id` header.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/' }],
    // the session cookie is required unless an operation says `security: []`
    security: [{ session: [] }],
    paths,
    components: {
      schemas: { Problem: jsonSchema(problemSchema, 'output') },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'isocourse_session', description: 'Set by POST /api/auth/login; unsafe methods also need the x-csrf-token header from the sign-in answer.' },
      },
    },
  };
}
