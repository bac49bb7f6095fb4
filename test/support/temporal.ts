/** A Temporal client of the test stack that opens sealed payloads as the API and workers do. */
import { Client, Connection } from '@temporalio/client'
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
