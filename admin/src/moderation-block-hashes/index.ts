import FingerprintIcon from '@mui/icons-material/Fingerprint'
import { BlockHashCreate } from './BlockHashCreate'
import { BlockHashList } from './BlockHashList'

export default { list: BlockHashList, create: BlockHashCreate, icon: FingerprintIcon }
