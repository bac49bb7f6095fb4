/** react-admin simple-rest list parameters: sort=["field","ASC"], range=[0,9], filter={...}. */
import type { Response } from 'express'
import { z } from 'zod'

const json = <T extends z.ZodType>(schema: T) => z.string().transform((s, ctx) => {
  try { return JSON.parse(s) as unknown } catch { ctx.addIssue({ code: 'custom', message: 'must be JSON' }); return z.NEVER }
}).pipe(schema)

export function listQuery<F extends string>(sortable: readonly [F, ...F[]], filterSchema: z.ZodObject = z.object({})) {
  return z.object({
    sort: json(z.tuple([z.enum(sortable), z.enum(['ASC', 'DESC'])])).optional(),
    range: json(z.tuple([z.number().int().min(0), z.number().int().min(0)]).refine(([a, b]) => b >= a && b - a < 500,
      'range must be [start, end] with at most 500 rows')).optional(),
    filter: json(filterSchema.strict()).optional(),
  }).transform(({ sort, range, filter }) => ({
    orderBy: { [sort?.[0] ?? sortable[0]]: (sort?.[1] ?? 'ASC').toLowerCase() as 'asc' | 'desc' },
    skip: range?.[0] ?? 0,
    take: range ? range[1] - range[0] + 1 : 25,
    filter: (filter ?? {}) as Record<string, unknown>,
  }))
}

/** Sends one page with the Content-Range header react-admin reads the total from. */
export function sendPage(res: Response, resource: string, skip: number, rows: unknown[], total: number): void {
  const end = rows.length ? skip + rows.length - 1 : skip
  res.set('Content-Range', `${resource} ${skip}-${end}/${total}`).json(rows)
}
