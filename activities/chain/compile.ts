/** Compiles the platform's Solidity contracts with solc-js, cached by source hash under generated/contracts/. */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Abi, Hex } from 'viem'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const CONTRACTS_DIR = path.join(HERE, 'contracts')
/** Gitignored: a fresh clone compiles once (about a second), then reads the cache. */
export const ARTIFACT_DIR = path.resolve(HERE, '../../generated/contracts')
const require = createRequire(import.meta.url)

/** Each contract in contracts/, by the name of its file and contract. */
export const CONTRACTS = { fanzUsd: 'FanzUSD', paymentRouter: 'PaymentRouter', collectibles: 'FanzCollectibles' } as const
export type ContractName = (typeof CONTRACTS)[keyof typeof CONTRACTS]
export type Artifact = { abi: Abi; bytecode: Hex }
export type Artifacts = Record<ContractName, Artifact>

// cancun runs on every chain we might settle on (Ethereum, Base, Polygon, Arbitrum); the contracts need nothing newer
const SETTINGS = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'cancun',
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
}

type SolcOutput = {
  errors?: { severity: string; formattedMessage: string }[]
  contracts?: Record<string, Record<string, { abi: Abi; evm: { bytecode: { object: string } } }>>
}

async function readSources(): Promise<Record<string, { content: string }>> {
  const files = (await readdir(CONTRACTS_DIR)).filter((f) => f.endsWith('.sol')).sort()
  const sources: Record<string, { content: string }> = {}
  for (const file of files) sources[file] = { content: await readFile(path.join(CONTRACTS_DIR, file), 'utf8') }
  return sources
}

/** OpenZeppelin imports resolve to the installed package, so its version is part of the cache key. */
function findImport(importPath: string): { contents: string } | { error: string } {
  try {
    return { contents: readFileSync(require.resolve(importPath), 'utf8') }
  } catch {
    return { error: `cannot resolve ${importPath} from node_modules` }
  }
}

const packageVersion = (name: string) => (require(`${name}/package.json`) as { version: string }).version

/** The contract list is part of the key too: a cache written before a contract joined CONTRACTS lacks its artifact. */
function cacheKey(input: object): string {
  const versions = [packageVersion('solc'), packageVersion('@openzeppelin/contracts')]
  return createHash('sha256').update(JSON.stringify([versions, Object.values(CONTRACTS), input])).digest('hex').slice(0, 16)
}

async function runSolc(input: object): Promise<Artifacts> {
  // loaded on a cache miss only: the compiler is half a second of WebAssembly to load
  const { default: solc } = await import('solc')
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport })) as SolcOutput
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error')
  if (errors.length) throw new Error(`solc failed:\n${errors.map((e) => e.formattedMessage).join('\n')}`)
  const artifacts: Partial<Artifacts> = {}
  for (const name of Object.values(CONTRACTS)) {
    const compiled = output.contracts?.[`${name}.sol`]?.[name]
    if (!compiled) throw new Error(`solc produced no ${name} (expected contract ${name} in contracts/${name}.sol)`)
    artifacts[name] = { abi: compiled.abi, bytecode: `0x${compiled.evm.bytecode.object}` }
  }
  return artifacts as Artifacts
}

/** ABI and creation bytecode of every contract in contracts/, compiled at most once per source version. */
export async function compileContracts(): Promise<Artifacts> {
  const input = { language: 'Solidity', sources: await readSources(), settings: SETTINGS }
  const file = path.join(ARTIFACT_DIR, `${cacheKey(input)}.json`)
  const cached = await readFile(file, 'utf8').catch(() => null)
  if (cached) return JSON.parse(cached) as Artifacts
  const artifacts = await runSolc(input)
  await mkdir(ARTIFACT_DIR, { recursive: true })
  // write then rename: a concurrent compile (tests beside the stack) never reads half a file
  const tmp = `${file}.${process.pid}.tmp`
  await writeFile(tmp, JSON.stringify(artifacts))
  await rename(tmp, file)
  return artifacts
}
