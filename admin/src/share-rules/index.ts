import PercentIcon from '@mui/icons-material/Percent'
import { RevenueShareRuleCreate } from './RevenueShareRuleCreate'
import { RevenueShareRuleList } from './RevenueShareRuleList'

export default { list: RevenueShareRuleList, create: RevenueShareRuleCreate, icon: PercentIcon }
