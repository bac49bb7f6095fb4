import type { SyntheticEvent } from 'react'
import { useEffect } from 'react'
import { FormControlLabel, Stack, Switch, Tab, Tabs } from '@mui/material'
import { useListContext, useStore } from 'react-admin'
import type { Identifier } from 'react-admin'
import { currentTab, KEPT_FILTERS, QUEUE_STORE_KEY, QUEUE_TABS } from './queue'

const kept = (filterValues: Record<string, unknown>) =>
  Object.fromEntries(KEPT_FILTERS.filter((key) => filterValues[key] !== undefined).map((key) => [key, filterValues[key]]))

/** The saved queues as tabs (each with its own sort), and the "Assigned to me" toggle; brand and search carry over. */
export function QueueTabs() {
  const { filterValues, displayedFilters, setFilters, setSort } = useListContext()
  const tab = currentTab(filterValues)
  const choose = (_: SyntheticEvent, key: string) => {
    const next = QUEUE_TABS.find((t) => t.key === key)
    if (!next) return
    setFilters({ ...kept(filterValues), ...next.filter }, displayedFilters)
    setSort(next.sort)
  }
  const mine = filterValues.assigneeId === 'me'
  const toggleMine = (checked: boolean) => {
    setFilters({ ...filterValues, assigneeId: checked ? 'me' : undefined }, displayedFilters)
  }
  return (
    <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', borderBottom: 1, borderColor: 'divider', flexWrap: 'wrap' }}>
      <Tabs value={tab?.key ?? false} onChange={choose} variant="scrollable" aria-label="Review queues">
        {QUEUE_TABS.map((t) => <Tab key={t.key} value={t.key} label={t.label} data-testid={`queue-tab-${t.key}`} />)}
      </Tabs>
      <FormControlLabel sx={{ mr: 2 }} label="Assigned to me"
        control={<Switch checked={mine} onChange={(e) => toggleMine(e.target.checked)} slotProps={{ input: { 'data-testid': 'filter-assigned-to-me' } as object }} />} />
      <QueueRecorder />
    </Stack>
  )
}

/** Remembers the ids the list shows, in its order, for J / K and "next after a decision" in the workspace. */
function QueueRecorder() {
  const { data } = useListContext()
  const [, setQueue] = useStore<Identifier[]>(QUEUE_STORE_KEY, [])
  useEffect(() => {
    if (data) setQueue(data.map((record) => record.id))
  }, [data, setQueue])
  return null
}
