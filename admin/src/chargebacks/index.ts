import GavelIcon from '@mui/icons-material/Gavel'
import { ChargebackCaseList } from './ChargebackCaseList'
import { ChargebackCaseShow } from './ChargebackCaseShow'

export default { list: ChargebackCaseList, show: ChargebackCaseShow, icon: GavelIcon }
