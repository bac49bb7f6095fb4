import BackHandIcon from '@mui/icons-material/BackHand'
import { LegalHoldCreate } from './LegalHoldCreate'
import { LegalHoldList } from './LegalHoldList'

/** Litigation holds for compliance and admins (2257, chargeback and tax holds are derived and shown on each request). */
export default { list: LegalHoldList, create: LegalHoldCreate, icon: BackHandIcon }
