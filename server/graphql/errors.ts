import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { DomainError, errorMessage, ErrorCode, Lang } from '../common/errors';
import type { Logger } from '../logger';

/**
 * The one place errors become what clients see: a stable `extensions.code`, `message` in Chinese,
 * `extensions.messageEn` in English (the client's language switch picks one without asking again).
 * Anything unexpected is logged with its stack and masked as INTERNAL: no SQL, no stack, no secret leaves.
 */
const GRAPHQL_CODES: Record<string, ErrorCode> = {
  GRAPHQL_PARSE_FAILED: ErrorCode.BAD_REQUEST,
  GRAPHQL_VALIDATION_FAILED: ErrorCode.BAD_REQUEST,
  BAD_USER_INPUT: ErrorCode.VALIDATION_FAILED,
  BAD_REQUEST: ErrorCode.BAD_REQUEST,
  OPERATION_RESOLUTION_FAILURE: ErrorCode.BAD_REQUEST,
  PERSISTED_QUERY_NOT_SUPPORTED: ErrorCode.BAD_REQUEST,
};

function validationReason(error: ArgumentValidationError): string {
  return error.extensions.validationErrors
    .flatMap((v) => [...Object.values(v.constraints ?? {}), ...(v.children ?? []).flatMap((c) => Object.values(c.constraints ?? {}))])
    .join('; ');
}

export function createErrorFormatter(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? error.originalError ?? error : error;
    const base = { locations: formatted.locations, path: formatted.path };
    if (original instanceof DomainError) {
      return { ...base, message: original.localized('zh'), extensions: { code: original.code, messageEn: original.localized('en'), ...(original.details !== undefined ? { details: original.details } : {}) } };
    }
    if (original instanceof ArgumentValidationError) {
      const reason = validationReason(original);
      return { ...base, message: errorMessage(ErrorCode.VALIDATION_FAILED, { reason }), extensions: { code: ErrorCode.VALIDATION_FAILED, messageEn: errorMessage(ErrorCode.VALIDATION_FAILED, { reason }, 'en') } };
    }
    const existing = formatted.extensions?.code as string | undefined;
    if (existing && (Object.values(ErrorCode) as string[]).includes(existing)) return formatted;
    if (existing && GRAPHQL_CODES[existing]) {
      const code = GRAPHQL_CODES[existing];
      const reason = formatted.message;
      return { ...base, message: errorMessage(code, { reason }), extensions: { code, messageEn: errorMessage(code, { reason }, 'en') } };
    }
    // GraphQL's own errors without a code (e.g. a variable of the wrong type) are the caller's mistake.
    if (error instanceof GraphQLError && !error.originalError) {
      return { ...base, message: errorMessage(ErrorCode.BAD_REQUEST, { reason: formatted.message }), extensions: { code: ErrorCode.BAD_REQUEST, messageEn: errorMessage(ErrorCode.BAD_REQUEST, { reason: formatted.message }, 'en') } };
    }
    log.error('unexpected error', { error: original instanceof Error ? original : String(original), path: formatted.path?.join('.') });
    return { ...base, message: errorMessage(ErrorCode.INTERNAL), extensions: { code: ErrorCode.INTERNAL, messageEn: errorMessage(ErrorCode.INTERNAL, {}, 'en') } };
  };
}

/** Swaps each message for its English text when the caller asked for English. */
export function localizeErrors<T extends GraphQLFormattedError>(errors: readonly T[], lang: Lang): T[] {
  if (lang === 'zh') return [...errors];
  return errors.map((e) => (typeof e.extensions?.messageEn === 'string' ? { ...e, message: e.extensions.messageEn } : e));
}
