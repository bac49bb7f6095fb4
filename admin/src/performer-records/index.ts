import AssignmentIndIcon from '@mui/icons-material/AssignmentInd'
import { PerformerRecordList } from './PerformerRecordList'
import { PerformerRecordShow } from './PerformerRecordShow'

export default { list: PerformerRecordList, show: PerformerRecordShow, icon: AssignmentIndIcon }
