/** Co-performer invitations: the sealed address of each goes, with its slot's key, once nobody will be invited again. */
import type { Db } from '../../prisma/client.ts'
import type { Prisma } from '../../generated/prisma/client.ts'

/** Destroys a data key (crypto-shredding): here an invitation slot's. */
export type DestroyKey = (id: string) => Promise<void>

/**
 * Drops the sealed addresses of the matching slots and destroys their keys. The key goes first: a retry after a crash
 * between the two still finds the slot (its address not yet dropped) and finishes. Idempotent.
 */
export async function forgetInvites(db: Db, destroyKey: DestroyKey, where: Prisma.MediaPerformerWhereInput): Promise<number> {
  const slots = await db.mediaPerformer.findMany({ where: { AND: [where, { emailSealed: { not: null } }] }, select: { id: true } })
  for (const slot of slots) {
    await destroyKey(slot.id)
    await db.mediaPerformer.update({ where: { id: slot.id }, data: { emailSealed: null } })
  }
  return slots.length
}
