import MonitorHeartIcon from '@mui/icons-material/MonitorHeart'
import { PlatformCheckList } from './PlatformCheckList'
import { PlatformCheckShow } from './PlatformCheckShow'

export default { list: PlatformCheckList, show: PlatformCheckShow, icon: MonitorHeartIcon }
