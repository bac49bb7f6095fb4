/**
 * Transactions the platform signs, journalled in PostgreSQL before they leave: the nonce is taken under a row lock and
 * the signed bytes are stored in the same database transaction, so a crash anywhere leaves either nothing (not signed,
 * nonce not used) or a row whose exact bytes the next attempt sends. One key, one row, one nonce: never two different
 * transactions with one nonce, and never one call twice. A transaction that does not get mined is re-sent, and past
 * `stuckAfterMs` replaced by the same call at a higher fee (same nonce: only one of the versions can be mined).
 */
import { BaseError, ContractFunctionRevertedError, ExecutionRevertedError, decodeErrorResult, keccak256, type Abi, type Address, type Hex, type LocalAccount, type TransactionReceipt } from 'viem'
import type { Db } from '../../prisma/client.ts'
import type { ChainClients } from './clients.ts'
import { ConfirmationTimeout, confirmedBlockNumber } from './confirmations.ts'

export type TxRequest = {
  /** idempotency key: the same key always means the same transaction */
  key: string
  to: Address
  data: Hex
  /** what it does, for the people reading the journal */
  purpose: string
  workflowId?: string | null
  /** the contract's ABI, to name the custom error of a call that would revert */
  abi?: Abi
  /** wei sent along (a gas top-up); none for contract calls */
  value?: bigint
}

export type TxAttempt = { hash: Hex; raw: Hex; maxFeePerGas: string; maxPriorityFeePerGas: string; signedAt: string; sentAt: string | null }

export type JournalledTx = {
  key: string
  chainKey: string
  from: Address
  nonce: number
  status: 'SIGNED' | 'SENT' | 'CONFIRMED' | 'REVERTED'
  attempts: TxAttempt[]
  minedHash: Hex | null
  blockNumber: number | null
}

export type TxOutcome = { status: 'CONFIRMED' | 'REVERTED'; hash: Hex; blockNumber: number; gasUsed: string; receipt: TransactionReceipt | null }

export type TxJournalOptions = {
  db: Db
  chain: () => Promise<ChainClients>
  /** the hot key that signs: nothing else may send from it, or its nonces collide with ours */
  signer: LocalAccount
  confirmations: number
  /** a version not mined after this long is replaced by one paying more */
  stuckAfterMs: number
  /** each replacement pays at least this much more (nodes require 10 % or more to replace) */
  bumpPercent?: number
  /** no version pays more than this per gas (wei); a transaction stuck at the cap waits */
  maxFeePerGas?: bigint
  /** what `beat` is called with while waiting (an activity heartbeat) */
  beat?: (detail: unknown) => void
}

/** Gas estimated for a call, plus this much for state that changes before it is mined. */
const GAS_HEADROOM_PERCENT = 25n

/** The call reverts as things stand: nothing was signed or sent. `reason` is the contract's error name when known. */
export class TxWouldRevert extends Error {
  override name = 'TxWouldRevert'
  constructor(readonly reason: string, message: string) {
    super(message)
  }
}

