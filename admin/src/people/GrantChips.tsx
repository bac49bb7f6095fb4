import { Chip, Stack } from '@mui/material'
import { useRecordContext } from 'react-admin'

type RoleGrant = { role: string; brandSlug: string | null }
type Persona = { brandSlug: string; handle: string; kind: 'fan' | 'creator' }

/** A person's roles, each scoped to one brand or to all of them. */
export function RoleChips(_: { label?: string }) {
  const roles = (useRecordContext()?.roles ?? []) as RoleGrant[]
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {roles.map((grant) => (
        <Chip key={`${grant.role}:${grant.brandSlug ?? '*'}`} size="small" label={`${grant.role} · ${grant.brandSlug ?? 'all brands'}`} />
      ))}
    </Stack>
  )
}

/** A person's fan / creator personas across brands. */
export function PersonaChips(_: { label?: string }) {
  const personas = (useRecordContext()?.personas ?? []) as Persona[]
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {personas.map((persona) => (
        <Chip
          key={`${persona.brandSlug}:${persona.handle}`}
          size="small"
          variant="outlined"
          color={persona.kind === 'creator' ? 'secondary' : 'default'}
          label={`@${persona.handle} · ${persona.kind} · ${persona.brandSlug}`}
        />
      ))}
    </Stack>
  )
}
