/** A private anvil node for tests and scripts: its own free port, killed by stop(). The stack runs its own under the supervisor. */
import { spawn } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { toHex, type Hex } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'

/** The anvil binary of the @foundry-rs/anvil package. */
export const ANVIL_BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/.bin/anvil')

/** The well-known anvil development mnemonic: its accounts hold 10,000 ETH on every fresh anvil. Local only. */
export const ANVIL_DEV_MNEMONIC = 'test test test test test test test test test test test junk'

/** The private key of anvil's development account `addressIndex` (0 deploys and mints locally, 1 is the local treasury). */
export function anvilDevKey(addressIndex: number): Hex {
  const key = mnemonicToAccount(ANVIL_DEV_MNEMONIC, { addressIndex }).getHdKey().privateKey
  if (!key) throw new Error(`anvil account ${addressIndex} has no private key`)
  return toHex(key)
}

/** Custodial wallets of local and test fans: a fixed, valid mnemonic that is not anvil's. Never for a real chain. */
export const LOCAL_CUSTODY_MNEMONIC = 'trust legend reason pond fork since pause magnet vacant enter spawn quick'

export type AnvilProcess = { rpcUrl: string; port: number; stop: () => Promise<void> }

/** anvil does not take port 0: let the kernel pick a free port, release it, and hand it to anvil. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

async function answers(rpcUrl: string): Promise<boolean> {
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] })
  const res = await fetch(rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).catch(() => null)
  return res?.ok ?? false
}

/** Starts anvil with interval mining (`blockTimeSeconds`, fractions allowed) and waits until it answers. */
export async function startAnvil(options: { blockTimeSeconds?: number; extraArgs?: string[] } = {}): Promise<AnvilProcess> {
  const port = await freePort()
  const args = ['--host', '127.0.0.1', '--port', String(port), '--chain-id', '31337', '--silent',
    '--block-time', String(options.blockTimeSeconds ?? 0.25), ...(options.extraArgs ?? [])]
  const child = spawn(ANVIL_BIN, args, { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const rpcUrl = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await exited
  }
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`anvil exited with ${child.exitCode}: ${stderr}`)
    if (await answers(rpcUrl)) return { rpcUrl, port, stop }
    await new Promise((r) => setTimeout(r, 50))
  }
  await stop()
  throw new Error(`anvil did not answer on ${rpcUrl} within 5 s: ${stderr}`)
}