/** The nonce was used by a transaction that is none of ours: somebody else holds the signing key. */
export class NonceTaken extends Error {
  override name = 'NonceTaken'
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const isNotFound = (err: unknown) => err instanceof BaseError && /not (be )?found|could not be found/i.test(err.shortMessage)

/** True when the node answered that the call reverts (as opposed to a timeout, a refused connection or a rate limit). */
export function isRevert(err: unknown): boolean {
  if (!(err instanceof BaseError)) return false
  return Boolean(err.walk((e) => e instanceof ExecutionRevertedError || e instanceof ContractFunctionRevertedError
    || (typeof (e as { data?: unknown }).data === 'string' && /^0x[0-9a-f]{8}/i.test((e as { data: string }).data))))
}

/** The name of the custom error a call reverted with (e.g. 'EditionSoldOut'), decoded with `abi`; else the node's message. */
export function revertReason(err: unknown, abi?: Abi): string {
  if (!(err instanceof BaseError)) return err instanceof Error ? err.message : String(err)
  const withData = err.walk((e) => typeof (e as { data?: unknown }).data === 'string' && /^0x[0-9a-f]{8}/i.test((e as { data: string }).data)) as { data?: Hex } | null
  if (abi && withData?.data) {
    try {
      return decodeErrorResult({ abi, data: withData.data }).errorName
    } catch {
      // not one of this contract's errors
    }
  }
  return err.shortMessage
}

type Row = { key: string; chain_key: string; from_address: string; nonce: bigint; status: JournalledTx['status']; attempts: TxAttempt[];
  mined_hash: string | null; block_number: bigint | null; to_address: string; data: string; gas_limit: bigint; value: string }

const toTx = (r: Row): JournalledTx => ({ key: r.key, chainKey: r.chain_key, from: r.from_address as Address, nonce: Number(r.nonce), status: r.status,
  attempts: r.attempts, minedHash: r.mined_hash as Hex | null, blockNumber: r.block_number === null ? null : Number(r.block_number) })

export function createTxJournal(o: TxJournalOptions) {
  const bump = BigInt(100 + (o.bumpPercent ?? 25))
  let chainKey: Promise<string> | undefined

  /** chain id and genesis hash: a chain started anew (a reset dev node) gets fresh nonces instead of waiting on a gap */
  const keyOfChain = () => chainKey ??= (async () => {
    const c = await o.chain()
    const genesis = await c.public.getBlock({ blockNumber: 0n })
    return `${c.chain.id}:${genesis.hash}`
  })().catch((err: unknown) => { chainKey = undefined; throw err })

  const rowOf = async (key: string): Promise<Row | null> =>
    (await o.db.$queryRaw<Row[]>`SELECT key, chain_key, from_address, nonce, status, attempts, mined_hash, block_number, to_address, data, gas_limit, value::text AS value
      FROM chain_transactions WHERE key = ${key}`)[0] ?? null

  async function sign(c: ChainClients, r: { nonce: bigint; to: string; data: string; gas: bigint; value: bigint }, fees: { maxFeePerGas: bigint; maxPriorityFeePerGas: bigint }): Promise<TxAttempt> {
    const raw = await o.signer.signTransaction({ chainId: c.chain.id, type: 'eip1559', nonce: Number(r.nonce), to: r.to as Address, data: r.data as Hex,
      gas: r.gas, maxFeePerGas: fees.maxFeePerGas, maxPriorityFeePerGas: fees.maxPriorityFeePerGas, value: r.value })
    return { hash: keccak256(raw), raw, maxFeePerGas: String(fees.maxFeePerGas), maxPriorityFeePerGas: String(fees.maxPriorityFeePerGas),
      signedAt: new Date().toISOString(), sentAt: null }
  }

  async function sendRaw(c: ChainClients, attempt: TxAttempt): Promise<void> {
    try {
      await c.public.request({ method: 'eth_sendRawTransaction', params: [attempt.raw] })
    } catch (err) {
      // the node has it, or a version of it was mined: both are what we wanted; anything else is retried by the caller
      const text = err instanceof BaseError ? `${err.shortMessage} ${err.details ?? ''}` : String(err)
      if (!/already known|already imported|nonce too low|known transaction|replacement transaction underpriced/i.test(text)) throw err
    }
  }

  return {
    signer: o.signer.address,

    /**
     * Signs the call once and journals it; a known key returns its row and signs nothing. A call that would revert
     * (estimated first) throws TxWouldRevert with nothing signed, journalled or sent.
     */
    async prepare(req: TxRequest): Promise<JournalledTx> {
      const known = await rowOf(req.key)
      if (known) return toTx(known)
      const c = await o.chain()
      const chain = await keyOfChain()
      const from = o.signer.address
      let gas: bigint
      try {
        gas = await c.public.estimateGas({ account: from, to: req.to, data: req.data, value: req.value ?? 0n })
      } catch (err) {
        // only a revert is an answer; a node that did not answer is retried by the caller
        if (!isRevert(err)) throw err
        const reason = revertReason(err, req.abi)
        throw new TxWouldRevert(reason, `${req.purpose} would revert: ${reason}`)
      }
      gas = gas * (100n + GAS_HEADROOM_PERCENT) / 100n
      const fees = await c.public.estimateFeesPerGas()
      const onChain = BigInt(await c.public.getTransactionCount({ address: from, blockTag: 'pending' }))
      return o.db.$transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO chain_senders (chain_key, address, next_nonce) VALUES (${chain}, ${from}, ${onChain}) ON CONFLICT DO NOTHING`
        const [sender] = await tx.$queryRaw<{ next_nonce: bigint }[]>`SELECT next_nonce FROM chain_senders WHERE chain_key = ${chain} AND address = ${from} FOR UPDATE`
        // under the sender's lock: a concurrent call with this key has committed by now, or has not started
        const raced = await tx.$queryRaw<Row[]>`SELECT key, chain_key, from_address, nonce, status, attempts, mined_hash, block_number, to_address, data, gas_limit, value::text AS value
          FROM chain_transactions WHERE key = ${req.key}`
        if (raced[0]) return toTx(raced[0])
        // the node may be ahead (the key sent something outside the journal, e.g. a deployment); never behind what we gave out
        const nonce = sender!.next_nonce > onChain ? sender!.next_nonce : onChain
        const attempt = await sign(c, { nonce, to: req.to, data: req.data, gas, value: req.value ?? 0n }, fees)
        await tx.$executeRaw`UPDATE chain_senders SET next_nonce = ${nonce + 1n}, updated_at = now() WHERE chain_key = ${chain} AND address = ${from}`
        const [row] = await tx.$queryRaw<Row[]>`INSERT INTO chain_transactions (id, key, chain_key, from_address, nonce, to_address, data, value, gas_limit, purpose, attempts, workflow_id)
          VALUES (gen_random_uuid(), ${req.key}, ${chain}, ${from}, ${nonce}, ${req.to}, ${req.data}, ${String(req.value ?? 0n)}::numeric, ${gas}, ${req.purpose}, ${JSON.stringify([attempt])}::jsonb, ${req.workflowId ?? null})
          RETURNING key, chain_key, from_address, nonce, status, attempts, mined_hash, block_number, to_address, data, gas_limit, value::text AS value`
        return toTx(row!)
      })
    },

    /** Sends the newest signed version (again, if need be: the node dedupes by hash). */
    async broadcast(key: string): Promise<JournalledTx> {
      const row = await rowOf(key)
      if (!row) throw new Error(`no journalled transaction ${key}`)
      if (row.status === 'CONFIRMED' || row.status === 'REVERTED') return toTx(row)
      const c = await o.chain()
      const latest = row.attempts.at(-1)!
      await sendRaw(c, latest)
      const [updated] = await o.db.$queryRaw<Row[]>`UPDATE chain_transactions SET status = CASE WHEN status = 'SIGNED' THEN 'SENT' ELSE status END,
          attempts = jsonb_set(attempts, ARRAY[(jsonb_array_length(attempts) - 1)::text, 'sentAt'], to_jsonb(coalesce(attempts->-1->>'sentAt', ${new Date().toISOString()}))),
          updated_at = now()
        WHERE key = ${key}
        RETURNING key, chain_key, from_address, nonce, status, attempts, mined_hash, block_number, to_address, data, gas_limit, value::text AS value`
      return toTx(updated!)
    },

    /**
     * Waits until one version is `confirmations` deep on the canonical chain and records it. Meanwhile: a version the
     * node lost is sent again; past stuckAfterMs a replacement at a higher fee is signed, journalled, then sent.
     * Throws ConfirmationTimeout after `timeoutMs` (a retry resumes: the journal and the chain hold the state).
     */
    async confirm(key: string, timeoutMs: number): Promise<TxOutcome> {
      const deadline = Date.now() + timeoutMs
      const c = await o.chain()
      for (;;) {
        const row = await rowOf(key)
        if (!row) throw new Error(`no journalled transaction ${key}`)
        if ((row.status === 'CONFIRMED' || row.status === 'REVERTED') && row.mined_hash) {
          const receipt = await c.public.getTransactionReceipt({ hash: row.mined_hash as Hex }).catch(() => null)
          return { status: row.status, hash: row.mined_hash as Hex, blockNumber: Number(row.block_number), gasUsed: String(receipt?.gasUsed ?? 0n), receipt }
        }
        let mined: TransactionReceipt | null = null
        for (const a of row.attempts) {
          mined = await c.public.getTransactionReceipt({ hash: a.hash }).catch((err: unknown) => { if (isNotFound(err)) return null; throw err })
          if (mined) break
        }
        if (mined) {
          const deep = await confirmedBlockNumber(c.public, o.confirmations)
          if (mined.blockNumber <= deep) {
            const block = await c.public.getBlock({ blockNumber: mined.blockNumber })
            if (block.hash === mined.blockHash) {
              const status = mined.status === 'success' ? 'CONFIRMED' : 'REVERTED'
              await o.db.$executeRaw`UPDATE chain_transactions SET status = ${status}, mined_hash = ${mined.transactionHash}, block_number = ${mined.blockNumber},
                gas_used = ${mined.gasUsed}, updated_at = now() WHERE key = ${key}`
              return { status, hash: mined.transactionHash, blockNumber: Number(mined.blockNumber), gasUsed: String(mined.gasUsed), receipt: mined }
            }
          }
        } else {
          const used = BigInt(await c.public.getTransactionCount({ address: row.from_address as Address, blockTag: 'latest' }))
          if (used > row.nonce) {
            // our nonce is spent, yet none of our versions has a receipt: give the node a moment (a receipt lags its block), then give up
            await sleep(c.pollingIntervalMs * 4)
            const again = await Promise.all(row.attempts.map((a) => c.public.getTransactionReceipt({ hash: a.hash })
              .catch((err: unknown) => { if (isNotFound(err)) return null; throw err })))
            if (!again.some(Boolean)) throw new NonceTaken(`nonce ${row.nonce} of ${row.from_address} was used by a transaction not in the journal`)
            continue
          }
          const latest = row.attempts.at(-1)!
          const pending = await c.public.getTransaction({ hash: latest.hash }).catch(() => null)
          // replace only when ours is the next nonce the chain takes (a gap below waits on its own transaction) and below the cap
          const next = used === row.nonce
          const capped = o.maxFeePerGas !== undefined && BigInt(latest.maxFeePerGas) >= o.maxFeePerGas
          if (next && !capped && Date.now() - Date.parse(latest.signedAt) > o.stuckAfterMs) {
            // stuck: the same call, same nonce, paying more (at least `bump` % over the last version and today's estimate)
            const now = await c.public.estimateFeesPerGas()
            const more = (last: string, current: bigint) => { const b = BigInt(last) * bump / 100n + 1n; return b > current ? b : current }
            const cap = (fee: bigint) => (o.maxFeePerGas !== undefined && fee > o.maxFeePerGas ? o.maxFeePerGas : fee)
            const maxFeePerGas = cap(more(latest.maxFeePerGas, now.maxFeePerGas))
            const priority = more(latest.maxPriorityFeePerGas, now.maxPriorityFeePerGas)
            const replacement = await sign(c, { nonce: row.nonce, to: row.to_address, data: row.data, gas: row.gas_limit, value: BigInt(row.value) },
              { maxFeePerGas, maxPriorityFeePerGas: priority > maxFeePerGas ? maxFeePerGas : priority })
            // journalled before it is sent; a concurrent bump of the same row loses and re-reads
            const n = row.attempts.length
            const appended = await o.db.$executeRaw`UPDATE chain_transactions SET attempts = attempts || ${JSON.stringify([replacement])}::jsonb, updated_at = now()
              WHERE key = ${key} AND jsonb_array_length(attempts) = ${n}`
            if (appended === 1) {
              await sendRaw(c, replacement)
              await o.db.$executeRaw`UPDATE chain_transactions SET status = 'SENT',
                attempts = jsonb_set(attempts, ARRAY[${String(n)}, 'sentAt'], to_jsonb(${new Date().toISOString()}::text)) WHERE key = ${key}`
              o.beat?.({ key, bumped: n })
            }
            continue
          }
          // the node forgot it (restart, eviction): send the same bytes again
          if (!pending) await sendRaw(c, latest)
        }
        if (Date.now() > deadline) throw new ConfirmationTimeout(`${key} not ${o.confirmations} blocks deep after ${timeoutMs} ms`)
        o.beat?.({ key })
        await sleep(c.pollingIntervalMs)
      }
    },
  }
}

export type TxJournal = ReturnType<typeof createTxJournal>
