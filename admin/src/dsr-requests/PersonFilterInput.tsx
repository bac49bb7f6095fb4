import { useEffect, useState } from 'react'
import { Autocomplete, TextField } from '@mui/material'
import { useGetList, useGetOne, useInput } from 'react-admin'

type PersonOption = { id: string; email: string }

// wait for a pause in typing before asking the API
const DEBOUNCE_MS = 300

/**
 * A person filter by email that sets `personId`. The people list only filters on `q`, so this looks people up itself
 * (GET /api/people?filter={"q":…}, and GET /api/people/:id for a person already in the URL) instead of a ReferenceInput.
 */
export function PersonFilterInput({ source = 'personId', label = 'Person' }: { source?: string; label?: string; alwaysOn?: boolean }) {
  const { field } = useInput({ source })
  const personId = typeof field.value === 'string' && field.value ? field.value : null
  const [typed, setTyped] = useState('')
  const [search, setSearch] = useState('')
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [typed])

  const { data: found = [], isFetching } = useGetList<PersonOption>('people', {
    filter: search ? { q: search } : {}, pagination: { page: 1, perPage: 10 }, sort: { field: 'email', order: 'ASC' },
  })
  const { data: current } = useGetOne<PersonOption>('people', { id: personId ?? '' }, { enabled: personId !== null })
  const selected = personId && current?.id === personId ? current : null
  const options = selected && !found.some((p) => p.id === selected.id) ? [selected, ...found] : found

  return (
    <Autocomplete
      options={options}
      value={selected}
      loading={isFetching}
      getOptionLabel={(p) => p.email}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      filterOptions={(all) => all}
      onInputChange={(_event, text, reason) => { if (reason === 'input' || reason === 'clear') setTyped(text) }}
      onChange={(_event, person) => field.onChange(person?.id ?? null)}
      sx={{ minWidth: 260, mb: '4px' }}
      renderInput={(params) => <TextField {...params} label={label} size="small" variant="filled" data-testid={`filter-${source}`} />}
    />
  )
}
