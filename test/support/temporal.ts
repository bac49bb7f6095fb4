/** A Temporal client of the test stack that opens sealed payloads as the API and workers do. */
import { Client, Connection } from '@temporalio/client'
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js'
import { temporalDataConverter } from '../../activities/pii/temporal-data-converter.ts'
import { createDb } from '../../prisma/client.ts'
import { testStack } from './stack.ts'

export async function stackTemporal(): Promise<{ client: Client; close: () => Promise<void> }> {
  const env = testStack().env as Record<string, string>
  const db = createDb(env.DATABASE_URL!)
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS! })
  const client = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE, dataConverter: temporalDataConverter(
    { PII_MASTER_KEYS: env.PII_MASTER_KEYS!, PII_CURRENT_KEY_ID: env.PII_CURRENT_KEY_ID!, PII_INDEX_KEY: env.PII_INDEX_KEY! }, db) })
  return { client, close: async () => { await connection.close(); await db.$disconnect() } }
}

/** A client of the test stack with no codec: it sees payloads as the server stores them. */
export async function rawTemporal(): Promise<{ client: Client; close: () => Promise<void> }> {
  const env = testStack().env
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS })
  return { client: new Client({ connection, namespace: env.TEMPORAL_NAMESPACE }), close: () => connection.close() }
}

/** A run's stored history as JSON, followed by its payloads' bytes decoded from base64 (a search finds text in either). */
export async function storedHistoryText(client: Client, workflowId: string, runId?: string): Promise<string> {
  const text = historyToJSON(await client.workflow.getHandle(workflowId, runId).fetchHistory())
  return text + [...text.matchAll(/"data":"([A-Za-z0-9+/=]+)"/g)].map((m) => Buffer.from(m[1]!, 'base64').toString('latin1')).join('\n')
}
