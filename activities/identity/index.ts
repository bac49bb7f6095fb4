/** The identity activities: signup, verification cases, 2257 records. Built from injected clients (see deps.ts). */
import type { IdentityDeps } from './deps.ts'
import { createKycActivities } from './kyc.ts'
import { createPeopleActivities } from './people.ts'
import { createRecordActivities } from './records-2257.ts'

export type { IdentityDeps } from './deps.ts'

export function createIdentityActivities(deps: IdentityDeps) {
  return { ...createPeopleActivities(deps), ...createKycActivities(deps), ...createRecordActivities(deps) }
}
