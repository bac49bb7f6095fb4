import { ListSubheader } from '@mui/material'
import { Menu, usePermissions } from 'react-admin'
import type { RoleGrant } from '../session'
import { canManageBlockHashes, canReviewMedia } from './access'

/** The Moderation group of the back-office menu: the review queue and the block list. */
export function ModerationMenuItems() {
  const { permissions } = usePermissions<RoleGrant[]>()
  if (!canReviewMedia(permissions)) return null
  return (
    <>
      <ListSubheader sx={{ bgcolor: 'transparent', lineHeight: 2.5 }} data-testid="menu-moderation">Moderation</ListSubheader>
      <Menu.ResourceItem name="media-reviews" data-testid="menu-media-reviews" />
      {canManageBlockHashes(permissions) && <Menu.ResourceItem name="moderation-block-hashes" data-testid="menu-moderation-block-hashes" />}
    </>
  )
}
