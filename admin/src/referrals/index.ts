import HandshakeIcon from '@mui/icons-material/Handshake'
import { ReferralCreate } from './ReferralCreate'
import { ReferralList } from './ReferralList'

export default { list: ReferralList, create: ReferralCreate, icon: HandshakeIcon }
