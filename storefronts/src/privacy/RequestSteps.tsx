import { dateText, erasedText, HOLD_LABEL, STEP_LABEL, SYSTEM_LABEL, whatText } from './format'
import type { DsrKind, DsrStep } from './types'

// what `erased` counts depends on the request: removed, copied into the archive, or corrected
const COUNTED: Readonly<Record<DsrKind, string>> = { erasure: 'Removed', access: 'Included', rectification: 'Updated' }

/** The request's progress in each system: done, waiting, nothing to do, or partly kept under a legal hold (what, why, until when). */
export function RequestSteps({ kind, steps }: { kind: DsrKind; steps: DsrStep[] }) {
  return (
    <ol className="privacy-steps" aria-label="Progress in each system" data-testid="privacy-steps">
      {steps.map((step) => (
        <li key={step.system} className="privacy-step" data-testid="privacy-step" data-system={step.system} data-status={step.status}>
          <span className="privacy-step-system">{SYSTEM_LABEL[step.system] ?? step.system}</span>
          <span className="privacy-step-status">{STEP_LABEL[step.status] ?? step.status}</span>
          {Object.keys(step.erased).length > 0 && <small className="privacy-step-detail">{COUNTED[kind]}: {erasedText(step.erased)}</small>}
          {step.withheld.map((w) => (
            <small key={`${w.what}-${w.holdKind}`} className="privacy-step-detail" title={w.reason} data-testid="privacy-withheld"
              data-hold-kind={w.holdKind}>
              Kept: {whatText(w.what)}, because of {HOLD_LABEL[w.holdKind] ?? w.holdKind}{w.until ? `, until ${dateText(w.until)}` : ''}
            </small>
          ))}
        </li>
      ))}
    </ol>
  )
}
