import { useEffect, useState } from 'react'
import { Alert, Box, Link, Skeleton } from '@mui/material'
import { session } from '../session'

type Loaded = { url: string; isImage: boolean } | { error: string } | null

/**
 * An image the API only hands out with the bearer token (ID documents, faces): fetched, shown from a blob URL that
 * is revoked on unmount, never cached by the browser. Anything that is not an image is offered as a download.
 */
export function AuthImage({ src, alt, testId }: { src: string; alt: string; testId: string }) {
  const [loaded, setLoaded] = useState<Loaded>(null)

  useEffect(() => {
    let objectUrl: string | null = null
    let active = true
    const token = session.token()
    fetch(src, { headers: token ? { Authorization: `Bearer ${token}` } : {}, cache: 'no-store' })
      .then(async (response) => {
        if (!response.ok) throw new Error(`The image could not be loaded (HTTP ${response.status}).`)
        const blob = await response.blob()
        objectUrl = URL.createObjectURL(blob)
        if (active) setLoaded({ url: objectUrl, isImage: blob.type.startsWith('image/') })
        else URL.revokeObjectURL(objectUrl)
      })
      .catch((error: unknown) => active && setLoaded({ error: error instanceof Error ? error.message : 'The image could not be loaded.' }))
    return () => {
      active = false
      if (objectUrl) URL.revokeObjectURL(objectUrl)
    }
  }, [src])

  if (!loaded) return <Skeleton variant="rectangular" width={240} height={160} data-testid={`${testId}-loading`} />
  if ('error' in loaded) return <Alert severity="warning" data-testid={`${testId}-error`}>{loaded.error}</Alert>
  if (!loaded.isImage) return <Link href={loaded.url} download data-testid={testId}>Download {alt}</Link>
  return (
    <Link href={loaded.url} target="_blank" rel="noopener noreferrer">
      <Box component="img" src={loaded.url} alt={alt} data-testid={testId}
        sx={{ display: 'block', maxWidth: 320, maxHeight: 240, borderRadius: 1, border: 1, borderColor: 'divider' }} />
    </Link>
  )
}
