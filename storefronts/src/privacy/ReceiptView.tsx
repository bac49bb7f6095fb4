import { useEffect, useState } from 'react'
import { Modal } from '../components/Modal'
import { ApiErrorNote, isSessionEnded } from './ApiErrorNote'
import { dateText } from './format'
import { privacyApi } from './privacy-api'
import type { PrivacyRequest, SignedReceipt } from './types'

type ReceiptViewProps = { request: PrivacyRequest; token: string; onSessionExpired: () => void; onClose: () => void }

/** The signed receipt of a finished request: what each system did, as JSON, with the signature that proves Fanz issued it. */
export function ReceiptView({ request, token, onSessionExpired, onClose }: ReceiptViewProps) {
  const [signed, setSigned] = useState<SignedReceipt | null>(null)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    let active = true
    privacyApi.receipt(request.id, token).then(
      (loaded) => { if (active) setSigned(loaded) },
      (caught: unknown) => {
        if (isSessionEnded(caught)) onSessionExpired()
        if (active) setError(caught)
      },
    )
    return () => {
      active = false
    }
  }, [request.id, token, onSessionExpired])

  const summary = request.receipt
  return (
    <Modal title="Receipt" testId="privacy-receipt" onClose={onClose}>
      {error !== null && <ApiErrorNote error={error} testId="privacy-receipt-error" />}
      {!signed && error === null && <p role="status">Loading…</p>}
      {signed && (
        <pre className="privacy-json" tabIndex={0} aria-label="Receipt as JSON" data-testid="privacy-receipt-json">
          {JSON.stringify(signed.receipt, null, 2)}
        </pre>
      )}
      <dl className="privacy-facts">
        <dt>Issued</dt>
        <dd>{dateText(summary?.issuedAt ?? null)}</dd>
        <dt>Algorithm</dt>
        <dd>{signed?.algorithm ?? 'Ed25519'}</dd>
        <dt>Key id</dt>
        <dd className="privacy-hex" data-testid="privacy-receipt-key-id">{signed?.keyId ?? summary?.keyId}</dd>
        <dt>Signature</dt>
        <dd className="privacy-hex" data-testid="privacy-receipt-signature">{signed?.signature ?? summary?.signature}</dd>
        {signed?.publicKey && <><dt>Public key</dt><dd className="privacy-hex" data-testid="privacy-receipt-public-key">{signed.publicKey}</dd></>}
      </dl>
    </Modal>
  )
}
