import { Menu, usePermissions } from 'react-admin'
import { canManagePrivacy } from '../kyc-cases/access'
import type { RoleGrant } from '../session'

/** Menu entries for the privacy screens, for the Compliance group of the back-office menu (compliance and admins). */
export function PrivacyMenuItems() {
  const { permissions } = usePermissions<RoleGrant[]>()
  if (!canManagePrivacy(permissions)) return null
  return (
    <>
      <Menu.ResourceItem name="privacy-requests" data-testid="menu-privacy-requests" />
      <Menu.ResourceItem name="legal-holds" data-testid="menu-legal-holds" />
    </>
  )
}
