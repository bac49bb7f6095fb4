import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { cp, mkdtemp, appendFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ROOT } from '../ops/stack/paths.ts'
import { testStack } from './support/stack.ts'

function dbCheck(cwd: string) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'ops/prisma-migration.mjs'), 'check'],
      { cwd, env: { ...process.env, DATABASE_URL: testStack().env.DATABASE_URL } })
    let output = ''
    child.stdout.on('data', (d: Buffer) => { output += d })
    child.stderr.on('data', (d: Buffer) => { output += d })
    child.on('close', (code) => resolve({ code, output }))
  })
}

describe('npm run db:check (migrations cover the Prisma schema)', function () {
  this.timeout(60_000)

  it('passes on the committed schema and migrations', async () => {
    const { code, output } = await dbCheck(ROOT)
    assert.equal(code, 0, output)
    assert.match(output, /Migrations cover prisma\/schema\.prisma/)
  })

  it('fails, printing the missing SQL, when the schema has a change no migration covers', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fanz-dbcheck-'))
    try {
      await cp(path.join(ROOT, 'prisma'), path.join(dir, 'prisma'), { recursive: true })
      await appendFile(path.join(dir, 'prisma/schema.prisma'), '\nmodel Uncovered {\n  id Int @id\n}\n')
      const { code, output } = await dbCheck(dir)
      assert.equal(code, 1)
      assert.match(output, /CREATE TABLE "Uncovered"/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('applied every migration to the test database', async () => {
    const pg = (await import('pg')).default
    const client = new pg.Client({ connectionString: testStack().env.DATABASE_URL })
    await client.connect()
    const { rows } = await client.query('SELECT name FROM pgmigrations ORDER BY id')
    await client.end()
    assert.ok(rows.some((r: { name: string }) => r.name.endsWith('_init')))
  })
})
