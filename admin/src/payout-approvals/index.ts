import FactCheckIcon from '@mui/icons-material/FactCheck'
import { PayoutApprovalList } from './PayoutApprovalList'

/** The approvals queue: payout items waiting for finance (their show page is the payout-items one). */
export default { list: PayoutApprovalList, icon: FactCheckIcon }
