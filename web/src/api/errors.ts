import { AxiosError } from 'axios'
import { localiseDetails } from './field-messages'

/** The error body every endpoint answers with a 4xx/5xx status. */
export interface ApiErrorBody {
  code: string
  message: string
  details?: Record<string, string>
}

/** A failed request, normalised: the status, the server's stable code, a message to show and per-field details. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details: Record<string, string>

  constructor(status: number, code: string, message: string, details: Record<string, string> = {}) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
  }
}

/** Looks up a localised text for a key, filling in its {params}; answers undefined when there is none. */
export type Translate = (key: string, params?: Record<string, string>) => string | undefined

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false
  const body = value as Record<string, unknown>
  return typeof body.code === 'string' && typeof body.message === 'string'
}

function stringDetails(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {}
  const details: Record<string, string> = {}
  for (const [field, message] of Object.entries(value)) {
    if (typeof message === 'string' && message !== '') details[field] = message
  }
  return details
}

/**
 * Turns whatever axios rejected with into an ApiError. The message is the localised text for the
 * server's code when the front end knows the code (`errors.<code>`), else the server's own message,
 * else a generic text: `errors.fallback.network` (no answer, status 0), `.server` (5xx) or `.unknown`.
 * The per-field details come in the console's language too (field-messages.ts), so that every form
 * shows them as they are.
 */
export function toApiError(error: unknown, translate: Translate): ApiError {
  if (error instanceof ApiError) return error
  if (!(error instanceof AxiosError)) {
    const message = error instanceof Error ? error.message : String(error)
    return new ApiError(0, 'client.error', message)
  }
  const status = error.response?.status ?? 0
  const body: unknown = error.response?.data
  if (isErrorBody(body)) {
    const message = translate(`errors.${body.code}`) || body.message
    return new ApiError(status, body.code, message, localiseDetails(stringDetails(body.details), translate))
  }
  const kind = status === 0 ? 'network' : status >= 500 ? 'server' : 'unknown'
  const message = translate(`errors.fallback.${kind}`) || error.message
  return new ApiError(status, status === 0 ? 'network' : `http.${status}`, message)
}

/** The per-field messages of a failed save, to show on the form items; empty for any other failure. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  return error instanceof ApiError ? { ...error.details } : {}
}
