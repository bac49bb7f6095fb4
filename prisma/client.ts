/** Builds a Prisma client over node-postgres; callers inject it, nothing holds a module singleton. */
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '../generated/prisma/client.ts'

export type Db = PrismaClient

export function createDb(connectionString: string, options: { max?: number } = {}): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: options.max ?? 10 }) })
}
