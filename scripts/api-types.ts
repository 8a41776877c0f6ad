/**
 * The web client's types, generated from the OpenAPI document the API serves at /api/openapi.json,
 * built here from the route specs themselves, so no server has to run.
 */
import ts from 'typescript';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { openApiDocument } from '../api/openapi';
import { allRoutes } from '../api/routes';

export const API_TYPES_FILE = 'web/src/lib/api-schema.d.ts';

const HEADER = '// Generated from /api/openapi.json by `npm run gen:api-types`; do not edit.\n\n';

/** The text of `API_TYPES_FILE` for the routes as they are now. */
export async function apiTypesSource(): Promise<string> {
  // The server URL is the only part of the document that depends on where it is served.
  const document = openApiDocument(allRoutes, { version: '0.1.0', serverUrl: '/' });
  // Plain JSON that openApiDocument types loosely (strings where OpenAPI has unions).
  const ast = await openapiTS(document as unknown as OpenAPI3, {
    // A file part of a multipart body is what the browser sends: a Blob (a File is one).
    transform: (schema) => (schema.format === 'binary' ? ts.factory.createTypeReferenceNode('Blob') : undefined),
  });
  return HEADER + astToString(ast);
}
