import AutorenewIcon from '@mui/icons-material/Autorenew'
import { SubscriptionList } from './SubscriptionList'
import { SubscriptionShow } from './SubscriptionShow'

export default { list: SubscriptionList, show: SubscriptionShow, icon: AutorenewIcon }
