import { Box, Stack, Typography } from '@mui/material'
import { useRecordContext } from 'react-admin'

/** A colour value with a small swatch of it. */
export function ColorSwatchField({ source }: { source: string; label?: string }) {
  const record = useRecordContext()
  const color = record?.[source] as string | undefined
  if (!color) return null
  return (
    <Stack direction="row" spacing={1} component="span" sx={{ alignItems: 'center' }}>
      <Box component="span" sx={{ width: 16, height: 16, borderRadius: '50%', bgcolor: color, boxShadow: `0 0 6px ${color}` }} />
      <Typography component="span" variant="body2">{color}</Typography>
    </Stack>
  )
}
