import type { ErrorRequestHandler } from 'express';
import { z, ZodError } from 'zod';
import { ServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError, isGrpcServiceError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Logger } from '../runtime/logger';
import { DOMAIN_ERROR_STATUS, type DomainErrorType } from '../domain/errors';
import { ImportTooLargeError } from '../domain/import';

/** One problem of a refused request: the field, `row`/`column`, or parameter it is about, and what to do. */
export const errorDetailSchema = z.object({
  field: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  message: z.string(),
  /** Names the directory knows that an unknown agency name may have meant (imports). */
  suggestions: z.array(z.string()).optional(),
});
export type ErrorDetail = z.infer<typeof errorDetailSchema>;

/** The body of every error reply (DESIGN.md §10). */
export const errorReplySchema = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.array(errorDetailSchema) }) });

/** An error with an HTTP status, sent as `{"error": {"code", "message", "details"}}` (DESIGN.md §10). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: ErrorDetail[]) => new HttpError(400, 'bad_request', message, details);
export const unauthorized = (message = 'Thiếu hoặc sai mã truy cập (token).') => new HttpError(401, 'unauthorized', message);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.') => new HttpError(403, 'forbidden', message);
export const notFound = (what: string) => new HttpError(404, 'not_found', `Không tìm thấy ${what}.`);
export const conflict = (message: string, details?: ErrorDetail[]) => new HttpError(409, 'conflict', message, details);
export const unprocessable = (message: string, details?: ErrorDetail[]) => new HttpError(422, 'invalid_data', message, details);
export const unavailable = (message: string) => new HttpError(503, 'unavailable', message);

/** zod issues as details naming each field by its path ("coordinatingAgencies.1"). */
export function zodDetails(err: ZodError, prefix?: string): ErrorDetail[] {
  return err.issues.map((i) => ({
    field: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || prefix || '(body)',
    message: i.message,
  }));
}

function fromApplicationFailure(failure: ApplicationFailure): HttpError {
  const type = (failure.type ?? '') as DomainErrorType;
  const status = DOMAIN_ERROR_STATUS[type] ?? 409;
  const details = Array.isArray(failure.details?.[0]) ? (failure.details[0] as ErrorDetail[]) : [];
  return new HttpError(status, type || 'conflict', failure.message, details);
}

/** Postgres states and socket errors of a connection that was cut or refused (restart, pg_terminate_backend). */
const CONNECTION_LOST = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE']);

/**
 * The same, as pg words it without a code. "not queryable" is a client whose connection already broke; a
 * transaction cut in the middle throws it from its ROLLBACK, which is the error Drizzle then raises.
 */
const LOST_MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|is not queryable/i;

/** A lost database connection, raw or wrapped by Drizzle (`cause`): the request can be retried. */
function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err as { code?: string; message?: string; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && CONNECTION_LOST.has(e.code)) return true;
    if (typeof e.message === 'string' && LOST_MESSAGES.test(e.message)) return true;
  }
  return false;
}

/** Map anything thrown by a handler to the HTTP error a client can act on. */
export function toHttpError(err: unknown): HttpError | undefined {
  if (err instanceof HttpError) return err;
  if (err instanceof ZodError) return unprocessable('Dữ liệu không hợp lệ.', zodDetails(err));
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) return fromApplicationFailure(err.cause);
  if (err instanceof ApplicationFailure) return fromApplicationFailure(err);
  if (err instanceof WorkflowNotFoundError) return new HttpError(409, 'not_running', 'Quy trình của nhiệm vụ chưa chạy hoặc đã đóng.');
  if (isDatabaseUnavailable(err)) return unavailable('Cơ sở dữ liệu tạm thời không phản hồi, xin thử lại sau.');
  // Temporal unreachable or too slow (UNAVAILABLE, DEADLINE_EXCEEDED), raw or wrapped by the client.
  const grpc = err instanceof ServiceError ? err.cause : err;
  if (isGrpcServiceError(grpc) && [4, 14].includes(grpc.code ?? -1)) {
    return unavailable('Máy chủ quy trình (Temporal) tạm thời không phản hồi, xin thử lại sau.');
  }
  const e = err as { type?: string; status?: number; code?: string } | undefined;
  // A path with broken percent-encoding ("%E0%A4%A"): the router cannot decode its parameters.
  if (err instanceof URIError) return badRequest('Đường dẫn không hợp lệ (malformed URL encoding).');
  if (e?.type === 'entity.parse.failed') return badRequest('Nội dung JSON không đọc được (malformed JSON).');
  if (e?.type === 'entity.too.large' || e?.code === 'LIMIT_FILE_SIZE' || err instanceof ImportTooLargeError) return new HttpError(413, 'payload_too_large', 'Dữ liệu gửi lên quá lớn (tối đa 10 MB).');
  if ((err as Error | undefined)?.name === 'MulterError') {
    const m = err as Error & { field?: string };
    return unprocessable('Tệp gửi lên không hợp lệ.', [{ field: m.field ?? 'file', message: m.message }]);
  }
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') return new HttpError(415, 'unsupported_media_type', 'Bảng mã không được hỗ trợ.');
  return undefined;
}

export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const http = toHttpError(err);
    if (!http) {
      logger.error({ err, method: req.method, url: req.originalUrl }, 'unhandled error');
    } else if (http.status >= 500) {
      logger.warn({ err, method: req.method, url: req.originalUrl }, http.message);
    }
    const body = http ?? new HttpError(500, 'internal_error', 'Đã có lỗi trong hệ thống; lỗi đã được ghi lại.');
    if (res.headersSent) return;
    res.status(body.status).json({ error: { code: body.code, message: body.message, details: body.details } });
  };
}
