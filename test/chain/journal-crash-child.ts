/**
 * Run as a separate process by the journal test: signs and journals one transaction, then dies by SIGKILL before
 * sending it, the way a worker crash between signing and sending would. Args: DATABASE_URL RPC_URL KEY TO DATA.
 */
import { privateKeyToAccount } from 'viem/accounts'
import type { Address, Hex } from 'viem'
import { createDb } from '../../prisma/client.ts'
import { lazyChain } from '../../activities/chain/clients.ts'
import { createTxJournal } from '../../activities/chain/tx-journal.ts'
import { anvilDevKey } from '../../activities/chain/anvil-process.ts'

const [databaseUrl, rpcUrl, key, to, data] = process.argv.slice(2) as [string, string, string, Address, Hex]
const journal = createTxJournal({ db: createDb(databaseUrl, { max: 1 }), chain: lazyChain(rpcUrl, { pollingIntervalMs: 25 }), signer: privateKeyToAccount(anvilDevKey(7)),
  confirmations: 1, stuckAfterMs: 60_000 })
const tx = await journal.prepare({ key, to, data, purpose: 'mint' })
process.stdout.write(`${JSON.stringify({ hash: tx.attempts[0]!.hash, nonce: tx.nonce })}\n`, () => process.kill(process.pid, 'SIGKILL'))
