type ProgressBarProps = { label: string; percent: number; valueText?: string; testId: string; tone?: 'done' | 'failed' }

/** A themed progress bar with its accessible name and value; the visible label says the same. */
export function ProgressBar({ label, percent, valueText, testId, tone }: ProgressBarProps) {
  const value = Math.round(Math.min(100, Math.max(0, percent)))
  return (
    <div className="media-progress" data-testid={testId} data-tone={tone}>
      <div className="media-progress-label">
        <span>{label}</span>
        <span>{valueText ?? `${value} %`}</span>
      </div>
      <div className="media-progress-track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100}
        aria-valuenow={value} aria-valuetext={valueText ?? `${value} %`}>
        <div className="media-progress-fill" style={{ width: `${value}%` }} />
      </div>
    </div>
  )
}
