import type { ReactNode } from 'react'
import { useEffect } from 'react'

type ModalProps = { title: string; testId: string; onClose: () => void; children: ReactNode }

/** A themed dialog over the page; Escape or the close button dismisses it. */
export function Modal({ title, testId, onClose, children }: ModalProps) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose()
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
  const titleId = `${testId}-title`
  return (
    <div className="modal-backdrop">
      <section className="modal" role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid={testId}>
        <header className="modal-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="modal-close" aria-label="Close" onClick={onClose} data-testid={`${testId}-close`}>
            ×
          </button>
        </header>
        {children}
      </section>
    </div>
  )
}
