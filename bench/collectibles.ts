/**
 * Collectible mints end to end (BENCH_MINTS, default 200): one edition put on chain by createCollectible, then a
 * mintCollectible workflow per fan on the stack's own workers (quote, reserve, gate, CCBill sandbox charge, journalled
 * mint, two confirmations, ledger entry), against bare viem sending the same mint calls to the same contract from a
 * key of its own (nonces from viem's manager, the same two confirmations), in one run on the same anvil.
 */
import { randomUUID } from 'node:crypto'
import { Client, Connection } from '@temporalio/client'
import pg from 'pg'
import { encodeFunctionData, keccak256, stringToHex, type Address } from 'viem'
import { createNonceManager, jsonRpc } from 'viem/nonce'
import { mnemonicToAccount, privateKeyToAccount } from 'viem/accounts'
import { collectiblesAbi } from '../activities/chain/abis.ts'
import { ANVIL_DEV_MNEMONIC, anvilDevKey } from '../activities/chain/anvil-process.ts'
import { connectChain } from '../activities/chain/clients.ts'
import { waitForConfirmations } from '../activities/chain/confirmations.ts'
import { editionKeyOf } from '../activities/collectibles/index.ts'
import { BUCKETS } from '../domain/storage.ts'
import { createStorageClient } from '../activities/storage/client.ts'
import type { AppEnv } from '../ops/stack/stack.ts'
import { createCollectible, mintCollectible } from '../workflows/collectibles.ts'
import { collectiblesTaskQueue, createCollectibleWorkflowId, mintCollectibleWorkflowId } from '../workflows/collectibles.contract.ts'
import { pool } from './pool.ts'

const N = Number(process.env.BENCH_MINTS ?? 200)
const BRAND = 'girlfanz'

/** A creator who passes the gate and one published, approved, performer-verified media item with a preview in MinIO. */
async function seedCreatorAndMedia(env: AppEnv, db: pg.Client): Promise<{ creatorId: string; mediaId: string; brandId: string }> {
  const brandId = (await db.query<{ id: string }>('SELECT id FROM brands WHERE slug = $1', [BRAND])).rows[0]!.id
  const creatorId = randomUUID()
  const mediaId = randomUUID()
  await db.query(`INSERT INTO people (id, email, display_name, status, updated_at) VALUES ($1, $2, 'Bench Creator', 'active', now())`, [creatorId, `bench-coll-${creatorId}@bench.fanz.test`])
  await db.query(`INSERT INTO kyc_cases (id, person_id, brand_id, purpose, workflow_id, status, provider, expires_at, updated_at)
    VALUES (gen_random_uuid(), $1, $2, 'creator', 'bench', 'approved', 'bench', now() + interval '1 year', now())`, [creatorId, brandId])
  const thumbKey = `media/${mediaId}/thumb.jpg`
  const storage = createStorageClient({ endpoint: env.S3_ENDPOINT, accessKey: env.S3_ACCESS_KEY, secretKey: env.S3_SECRET_KEY, region: 'us-east-1' })
  const jpeg = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex')
  await storage.putObject(BUCKETS.media.name, thumbKey, jpeg, jpeg.length, { 'Content-Type': 'image/jpeg' })
  const postId = randomUUID()
  await db.query(`INSERT INTO posts (id, brand_id, creator_id, title, price_minor, currency, status) VALUES ($1, $2, $3, 'Bench edition', 1500, 'USD', 'PUBLISHED')`,
    [postId, brandId, creatorId])
  await db.query(`INSERT INTO media_items (id, brand_id, creator_id, post_id, title, access, file_name, content_type, size_bytes, sha256, source_key, status,
      workflow_id, artwork, decision, published_at, updated_at)
    VALUES ($1, $2, $3, $5, 'Bench edition', 'ppv', 'bench.mp4', 'video/mp4', 1, repeat('0', 64), 'bench', 'PUBLISHED', 'bench', $4, 'approve', now(), now())`,
  [mediaId, brandId, creatorId, JSON.stringify({ thumbKey }), postId])
  await db.query(`INSERT INTO media_performers (id, media_id, person_id, alias, role, status, record_id, verified_at) VALUES (gen_random_uuid(), $1, $2, 'Bench', 'uploader', 'VERIFIED', gen_random_uuid(), now())`,
    [mediaId, creatorId])
  return { creatorId, mediaId, brandId }
}

