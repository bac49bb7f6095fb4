/** The onboarding steps in order, as the creator sees them. */
export const STEPS = [
  { key: 'details', label: 'Your details' },
  { key: 'release', label: 'Model release' },
  { key: 'identity', label: 'Identity check' },
  { key: 'review', label: 'Review' },
  { key: 'approved', label: 'Approved' },
] as const
export type StepKey = (typeof STEPS)[number]['key']

type StepState = 'done' | 'active' | 'failed' | 'todo'

/** Progress through onboarding; the last step reached is done when approved, failed when declined or expired. */
export function Stepper({ current, failed = false }: { current: StepKey; failed?: boolean }) {
  const at = STEPS.findIndex((s) => s.key === current)
  const stateOf = (index: number): StepState => {
    if (index < at || (current === 'approved' && index === at)) return 'done'
    if (index === at) return failed ? 'failed' : 'active'
    return 'todo'
  }
  return (
    <ol className="stepper" aria-label="Onboarding progress" data-testid="onboarding-stepper" data-current={current} data-failed={String(failed)}>
      {STEPS.map((step, index) => (
        <li key={step.key} className="step" data-state={stateOf(index)} aria-current={index === at ? 'step' : undefined}
          data-testid={`onboarding-step-${step.key}`}>
          {step.label}
        </li>
      ))}
    </ol>
  )
}
