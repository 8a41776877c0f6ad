import { z, type ZodType } from 'zod';
import type { RouteSpec } from './route';
import { errorReplySchema } from './errors';

const jsonSchema = (schema: ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<string, unknown>;

const toOpenApiPath = (p: string) => p.replace(/:(\w+)/g, '{$1}');

function parameters(spec: RouteSpec): unknown[] {
  const out: unknown[] = [];
  for (const [where, schema] of [
    ['path', spec.params],
    ['query', spec.query],
  ] as const) {
    if (!schema) continue;
    const js = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, s] of Object.entries(js.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: s });
    }
  }
  return out;
}

/** The OpenAPI 3 document, generated from the same zod schemas that validate requests. */
export function openApiDocument(specs: RouteSpec[], info: { version: string; serverUrl: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of specs) {
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(spec.responses)) {
      responses[status] = r.schema ? { description: r.description, content: { 'application/json': { schema: jsonSchema(r.schema, 'output') } } } : { description: r.description };
    }
    const errors: Record<number, string> = { 422: 'Dữ liệu không hợp lệ', 500: 'Lỗi hệ thống' };
    if (spec.auth !== 'public') Object.assign(errors, { 401: 'Thiếu hoặc sai token', 403: 'Không có quyền' });
    for (const [status, description] of Object.entries(errors)) {
      responses[status] ??= { description, content: { 'application/json': { schema: jsonSchema(errorReplySchema, 'output') } } };
    }
    const content = spec.bodyContent ?? (spec.body ? { 'application/json': { schema: jsonSchema(spec.body, 'input') } } : undefined);
    (paths[toOpenApiPath(spec.path)] ??= {})[spec.method] = {
      summary: spec.summary,
      tags: [spec.tag],
      ...(spec.auth === 'public' ? { security: [] } : { 'x-roles': spec.auth, 'x-agency-scope': spec.agencyScope ?? 'none' }),
      parameters: parameters(spec),
      ...(content ? { requestBody: { required: true, content } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Giao việc API', version: info.version, description: 'Theo dõi nhiệm vụ của các kế hoạch tỉnh — DESIGN.md §10.' },
    servers: [{ url: info.serverUrl }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths,
  };
}