export async function benchCollectibles(env: AppEnv): Promise<void> {
  const db = new pg.Client({ connectionString: env.DATABASE_URL })
  await db.connect()
  const temporal = new Client({ connection: await Connection.connect({ address: env.TEMPORAL_ADDRESS }), namespace: env.TEMPORAL_NAMESPACE })
  try {
    const { creatorId, mediaId, brandId } = await seedCreatorAndMedia(env, db)
    const editionId = randomUUID()
    await db.query(`INSERT INTO collectible_editions (id, edition_key, brand_id, creator_id, media_id, title, max_supply, price_minor, currency, royalty_bps, workflow_id, updated_at)
      VALUES ($1, $2, $3, $4, $5, 'Bench edition', $6, 1500, 'USD', 500, $7, now())`, [editionId, editionKeyOf(editionId), brandId, creatorId, mediaId, N, createCollectibleWorkflowId(editionId)])
    const created = await temporal.workflow.execute(createCollectible, { workflowId: createCollectibleWorkflowId(editionId), taskQueue: collectiblesTaskQueue, args: [{ editionId }] })
    if (created.status !== 'LIVE') throw new Error(`the bench edition did not go live: ${JSON.stringify(created)}`)
    const fans = (await db.query<{ id: string }>(`INSERT INTO people (id, email, display_name, status, updated_at)
      SELECT gen_random_uuid(), 'bench-collector-' || i || '-' || extract(epoch from now())::bigint || '@bench.fanz.test', 'Bench Collector ' || i, 'active', now()
      FROM generate_series(1, $1) i RETURNING id`, [N])).rows.map((r) => r.id)

    // the platform: a workflow per fan, all started at once, timed until every token is MINTED
    const t0 = performance.now()
    await pool(fans, 32, async (fanId) => {
      const purchaseId = randomUUID()
      await temporal.workflow.start(mintCollectible, { workflowId: mintCollectibleWorkflowId(purchaseId), taskQueue: collectiblesTaskQueue, memo: { fanId },
        args: [{ purchaseId, editionId, fanId, processor: 'ccbill', paymentToken: 'tok_approve_bench', jurisdiction: 'NL' }] })
    })
    for (;;) {
      const { rows } = await db.query<{ minted: string; other: string }>(`SELECT count(*) FILTER (WHERE status = 'MINTED') AS minted,
        count(*) FILTER (WHERE status = 'RELEASED') AS other FROM collectible_tokens WHERE edition_id = $1`, [editionId])
      if (Number(rows[0]!.minted) + Number(rows[0]!.other) >= N) {
        if (Number(rows[0]!.other) > 0) console.log(`${rows[0]!.other} purchases were undone`)
        break
      }
      await new Promise((r) => setTimeout(r, 250))
    }
    const platformSeconds = (performance.now() - t0) / 1000
    const platformRate = N / platformSeconds

    // bare viem: the same mint calls into a second edition, from a key of its own, nonces from viem, same confirmations
    const clients = await connectChain(env.CRYPTO_RPC_URL!, { pollingIntervalMs: 250 })
    const contract = env.COLLECTIBLES_CONTRACT_ADDRESS as Address
    const admin = mnemonicToAccount(ANVIL_DEV_MNEMONIC, { addressIndex: 0 })
    const bare = privateKeyToAccount(anvilDevKey(5), { nonceManager: createNonceManager({ source: jsonRpc() }) })
    const role = await clients.public.readContract({ address: contract, abi: collectiblesAbi, functionName: 'MINTER_ROLE' })
    const confirmations = Number(env.COLLECTIBLES_CONFIRMATIONS)
    const wait = (hash: `0x${string}`) => waitForConfirmations(clients.public, hash, { confirmations, timeoutMs: 600_000, pollingIntervalMs: 250 })
    await wait(await clients.wallet(admin).writeContract({ address: contract, abi: collectiblesAbi, functionName: 'grantRole', args: [role, bare.address] }))
    const bareEdition = keccak256(stringToHex(`bench-bare-${editionId}`))
    const creator = (await db.query<{ address: string }>('SELECT address FROM custodial_wallets WHERE person_id = $1', [creatorId])).rows[0]!.address as Address
    await wait(await clients.wallet(bare).writeContract({ address: contract, abi: collectiblesAbi, functionName: 'createEdition', args: [bareEdition, creator, N, 500n, 'bench'] }))
    const holders = (await db.query<{ address: string }>('SELECT owner_address AS address FROM collectible_tokens WHERE edition_id = $1 ORDER BY created_at', [editionId])).rows
    const t1 = performance.now()
    const hashes: `0x${string}`[] = []
    for (const [i, h] of holders.entries()) {
      hashes.push(await clients.wallet(bare).sendTransaction({ to: contract,
        data: encodeFunctionData({ abi: collectiblesAbi, functionName: 'mint', args: [bareEdition, h.address as Address, keccak256(stringToHex(`bare-${editionId}-${i}`))] }) }))
    }
    await pool(hashes, 32, async (hash) => { await wait(hash) })
    const bareSeconds = (performance.now() - t1) / 1000
    const bareRate = holders.length / bareSeconds

    const gas = (await db.query<{ avg: string }>(`SELECT avg(gas_used) FROM chain_transactions WHERE purpose = 'mint' AND key LIKE 'collectible-sale:%' AND created_at > now() - interval '1 hour'`)).rows[0]!.avg
    console.log(`collectibles: ${N} mints end to end (charge, journalled mint, ${confirmations} confirmations, ledger) in ${platformSeconds.toFixed(1)} s = ${platformRate.toFixed(2)} mints/s`)
    console.log(`bare viem, the same ${holders.length} mint calls, same node and confirmations: ${bareSeconds.toFixed(1)} s = ${bareRate.toFixed(2)} mints/s`)
    console.log(`ratio platform / bare viem: ${(platformRate / bareRate).toFixed(3)}x; average gas per platform mint ${Math.round(Number(gas))}`)
  } finally {
    await db.end()
    await temporal.connection.close()
  }
}
