import { Badge } from '@mui/material'
import FactCheckIcon from '@mui/icons-material/FactCheck'
import { Menu, useGetList } from 'react-admin'
import { PAYOUT_ITEM_STATUS } from '../payout-items/types'

/** "Payout approvals" in the Finance menu, with how many wait (looked up again every minute). */
export function ApprovalsMenuItem() {
  const { total } = useGetList('payout-items', { filter: { status: PAYOUT_ITEM_STATUS.awaitingApproval }, pagination: { page: 1, perPage: 1 },
    sort: { field: 'updatedAt', order: 'ASC' } }, { refetchInterval: 60_000 })
  return (
    <Menu.Item to="/payout-approvals" primaryText="Payout approvals" data-testid="menu-payout-approvals"
      leftIcon={<Badge badgeContent={total ?? 0} color="warning" max={99} data-testid="approvals-count"><FactCheckIcon /></Badge>} />
  )
}
