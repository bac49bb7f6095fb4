import EventRepeatIcon from '@mui/icons-material/EventRepeat'
import { PayoutScheduleList } from './PayoutScheduleList'

export default { list: PayoutScheduleList, icon: EventRepeatIcon }
