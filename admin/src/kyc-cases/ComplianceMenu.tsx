import { ListSubheader } from '@mui/material'
import { Menu, usePermissions } from 'react-admin'
import type { RoleGrant } from '../session'
import { canReadPerformerRecords, canReviewKyc } from './access'
import { PrivacyMenuItems } from '../dsr-requests/PrivacyMenuItems'

/** The Compliance group of the back-office menu: the KYC queue, and the 2257 records for the compliance role only. */
export function ComplianceMenuItems() {
  const { permissions } = usePermissions<RoleGrant[]>()
  if (!canReviewKyc(permissions)) return null
  return (
    <>
      <ListSubheader sx={{ bgcolor: 'transparent', lineHeight: 2.5 }} data-testid="menu-compliance">Compliance</ListSubheader>
      <Menu.ResourceItem name="kyc-cases" data-testid="menu-kyc-cases" />
      {canReadPerformerRecords(permissions) && <Menu.ResourceItem name="performer-records" data-testid="menu-performer-records" />}
      <PrivacyMenuItems />
    </>
  )
}
