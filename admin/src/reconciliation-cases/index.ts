import CompareArrowsIcon from '@mui/icons-material/CompareArrows'
import { ReconciliationCaseList } from './ReconciliationCaseList'

export default { list: ReconciliationCaseList, icon: CompareArrowsIcon }
