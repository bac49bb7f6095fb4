import assert from 'node:assert/strict'
import { z } from 'zod'
import { listQuery } from './list-query.ts'

describe('react-admin list query parsing', () => {
  const q = listQuery(['name', 'createdAt'], z.object({ q: z.string().optional() }))

  const ok: [query: Record<string, string>, expected: object][] = [
    [{}, { orderBy: { name: 'asc' }, skip: 0, take: 25, filter: {} }],
    [{ sort: '["createdAt","DESC"]', range: '[10,19]' }, { orderBy: { createdAt: 'desc' }, skip: 10, take: 10, filter: {} }],
    [{ filter: '{"q":"rex"}', range: '[0,0]' }, { orderBy: { name: 'asc' }, skip: 0, take: 1, filter: { q: 'rex' } }],
  ]
  for (const [query, expected] of ok) it(`parses ${JSON.stringify(query)}`, () => assert.deepEqual(q.parse(query), expected))

  const bad: Record<string, string>[] = [
    { sort: '["password","ASC"]' }, { sort: '["name","UP"]' }, { range: '[5,2]' }, { range: '[0,500]' },
    { range: 'nope' }, { filter: '{"other":1}' }, { filter: '[' },
  ]
  for (const query of bad) it(`refuses ${JSON.stringify(query)}`, () => assert.equal(q.safeParse(query).success, false))
})
