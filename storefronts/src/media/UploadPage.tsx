import { useCallback, useState } from 'react'
import type { Brand } from '../../../domain/brands'
import type { FanSession } from '../fan-session'
import { MediaShell } from './MediaShell'
import { mediaHref } from './media-paths'
import { StudioGate } from './StudioGate'
import { UploadForm } from './UploadForm'
import { UploadStatus } from './UploadStatus'
import { useUpload } from './use-upload'

type StudioPageProps = { brand: Brand; session: FanSession | null; onSignIn: () => void; onSessionExpired: () => void }

/** /<brand>/studio/upload: a creator uploads a video straight to storage, resumable, then watches it being processed. */
export function UploadPage({ brand, session, onSignIn, onSessionExpired }: StudioPageProps) {
  const back = <a className="btn btn-ghost" href={mediaHref(brand.slug, { page: 'studio-list' })} data-testid="studio-list-link">Your videos</a>
  return (
    <MediaShell brand={brand} title="Upload a video" testId="studio-upload-page" actions={back}>
      <StudioGate brand={brand} token={session?.token ?? null} onSignIn={onSignIn} onSessionExpired={onSessionExpired}>
        {session && <UploadFlow brand={brand} token={session.token} onSessionExpired={onSessionExpired} />}
      </StudioGate>
    </MediaShell>
  )
}

function UploadFlow({ brand, token, onSessionExpired }: { brand: Brand; token: string; onSessionExpired: () => void }) {
  const onDone = useCallback((mediaId: string) => window.location.assign(mediaHref(brand.slug, { page: 'studio-item', id: mediaId })), [brand.slug])
  const { state, start, resume, pause, retry } = useUpload({ brand: brand.slug, token, onDone, onSessionExpired })
  const [fileName, setFileName] = useState<string | null>(null)
  // the form stays until storage has accepted the upload, so a refusal shows beside what the creator typed
  const formShown = state.phase === 'idle' || state.phase === 'hashing' || state.phase === 'starting'
  return (
    <>
      {formShown && (
        <UploadForm brand={brand.slug} token={token} busy={state.phase !== 'idle'} serverError={state.error}
          onStart={(file, details) => {
            setFileName(file.name)
            void start(file, details)
          }}
          onResume={(mediaId, file) => {
            setFileName(file.name)
            void resume(mediaId, file)
          }} />
      )}
      {state.phase !== 'idle' && <UploadStatus state={state} fileName={fileName} onPause={pause} onResume={retry} />}
    </>
  )
}
