import { Card, CardContent } from '@mui/material'
import HourglassEmptyIcon from '@mui/icons-material/HourglassEmpty'
import RateReviewIcon from '@mui/icons-material/RateReview'
import { FilterList, FilterListItem } from 'react-admin'
import { KYC_STATUS, WAITING_STATUSES } from './types'

// module constants: FilterListItem compares its value by reference to decide whether to re-render
const QUEUES = [
  { key: 'review', label: 'Review needed', value: { status: KYC_STATUS.review } },
  { key: 'waiting', label: 'Waiting on applicant', value: { status: WAITING_STATUSES } },
  { key: 'expired', label: 'Expired', value: { status: KYC_STATUS.expired } },
  { key: 'approved', label: 'Approved', value: { status: KYC_STATUS.approved } },
  { key: 'declined', label: 'Declined', value: { status: KYC_STATUS.declined } },
] as const

const AGES = [
  { key: '24', label: 'Older than 1 day', value: { olderThanHours: 24 } },
  { key: '72', label: 'Older than 3 days', value: { olderThanHours: 72 } },
  { key: '168', label: 'Older than 7 days', value: { olderThanHours: 168 } },
] as const

/** The queues the team works from: review needed, waiting on the applicant, expired; and by case age. */
export function KycQueueAside() {
  return (
    <Card sx={{ order: -1, mr: 2, mt: 2, width: 220, flexShrink: 0, display: { xs: 'none', md: 'block' } }}>
      <CardContent>
        <FilterList label="Queue" icon={<RateReviewIcon />}>
          {QUEUES.map((q) => <FilterListItem key={q.key} label={q.label} value={q.value} data-testid={`kyc-queue-${q.key}`} />)}
        </FilterList>
        <FilterList label="Age" icon={<HourglassEmptyIcon />}>
          {AGES.map((a) => <FilterListItem key={a.key} label={a.label} value={a.value} data-testid={`kyc-age-${a.key}`} />)}
        </FilterList>
      </CardContent>
    </Card>
  )
}
