/** The crypto rail's report: the router's Payment events paid by the treasury, from blocks whose time falls in a range. */
import type { Address, Chain, PublicClient, Transport } from 'viem'
import { paymentRouterAbi } from '../../../chain/abis.ts'
import { confirmedBlockNumber } from '../../../chain/confirmations.ts'
import type { RailReportLine } from '../../rail.ts'
import { toMinorUnits } from './amounts.ts'

export type ReportSource = {
  client: PublicClient<Transport, Chain>
  router: Address
  token: Address
  treasury: Address
  currency: string
  confirmations: number
  /** base units of the token per minor unit of the currency */
  scale: bigint
}

/** Node providers cap the block span of one eth_getLogs; 2,000 passes the common limits. */
const LOG_SPAN = 2_000n

/** Block timestamps of one report, each block read once. */
function blockTimes(client: ReportSource['client']) {
  const seen = new Map<bigint, bigint>()
  return async (blockNumber: bigint): Promise<bigint> => {
    let seconds = seen.get(blockNumber)
    if (seconds === undefined) {
      seconds = (await client.getBlock({ blockNumber })).timestamp
      seen.set(blockNumber, seconds)
    }
    return seconds
  }
}

/** The first block whose time is at or after `ms`, or head + 1 when none is yet (block times never go back). */
async function firstBlockFrom(ms: number, head: bigint, timeOf: (n: bigint) => Promise<bigint>): Promise<bigint> {
  let [low, high] = [0n, head + 1n]
  while (low < high) {
    const mid = (low + high) / 2n
    if ((await timeOf(mid)) * 1000n >= BigInt(ms)) high = mid
    else low = mid + 1n
  }
  return low
}

/** Payouts in blocks whose timestamps fall in [from, to): settled when as deep as configured, sent while shallower. */
export async function reportPayouts(source: ReportSource, range: { from: string; to: string }): Promise<RailReportLine[]> {
  const { client, router, token, treasury } = source
  const [from, to] = [Date.parse(range.from), Date.parse(range.to)]
  if (Number.isNaN(from) || Number.isNaN(to)) throw new Error(`a report range needs two ISO times, got ${range.from} .. ${range.to}`)
  const head = await client.getBlockNumber()
  const timeOf = blockTimes(client)
  const [first, end] = [await firstBlockFrom(from, head, timeOf), await firstBlockFrom(to, head, timeOf)]
  const confirmed = await confirmedBlockNumber(client, source.confirmations)
  const lines: RailReportLine[] = []
  for (let fromBlock = first; fromBlock < end; fromBlock += LOG_SPAN) {
    const toBlock = fromBlock + LOG_SPAN - 1n < end ? fromBlock + LOG_SPAN - 1n : end - 1n
    const events = await client.getContractEvents({ address: router, abi: paymentRouterAbi, eventName: 'Payment', args: { payer: treasury },
      fromBlock, toBlock, strict: true })
    for (const { args, blockNumber } of events) {
      // the router serves every token: a payment of another one is no payout in this currency
      if (args.token !== token) continue
      const amount = toMinorUnits(args.amount, source.scale)
      if (amount === null) throw new Error(`payment ${args.paymentId} by the treasury (${args.amount} base units) is no whole number of minor units: not a payout of this rail`)
      lines.push({ providerRef: args.paymentId, reference: null, amount, currency: source.currency,
        status: blockNumber <= confirmed ? 'settled' : 'sent', at: new Date(Number(await timeOf(blockNumber)) * 1000).toISOString() })
    }
  }
  return lines
}
