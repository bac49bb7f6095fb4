import { useEffect, useState } from 'react'
import { Alert, Box, Skeleton } from '@mui/material'
import { errorMessage, httpClient } from '../http-client'

/** The message exactly as the sink received it (RFC 822), fetched with the session's token when the tab opens. */
export function RawSource({ id }: { id: string }) {
  const [raw, setRaw] = useState<{ text: string } | { error: string } | null>(null)
  useEffect(() => {
    let active = true
    httpClient(`/api/mail-messages/${encodeURIComponent(id)}/raw`, { headers: new Headers({ Accept: 'text/plain' }) })
      .then(({ body }) => active && setRaw({ text: body }), (error: unknown) => active && setRaw({ error: errorMessage(error) }))
    return () => { active = false }
  }, [id])
  if (!raw) return <Skeleton variant="rectangular" height={240} />
  if ('error' in raw) return <Alert severity="warning">{raw.error}</Alert>
  return (
    <Box component="pre" data-testid="mail-raw" sx={{ m: 0, p: 2, overflow: 'auto', maxHeight: 640, fontSize: 12, bgcolor: 'action.hover', borderRadius: 1 }}>
      {raw.text}
    </Box>
  )
}
