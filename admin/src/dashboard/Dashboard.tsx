import { Box } from '@mui/material'
import { Title } from 'react-admin'
import { OpenWorkflowCard } from './OpenWorkflowCard'
import { PlatformCheckCard } from './PlatformCheckCard'
import { WorkflowCountsCard } from './WorkflowCountsCard'

/** Landing page: platform health, live workflow load, and a shortcut into Temporal. */
export function Dashboard() {
  return (
    <Box sx={{ display: 'grid', gap: 2, mt: 2, gridTemplateColumns: { xs: '1fr', lg: '2fr 1fr' }, alignItems: 'start' }}>
      <Title title="Dashboard" />
      <PlatformCheckCard />
      <Box sx={{ display: 'grid', gap: 2 }}>
        <WorkflowCountsCard />
        <OpenWorkflowCard />
      </Box>
    </Box>
  )
}
