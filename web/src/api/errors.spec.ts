import { AxiosError, AxiosHeaders, type AxiosResponse } from 'axios'
import { describe, expect, it } from 'vitest'
import { ApiError, fieldErrorsOf, toApiError } from './errors'

function failed(status: number, data: unknown): AxiosError {
  const config = { headers: new AxiosHeaders() }
  const response = { status, statusText: '', data, headers: {}, config } as AxiosResponse
  return new AxiosError(`Request failed with status code ${status}`, 'ERR_BAD_RESPONSE', config, null, response)
}

const known: Record<string, string> = {
  'errors.auth.invalid_credentials': '用户名或密码错误',
  'errors.fallback.network': '无法连接服务器',
  'errors.fallback.server': '服务器出错了',
  'fieldError.messages.required': '必填',
  'fieldError.labels.phone': '电话',
  'fieldError.withLabel': '{label}：{message}',
}
const translate = (key: string, params: Record<string, string> = {}) =>
  known[key]?.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '')

describe('toApiError', () => {
  it('keeps the status, code and per-field details of an error body', () => {
    const error = toApiError(
      failed(400, {
        code: 'validation.failed',
        message: 'The customer is not valid',
        details: { phone: 'must be 11 digits', note: 7 },
      }),
      translate,
    )
    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(400)
    expect(error.code).toBe('validation.failed')
    expect(error.message).toBe('The customer is not valid')
    expect(error.details).toEqual({ phone: '电话：must be 11 digits' })
  })

  it('shows the field messages in the console language: known ones translated, others after the label', () => {
    const error = toApiError(
      failed(400, {
        code: 'validation.failed',
        message: 'invalid request',
        details: { title: 'is required', phone: 'must be 11 digits', other: 'is odd' },
      }),
      translate,
    )
    expect(error.details).toEqual({ title: '必填', phone: '电话：must be 11 digits', other: 'is odd' })
  })

  it('prefers the localised text for a code the console knows', () => {
    const error = toApiError(
      failed(401, { code: 'auth.invalid_credentials', message: 'invalid username or password' }),
      translate,
    )
    expect(error.message).toBe('用户名或密码错误')
    expect(error.details).toEqual({})
  })

  it('falls back to a generic text when the body is not an error body', () => {
    expect(toApiError(failed(502, '<html>Bad Gateway</html>'), translate).message).toBe('服务器出错了')
    const offline = new AxiosError('Network Error', 'ERR_NETWORK', { headers: new AxiosHeaders() })
    const error = toApiError(offline, translate)
    expect(error.status).toBe(0)
    expect(error.code).toBe('network')
    expect(error.message).toBe('无法连接服务器')
  })
})

describe('fieldErrorsOf', () => {
  it('answers the details of an API error and nothing for other failures', () => {
    expect(fieldErrorsOf(new ApiError(400, 'validation.failed', 'bad', { code: 'taken' }))).toEqual({
      code: 'taken',
    })
    expect(fieldErrorsOf(new Error('boom'))).toEqual({})
  })
})
