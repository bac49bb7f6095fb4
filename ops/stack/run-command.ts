/** Runs a provisioning command to completion; failures name the service and the exact command. */
import { spawn } from 'node:child_process'

export class StackError extends Error {
  constructor(readonly service: string, message: string) {
    super(`[${service}] ${message}`)
    this.name = 'StackError'
  }
}

export type RunOptions = { env?: NodeJS.ProcessEnv; cwd?: string; asUser?: string }

/** Runs argv, capturing output; throws StackError with the command line and the output tail on failure. */
export async function runCommand(service: string, argv: string[], options: RunOptions = {}): Promise<string> {
  const full = options.asUser ? ['runuser', '-u', options.asUser, '--', ...argv] : argv
  const [cmd, ...args] = full
  if (!cmd) throw new StackError(service, 'empty command')
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: options.env ?? process.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d: Buffer) => { out += d.toString() })
    child.stderr.on('data', (d: Buffer) => { out += d.toString() })
    child.on('error', (err) => reject(new StackError(service, `could not run \`${full.join(' ')}\`: ${err.message}`)))
    child.on('close', (code) => {
      if (code === 0) resolve(out)
      else reject(new StackError(service, `\`${full.join(' ')}\` exited with ${code}:\n${out.split('\n').slice(-25).join('\n')}`))
    })
  })
}

/** True when `cmd` is found on PATH. */
export async function onPath(cmd: string): Promise<boolean> {
  return runCommand('path', ['sh', '-c', `command -v ${cmd}`]).then(() => true, () => false)
}
