import { Box } from '@mui/material'
import { Title, usePermissions } from 'react-admin'
import type { RoleGrant } from '../session'
import { OpenWorkflowCard } from './OpenWorkflowCard'
import { PlatformCheckCard } from './PlatformCheckCard'
import { WorkflowCountsCard } from './WorkflowCountsCard'

/** Landing page: platform health (admins run the checks), live workflow load, and a shortcut into Temporal. */
export function Dashboard() {
  const { permissions } = usePermissions<RoleGrant[]>()
  // the platform check API is admin-only; other staff would only see its 403
  const isAdmin = (permissions ?? []).some((grant) => grant.role === 'admin')
  return (
    <Box sx={{ display: 'grid', gap: 2, mt: 2, gridTemplateColumns: { xs: '1fr', lg: '2fr 1fr' }, alignItems: 'start' }}>
      <Title title="Dashboard" />
      {isAdmin && <PlatformCheckCard />}
      <Box sx={{ display: 'grid', gap: 2 }}>
        <WorkflowCountsCard />
        <OpenWorkflowCard />
      </Box>
    </Box>
  )
}
