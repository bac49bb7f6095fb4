/** Records a fresh history of each workflow from a running stack (npm start) into test/replay/histories/. */
import { randomUUID } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { Client, Connection } from '@temporalio/client'
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js'
import { checkPlatform } from '../../workflows/check-platform.ts'
import { checkPlatformTaskQueue, checkPlatformWorkflowId } from '../../workflows/check-platform.contract.ts'

const address = process.argv[2] ?? '127.0.0.1:7233'
const connection = await Connection.connect({ address })
const client = new Client({ connection })

const checkId = randomUUID()
const handle = await client.workflow.start(checkPlatform, {
  workflowId: checkPlatformWorkflowId(checkId), taskQueue: checkPlatformTaskQueue, args: [{ checkId, requestedById: null }],
})
const result = await handle.result()
if (!result.ok) throw new Error(`refusing to record a failed check: ${JSON.stringify(result.checks)}`)
const file = new URL('./histories/check-platform.json', import.meta.url)
await writeFile(file, historyToJSON(await handle.fetchHistory()))
console.log(`recorded ${handle.workflowId} -> ${file.pathname}`)
await connection.close()
