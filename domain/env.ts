/** Pure helpers for parsing environment variables with zod; each deployable's config.ts uses them. */
import { z } from 'zod'

/** 'true' / 'false' only: never Boolean(str), which is true for 'false'. */
export const booleanString = (fallback: boolean) =>
  z.enum(['true', 'false']).default(fallback ? 'true' : 'false').transform((v) => v === 'true')

export const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback)

/** http(s) URL: z.string().url() alone accepts 'localhost:5432' as a URL with scheme 'localhost:'. */
export const httpUrl = z.string().regex(/^https?:\/\/[^\s/]+/, 'expected an http(s):// URL')
export const postgresUrl = z.string().regex(/^postgres(ql)?:\/\/[^\s]+$/, 'expected postgresql://user:password@host:port/database')
export const hostPort = z.string().regex(/^[\w.-]+:\d{1,5}$/, 'expected host:port')

export class ConfigError extends Error {
  constructor(readonly variables: string[], message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

/** Parses env with the schema; on failure throws one error naming every bad variable. */
export function parseEnv<S extends z.ZodObject>(schema: S, env: Record<string, string | undefined>): Readonly<z.output<S>> {
  const result = schema.safeParse(env)
  if (result.success) return Object.freeze(result.data)
  const lines = result.error.issues.map((i) => {
    const name = i.path.join('.')
    const got = env[name] === undefined ? 'it is not set' : 'its value is not valid'
    return `  ${name}: ${i.message} (${got})`
  })
  const names = [...new Set(result.error.issues.map((i) => i.path.join('.')))]
  throw new ConfigError(names, `Invalid configuration:\n${lines.join('\n')}`)
}
