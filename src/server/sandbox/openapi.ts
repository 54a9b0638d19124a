import * as z from 'zod/mini';
import { LinkedAccountListSchema } from '../../contract/accounts';
import { CreateResultSchema, ErrorBodySchema, paginated, result } from '../../contract/envelopes';
import { AttachmentSchema, ConversationSchema, MessageSchema, UserSchema } from '../../contract/models';
import { operations, type Operation } from '../../contract/operations';
import { CreateConversationBodySchema, SendMessageBodySchema } from '../../contract/requests';

const json = (schema: z.ZodMiniType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

const models: Record<string, z.ZodMiniType> = {
  Conversations: ConversationSchema,
  Messages: MessageSchema,
  Attachments: AttachmentSchema,
  Users: UserSchema,
};

const listParams = [
  {
    name: 'page_size',
    in: 'query',
    schema: { type: 'string' },
    description: 'Results per page, 1 to 100 (default 25)',
  },
  { name: 'next', in: 'query', schema: { type: 'string' }, description: 'The cursor of the next page' },
  {
    name: 'filter',
    in: 'query',
    style: 'deepObject',
    explode: true,
    schema: { type: 'object', properties: { updated_after: { type: 'string', format: 'date-time' } } },
  },
  { name: 'updated_after', in: 'query', deprecated: true, schema: { type: 'string', format: 'date-time' } },
];
const recordParams = [
  { name: 'fields', in: 'query', schema: { type: 'string' }, description: 'Comma-separated fields to return' },
  { name: 'raw', in: 'query', schema: { type: 'boolean' }, description: 'Include the provider requests in `raw`' },
  {
    name: 'proxy',
    in: 'query',
    style: 'deepObject',
    explode: true,
    schema: { type: 'object', additionalProperties: true },
  },
];
const accountHeader = { name: 'x-account-id', in: 'header', required: true, schema: { type: 'string' } };

function modelFor(operation: Operation): z.ZodMiniType {
  if (operation.tag === 'Accounts') return LinkedAccountListSchema;
  const model = models[operation.tag]!;
  return operation.kind === 'list' ? paginated(model) : result(model);
}

function describe(operation: Operation) {
  const pathParams = [...operation.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const errors = Object.fromEntries(
    [400, 401, 403, 404, 408, 409, 412, 413, 422, 429, 500, 502].map((status) => [
      status,
      { description: 'StackOne error body', content: { 'application/json': { schema: json(ErrorBodySchema) } } },
    ]),
  );
  const base = {
    operationId: operation.id,
    summary: operation.summary,
    tags: [operation.tag],
    security: [{ basic: [] }],
    responses: errors as Record<string, unknown>,
  };
  const headers = operation.kind === 'accounts' ? [] : [accountHeader];
  if (operation.kind === 'create') {
    const body = operation.tag === 'Messages' ? SendMessageBodySchema : CreateConversationBodySchema;
    return {
      ...base,
      parameters: [...headers, { name: 'Idempotency-Key', in: 'header', schema: { type: 'string' } }],
      requestBody: { required: true, content: { 'application/json': { schema: json(body) } } },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: json(CreateResultSchema) } } },
        ...base.responses,
      },
    };
  }
  if (operation.kind === 'download') {
    return {
      ...base,
      parameters: [
        ...headers,
        ...pathParams,
        { name: 'format', in: 'query', schema: { type: 'string', enum: ['base64'] } },
        { name: 'export_format', in: 'query', schema: { type: 'string' }, description: 'A MIME type, e.g. text/plain' },
      ],
      responses: {
        200: { description: 'The file', content: { '*/*': { schema: { type: 'string', format: 'binary' } } } },
        ...base.responses,
      },
    };
  }
  const params =
    operation.kind === 'list' ? [...recordParams, ...listParams] : operation.kind === 'get' ? recordParams : [];
  return {
    ...base,
    parameters: [...headers, ...pathParams, ...params],
    responses: {
      200: { description: 'OK', content: { 'application/json': { schema: json(modelFor(operation)) } } },
      ...base.responses,
    },
  };
}

/** An OpenAPI 3.1 description of what the sandbox serves, generated from the contract schemas. */
export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method.toLowerCase()] = describe(operation);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'StackOne Messaging sandbox',
      version: '1.0.0',
      description:
        'A local, StackOne-compatible unified Messaging API over SQLite. Authenticate with HTTP Basic: the sandbox key as user name, empty password.',
    },
    servers: [{ url: serverUrl }],
    components: { securitySchemes: { basic: { type: 'http', scheme: 'basic' } } },
    paths,
  };
}
