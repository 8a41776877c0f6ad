/**
 * Business errors with stable names. Workflows throw them as `ApplicationFailure`s whose `type` is
 * the name below, and the API maps the type to an HTTP status, so these names are API.
 */
export const DOMAIN_ERROR_STATUS = {
  /** The caller's role or agency may not do this to this task. */
  Forbidden: 403,
  /** The task's current state does not allow this command. */
  InvalidTransition: 409,
  /** The command's data is wrong (a date before another, a percentage going backwards). */
  InvalidInput: 422,
  NotFound: 404,
} as const;

export type DomainErrorType = keyof typeof DOMAIN_ERROR_STATUS;

export interface DomainErrorDetail {
  field?: string;
  message: string;
}

/** A rejected command: what kind of rejection, a message for people, and the fields concerned. */
export class DomainError extends Error {
  constructor(
    readonly type: DomainErrorType,
    message: string,
    readonly details: DomainErrorDetail[] = [],
  ) {
    super(message);
    this.name = type;
  }
}
