import type { Logger } from '../ports'
import { redact, redactText } from './redact'

export type LogLevel = 'info' | 'warn' | 'error'
export type LogSink = (level: LogLevel, line: string) => void

export const consoleSink: LogSink = (level, line) => {
  const write = level === 'error' ? console.error : level === 'warn' ? console.warn : console.log
  write(line)
}

/** Every log line passes through the redactor before any sink sees it. */
export function createLogger(sink: LogSink = consoleSink): Logger {
  const log = (level: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    const suffix = fields ? ` ${JSON.stringify(redact(fields))}` : ''
    sink(level, `[${level}] ${redactText(message)}${suffix}`)
  }
  return { info: log('info'), warn: log('warn'), error: log('error') }
}
