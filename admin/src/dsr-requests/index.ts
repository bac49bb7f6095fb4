import PrivacyTipIcon from '@mui/icons-material/PrivacyTip'
import { PrivacyRequestCreate } from './PrivacyRequestCreate'
import { PrivacyRequestList } from './PrivacyRequestList'
import { PrivacyRequestShow } from './PrivacyRequestShow'

/** The DSR queue (GDPR / CCPA access, erasure, rectification) for compliance and admins. */
export default { list: PrivacyRequestList, show: PrivacyRequestShow, create: PrivacyRequestCreate, icon: PrivacyTipIcon }
