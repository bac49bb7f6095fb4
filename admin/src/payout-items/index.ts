import PaymentsIcon from '@mui/icons-material/Payments'
import { PayoutItemList } from './PayoutItemList'
import { PayoutItemShow } from './PayoutItemShow'

export default { list: PayoutItemList, show: PayoutItemShow, icon: PaymentsIcon }
