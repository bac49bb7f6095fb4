import type { SyntheticEvent } from 'react'
import { Tab, Tabs } from '@mui/material'
import { useListContext } from 'react-admin'
import { CASE_STATUS } from './types'

const TABS = [{ key: CASE_STATUS.open, label: 'Open' }, { key: CASE_STATUS.resolved, label: 'Resolved' }] as const

/** Open / Resolved as tabs over the status filter (neither selected when a link asks for every case); the other filters carry over. */
export function CaseTabs() {
  const { filterValues, displayedFilters, setFilters } = useListContext()
  const current = typeof filterValues.status === 'string' ? filterValues.status : false
  const choose = (_: SyntheticEvent, key: string) => setFilters({ ...filterValues, status: key }, displayedFilters)
  return (
    <Tabs value={current} onChange={choose} sx={{ borderBottom: 1, borderColor: 'divider' }} aria-label="Case status">
      {TABS.map((t) => <Tab key={t.key} value={t.key} label={t.label} data-testid={`case-tab-${t.key.toLowerCase()}`} />)}
    </Tabs>
  )
}
