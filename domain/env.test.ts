import assert from 'node:assert/strict'
import { z } from 'zod'
import { booleanString, ConfigError, parseEnv, port } from './env.ts'

const schema = z.object({ FLAG: booleanString(false), PORT: port(3000), URL: z.string().url() })

describe('parseEnv', () => {
  const table: [env: Record<string, string>, flag: boolean, portNo: number][] = [
    [{ URL: 'http://x' }, false, 3000],
    [{ URL: 'http://x', FLAG: 'true', PORT: '8080' }, true, 8080],
    [{ URL: 'http://x', FLAG: 'false' }, false, 3000],
  ]
  for (const [env, flag, portNo] of table) {
    it(`parses ${JSON.stringify(env)}`, () => {
      const cfg = parseEnv(schema, env)
      assert.equal(cfg.FLAG, flag)
      assert.equal(cfg.PORT, portNo)
      assert.ok(Object.isFrozen(cfg))
    })
  }

  it('refuses booleans other than true/false instead of treating them as true', () => {
    assert.throws(() => parseEnv(schema, { URL: 'http://x', FLAG: 'yes' }), (e: ConfigError) => e.variables.includes('FLAG'))
  })

  it('names every bad variable and says whether it is missing or malformed', () => {
    assert.throws(() => parseEnv(schema, { PORT: '99999' }), (e: ConfigError) => {
      assert.deepEqual(e.variables.sort(), ['PORT', 'URL'])
      assert.match(e.message, /URL: .*it is not set/)
      assert.match(e.message, /PORT: .*its value is not valid/)
      return true
    })
  })
})
