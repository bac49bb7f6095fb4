#!/usr/bin/env node
// Offline SQL generation for Prisma 7 + PostgreSQL without the native schema-engine binary.
// Uses Prisma's own schema engine compiled to WebAssembly (@prisma/schema-engine-wasm, pinned to the
// engine hash of the installed `prisma` CLI) for a pure schema->schema diff, i.e. the same SQL that
// `prisma migrate diff --from-schema A --to-schema B --script` prints.
//   node ops/prisma-migration.mjs diff --from <old.prisma|empty> --to <new.prisma>   -> SQL on stdout
//   node ops/prisma-migration.mjs new <name>   -> migrations/<ts>_<name>.sql for node-pg-migrate
//   node ops/prisma-migration.mjs check        -> exit 1 if schema.prisma has changes with no migration (CI)
// Needs DATABASE_URL to be reachable (the engine opens a connection at start-up; a schema->schema diff
// reads and writes nothing).
import { copyFile, readFile, writeFile, access } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg'
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils'
import { PrismaPg } from '@prisma/adapter-pg'

const SCHEMA = 'prisma/schema.prisma'
const MIGRATIONS = 'prisma/migrations'
const SNAPSHOT = `${MIGRATIONS}/.schema.prisma` // schema as of the last generated migration (dotfile: node-pg-migrate ignores it)

async function startEngine() {
  const wasmUrl = new URL('schema_engine_bg.wasm', import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg'))
  const instance = new WebAssembly.Instance(new WebAssembly.Module(await readFile(fileURLToPath(wasmUrl))), {
    './schema_engine_bg.js': bg,
  })
  bg.__wbg_set_wasm(instance.exports)
  instance.exports.__wbindgen_start()
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: process.env.DATABASE_URL }))
  return bg.SchemaEngine.new({ datamodels: undefined }, () => {}, adapter)
}

const target = async (p) =>
  p === 'empty' ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: p, content: await readFile(p, 'utf8') }] }

async function diff(engine, from, to) {
  const res = await engine.diff({
    from: await target(from), to: await target(to), script: true, exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  })
  return res.stdout ?? ''
}
const isEmpty = (sql) => sql.replace(/^--.*$/gm, '').trim() === ''

const [cmd, ...rest] = process.argv.slice(2)
const engine = await startEngine()
if (cmd === 'diff') {
  const arg = (k) => rest[rest.indexOf(k) + 1]
  process.stdout.write(await diff(engine, arg('--from'), arg('--to')))
} else if (cmd === 'new' && rest[0]) {
  const from = await access(SNAPSHOT).then(() => SNAPSHOT, () => 'empty')
  const up = await diff(engine, from, SCHEMA)
  if (isEmpty(up)) {
    console.log('No schema changes since the last migration.')
  } else {
    const down = await diff(engine, SCHEMA, from)
    const ts = new Date().toISOString().replace(/\D/g, '').slice(0, 17)
    const file = `${MIGRATIONS}/${ts}_${rest[0].replace(/\W+/g, '_')}.sql`
    await writeFile(file, `-- Up Migration\n${up.trim()}\n\n-- Down Migration\n${down.trim()}\n`)
    await copyFile(SCHEMA, SNAPSHOT)
    console.log(`Created ${file}`)
  }
} else if (cmd === 'check') {
  const from = await access(SNAPSHOT).then(() => SNAPSHOT, () => 'empty')
  const up = await diff(engine, from, SCHEMA)
  if (!isEmpty(up)) {
    console.error(`prisma/schema.prisma has changes that no migration covers; run: npm run db:migration:new -- <name>\n${up}`)
    process.exit(1)
  }
  console.log('Migrations cover prisma/schema.prisma.')
} else {
  console.error('usage: prisma-migration.mjs diff --from <a.prisma|empty> --to <b.prisma> | new <name> | check')
  process.exit(2)
}
process.exit(0) // the engine keeps its pg pool open
