import { ListSubheader } from '@mui/material'
import { Menu, usePermissions } from 'react-admin'
import type { RoleGrant } from '../session'
import { canReadCollectibles } from './access'

/** The Collectibles group of the back-office menu: editions and the chain transaction journal, for finance, compliance and admins. */
export function CollectiblesMenuItems() {
  const { permissions } = usePermissions<RoleGrant[]>()
  if (!canReadCollectibles(permissions)) return null
  return (
    <>
      <ListSubheader sx={{ bgcolor: 'transparent', lineHeight: 2.5 }} data-testid="menu-collectibles-group">Collectibles</ListSubheader>
      <Menu.ResourceItem name="collectible-editions" data-testid="menu-collectible-editions" />
      <Menu.ResourceItem name="chain-transactions" data-testid="menu-chain-transactions" />
    </>
  )
}
