import type { ReactNode } from 'react'
import { ListSubheader } from '@mui/material'
import BalanceIcon from '@mui/icons-material/Balance'
import InsightsIcon from '@mui/icons-material/Insights'
import { Layout, Menu, usePermissions } from 'react-admin'
import type { RoleGrant } from './session'
import { hasFinanceAccess } from './session'
import { ComplianceMenuItems } from './kyc-cases/ComplianceMenu'
import { ModerationMenuItems } from './media-reviews/ModerationMenu'
import { CollectiblesMenuItems } from './collectibles'
import { canReadMail } from './mail'
import { ApprovalsMenuItem } from './payout-approvals/ApprovalsMenuItem'

/** Operations resources, then the Finance group for finance staff and admins. */
function AppMenu() {
  const { permissions } = usePermissions<RoleGrant[]>()
  return (
    <Menu>
      <Menu.DashboardItem />
      <Menu.ResourceItem name="brands" />
      <Menu.ResourceItem name="people" />
      <Menu.ResourceItem name="audit-logs" />
      <Menu.ResourceItem name="platform-checks" />
      {canReadMail(permissions) && <Menu.ResourceItem name="mail-messages" />}
      <ComplianceMenuItems />
      <ModerationMenuItems />
      <CollectiblesMenuItems />
      {hasFinanceAccess(permissions) && [
        <ListSubheader key="finance" sx={{ bgcolor: 'transparent', lineHeight: 2.5 }} data-testid="menu-finance">Finance</ListSubheader>,
        <Menu.ResourceItem key="purchases" name="purchases" />,
        <Menu.ResourceItem key="ledger-entries" name="ledger-entries" />,
        <Menu.ResourceItem key="ledger-accounts" name="ledger-accounts" />,
        <Menu.Item key="trial-balance" to="/trial-balance" primaryText="Trial balance" leftIcon={<BalanceIcon />} data-testid="menu-trial-balance" />,
        <Menu.ResourceItem key="subscriptions" name="subscriptions" />,
        <Menu.ResourceItem key="dunning-queue" name="dunning-queue" />,
        <Menu.ResourceItem key="chargeback-cases" name="chargeback-cases" />,
        <Menu.ResourceItem key="revenue-share-rules" name="revenue-share-rules" />,
        <Menu.ResourceItem key="referrals" name="referrals" />,
        <Menu.ResourceItem key="payout-runs" name="payout-runs" data-testid="menu-payout-runs" />,
        <ApprovalsMenuItem key="payout-approvals" />,
        <Menu.ResourceItem key="payout-items" name="payout-items" data-testid="menu-payout-items" />,
        <Menu.ResourceItem key="reconciliation-cases" name="reconciliation-cases" data-testid="menu-reconciliation-cases" />,
        <Menu.ResourceItem key="payout-schedules" name="payout-schedules" data-testid="menu-payout-schedules" />,
        <Menu.ResourceItem key="fx-rates" name="fx-rates" />,
        <Menu.Item key="reports" to="/reports" primaryText="Reports" leftIcon={<InsightsIcon />} data-testid="menu-reports" />,
      ]}
    </Menu>
  )
}

export function AppLayout({ children }: { children: ReactNode }) {
  return <Layout menu={AppMenu}>{children}</Layout>
}
