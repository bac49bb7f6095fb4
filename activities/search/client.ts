/** Builds the OpenSearch client. */
import { Client } from '@opensearch-project/opensearch'

export type SearchClient = Client

export function createSearchClient(node: string): SearchClient {
  return new Client({ node, requestTimeout: 10_000 })
}
