import MoneyOffIcon from '@mui/icons-material/MoneyOff'
import { DunningQueueList } from './DunningQueueList'

export default { list: DunningQueueList, icon: MoneyOffIcon }
