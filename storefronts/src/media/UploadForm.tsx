import type { FormEvent } from 'react'
import { useReducer, useState } from 'react'
import { InputField } from '../signup/Fields'
import { AccessFields } from './AccessFields'
import { deleteMedia } from './media-api'
import { PerformerRows } from './PerformerRows'
import { ResumeOffer } from './ResumeOffer'
import type { UploadFormErrors, UploadFormValues } from './upload-form'
import { ACCEPT_ATTRIBUTE, EMPTY_FORM, LIMITS, fileProblem, readUploadForm } from './upload-form'
import { findRemembered, forgetUpload } from './upload-memory'
import type { UploadDetails } from './use-upload'

// refusals about the file itself belong beside the file input
const FILE_CODES = ['UNSUPPORTED_TYPE', 'FILE_TOO_LARGE', 'EMPTY_FILE', 'EXTENSION_MISMATCH']

type UploadFormProps = {
  brand: string; token: string; busy: boolean; serverError: { code: string; message: string } | null
  onStart: (file: File, details: UploadDetails) => void; onResume: (mediaId: string, file: File) => void
}

/** Title, caption, tags, access and price, co-performers and the file; refuses a bad file before anything is read or sent. */
export function UploadForm({ brand, token, busy, serverError, onStart, onResume }: UploadFormProps) {
  const [values, setValues] = useState<UploadFormValues>(EMPTY_FORM)
  const [file, setFile] = useState<File | null>(null)
  const [errors, setErrors] = useState<UploadFormErrors>({})
  // the remembered uploads live in storage (the upload hook forgets one that is gone): read them on every render
  const [, redraw] = useReducer((n: number) => n + 1, 0)
  // a refusal of the previous attempt no longer applies once another file is picked
  const [dismissed, setDismissed] = useState<object | null>(null)
  const change = (patch: Partial<UploadFormValues>) => setValues((v) => ({ ...v, ...patch }))

  const pick = (picked: File | null) => {
    setFile(picked)
    setDismissed(serverError)
    setErrors((e) => ({ ...e, file: picked ? (fileProblem(picked) ?? undefined) : undefined }))
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const read = readUploadForm(values, file)
    setErrors(read.errors)
    if (read.details && file) onStart(file, read.details)
  }

  const refusal = serverError !== dismissed ? serverError : null
  const fileError = errors.file ?? (refusal && FILE_CODES.includes(refusal.code) ? refusal.message : undefined)
  const formError = refusal && !FILE_CODES.includes(refusal.code) ? refusal.message : null
  const remembered = file && !fileError ? findRemembered(window.localStorage, brand, file) : null

  const startOver = () => {
    if (!remembered) return
    forgetUpload(window.localStorage, remembered.mediaId)
    // the abandoned item would otherwise sit in the studio as "uploading"; failing to remove it changes nothing here
    deleteMedia(remembered.mediaId, token).catch(() => undefined)
    redraw()
  }
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Upload a video" data-testid="upload-form">
      <div className="field">
        <label htmlFor="upload-file">Video file</label>
        <input id="upload-file" type="file" accept={ACCEPT_ATTRIBUTE} disabled={busy} aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? 'upload-file-error' : 'upload-file-hint'} onChange={(e) => pick(e.target.files?.[0] ?? null)}
          data-testid="upload-file" />
        <small id="upload-file-hint" className="field-hint">MP4, MOV, WebM or MKV.</small>
        {fileError && <small id="upload-file-error" className="field-error" role="alert" data-testid="upload-file-error">{fileError}</small>}
      </div>
      {formError && <p className="form-error" role="alert" data-testid="upload-error">{formError}</p>}
      {remembered && file ? (
        <ResumeOffer upload={remembered} disabled={busy} onResume={() => onResume(remembered.mediaId, file)} onStartOver={startOver} />
      ) : (
        <>
          <InputField label="Title" testId="upload-title" maxLength={LIMITS.title} value={values.title} error={errors.title}
            onChange={(e) => change({ title: e.target.value })} />
          <div className="field">
            <label htmlFor="upload-caption">Caption (optional)</label>
            <textarea id="upload-caption" rows={4} maxLength={LIMITS.caption} value={values.caption}
              aria-invalid={errors.caption ? true : undefined} aria-describedby={errors.caption ? 'upload-caption-error' : undefined}
              onChange={(e) => change({ caption: e.target.value })} data-testid="upload-caption" />
            {errors.caption && <small id="upload-caption-error" className="field-error" data-testid="upload-caption-error">{errors.caption}</small>}
          </div>
          <InputField label="Tags (optional)" testId="upload-tags" value={values.tags} error={errors.tags}
            hint={`Separate tags with commas; up to ${LIMITS.tags}.`}
            onChange={(e) => change({ tags: e.target.value })} />
          <AccessFields values={values} error={errors.price} onChange={change} />
          <PerformerRows rows={values.performers} errors={errors.performers} onChange={(performers) => change({ performers })} />
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="upload-submit">Upload video</button>
        </>
      )}
    </form>
  )
}
