/** Supervises the stack's child processes: ordered start with health checks, restarts, clean shutdown. */
import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'
import { StackError } from './run-command.ts'

export type ServiceSpec = {
  name: string
  /** ports this service binds, checked free before start */
  ports: { port: number; what: string }[]
  command: string[]
  env?: NodeJS.ProcessEnv
  cwd?: string
  asUser?: string
  /** resolves true once the service answers */
  healthy: () => Promise<boolean>
  startTimeoutMs?: number
  /** signal that stops it cleanly (PostgreSQL: SIGINT is a fast shutdown) */
  stopSignal?: NodeJS.Signals
}

type Running = { spec: ServiceSpec; child: ChildProcess; stopping: boolean; restarts: number[] }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Fails with the service and port named when something else already listens there. */
export async function assertPortFree(service: string, port: number, what: string): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const server = net.createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
  if (!free) throw new StackError(service, `port ${port} (${what}) is already in use; stop whatever holds it, or set the service's URL to use an existing one`)
}

export class Supervisor {
  private running = new Map<string, Running>()
  private shuttingDown = false

  constructor(private readonly logDir: string, private readonly pidDir: string, private readonly log: (line: string) => void) {}

  /** Kills processes a crashed earlier run of this checkout left behind (found by pid file). */
  async reapStale(names: string[]): Promise<void> {
    for (const name of names) {
      const file = path.join(this.pidDir, `${name}.pid`)
      const pid = Number(await readFile(file, 'utf8').catch(() => ''))
      if (pid > 0 && alive(pid)) {
        this.log(`stopping ${name} left over from an earlier run (pid ${pid})`)
        killGroup(pid, 'SIGTERM')
        for (let i = 0; i < 50 && alive(pid); i++) await sleep(200)
        if (alive(pid)) killGroup(pid, 'SIGKILL')
      }
      await rm(file, { force: true })
    }
  }

  /** Starts one service and waits until its health check passes. */
  async start(spec: ServiceSpec): Promise<void> {
    for (const p of spec.ports) await assertPortFree(spec.name, p.port, p.what)
    await mkdir(this.logDir, { recursive: true })
    await mkdir(this.pidDir, { recursive: true })
    this.spawn(spec, [])
    await this.waitHealthy(spec)
  }

  private spawn(spec: ServiceSpec, restarts: number[]): void {
    const argv = spec.asUser ? ['runuser', '-u', spec.asUser, '--', ...spec.command] : spec.command
    const logFile = createWriteStream(path.join(this.logDir, `${spec.name}.log`), { flags: 'a' })
    const child = spawn(argv[0]!, argv.slice(1), {
      env: spec.env ?? process.env, cwd: spec.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout?.pipe(logFile)
    child.stderr?.pipe(logFile)
    const entry: Running = { spec, child, stopping: false, restarts }
    this.running.set(spec.name, entry)
    if (child.pid) void writeFile(path.join(this.pidDir, `${spec.name}.pid`), String(child.pid))
    child.on('exit', (code, signal) => this.onExit(entry, code, signal))
  }

  private onExit(entry: Running, code: number | null, signal: NodeJS.Signals | null): void {
    if (entry.stopping || this.shuttingDown) return
    const now = Date.now()
    const recent = entry.restarts.filter((t) => now - t < 60_000)
    const { name } = entry.spec
    if (recent.length >= 5) {
      this.log(`${name} exited (${signal ?? code}) 5 times within a minute; not restarting. See ${this.logDir}/${name}.log`)
      this.running.delete(name)
      return
    }
    this.log(`${name} exited (${signal ?? code}); restarting`)
    setTimeout(() => { if (!this.shuttingDown) this.spawn(entry.spec, [...recent, now]) }, 1000 * (recent.length + 1))
  }

  private async waitHealthy(spec: ServiceSpec): Promise<void> {
    const deadline = Date.now() + (spec.startTimeoutMs ?? 60_000)
    while (Date.now() < deadline) {
      const entry = this.running.get(spec.name)
      if (!entry || entry.child.exitCode !== null) {
        throw new StackError(spec.name, `exited during start-up; last lines of ${this.logDir}/${spec.name}.log:\n${await this.tail(spec.name)}`)
      }
      if (await spec.healthy().catch(() => false)) return
      await sleep(250)
    }
    throw new StackError(spec.name, `not healthy after ${(spec.startTimeoutMs ?? 60_000) / 1000} s; see ${this.logDir}/${spec.name}.log:\n${await this.tail(spec.name)}`)
  }

  private async tail(name: string): Promise<string> {
    const text = await readFile(path.join(this.logDir, `${name}.log`), 'utf8').catch(() => '')
    return text.split('\n').slice(-20).join('\n')
  }

  /** Stops one service (used by tests that take a dependency down). */
  async stop(name: string, timeoutMs = 20_000): Promise<void> {
    const entry = this.running.get(name)
    if (!entry) return
    entry.stopping = true
    const { child } = entry
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()))
      killGroup(child.pid, entry.spec.stopSignal ?? 'SIGTERM')
      const timer = setTimeout(() => child.pid && killGroup(child.pid, 'SIGKILL'), timeoutMs)
      await exited
      clearTimeout(timer)
    }
    this.running.delete(name)
    await rm(path.join(this.pidDir, `${name}.pid`), { force: true })
  }

  /** Crashes a service on purpose (fault tests): SIGKILL to its group; the supervisor restarts it as after any crash. */
  crash(name: string): number | undefined {
    const pid = this.running.get(name)?.child.pid
    if (pid) killGroup(pid, 'SIGKILL')
    return pid
  }

  /** Restarts a stopped service with its original spec. */
  async restart(spec: ServiceSpec): Promise<void> {
    await this.stop(spec.name)
    await this.start(spec)
  }

  /** Stops everything in reverse start order. */
  async stopAll(order: string[]): Promise<void> {
    this.shuttingDown = true
    for (const name of [...order].reverse()) await this.stop(name)
  }
}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true } catch { return false }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try { process.kill(-pid, signal) } catch { try { process.kill(pid, signal) } catch { /* already gone */ } }
}
