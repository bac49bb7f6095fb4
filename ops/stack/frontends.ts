/** Builds the back office and the storefronts with Vite when their sources are newer than the build. */
import { existsSync } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { ROOT } from './paths.ts'
import { runCommand } from './run-command.ts'

const APPS = [
  { name: 'admin', sources: ['admin', 'domain'], output: 'dist/admin/index.html' },
  { name: 'storefronts', sources: ['storefronts', 'domain'], output: 'dist/storefronts/index.html' },
] as const

async function newestMtime(dir: string): Promise<number> {
  let newest = 0
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.parentPath.includes('node_modules')) continue
    newest = Math.max(newest, (await stat(path.join(entry.parentPath, entry.name))).mtimeMs)
  }
  return newest
}

export async function buildFrontends(log: (line: string) => void): Promise<void> {
  await Promise.all(APPS.map(async (app) => {
    const output = path.join(ROOT, app.output)
    if (existsSync(output)) {
      const built = (await stat(output)).mtimeMs
      const sources = await Promise.all(app.sources.map((s) => newestMtime(path.join(ROOT, s))))
      if (Math.max(...sources) < built) return
    }
    const t = Date.now()
    await runCommand(`build ${app.name}`, [path.join(ROOT, 'node_modules', '.bin', 'vite'), 'build', '--config', `${app.name}/vite.config.ts`, '--logLevel', 'warn'], { cwd: ROOT })
    log(`built ${app.name} in ${((Date.now() - t) / 1000).toFixed(1)} s`)
  }))
}
