import FactCheckIcon from '@mui/icons-material/FactCheck'
import { KycCaseList } from './KycCaseList'
import { KycCaseShow } from './KycCaseShow'

export default { list: KycCaseList, show: KycCaseShow, icon: FactCheckIcon }
