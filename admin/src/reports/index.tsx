import { lazy, Suspense } from 'react'
import { LinearProgress } from '@mui/material'

// the charting library is loaded with the page, not with the back office's first paint
const ReportsPage = lazy(() => import('./ReportsPage').then((m) => ({ default: m.ReportsPage })))

/** The Reports page, in its own bundle chunk. */
export function ReportsRoute() {
  return (
    <Suspense fallback={<LinearProgress sx={{ mt: 2 }} />}>
      <ReportsPage />
    </Suspense>
  )
}
