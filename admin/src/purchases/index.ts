import ReceiptIcon from '@mui/icons-material/Receipt'
import { PurchaseList } from './PurchaseList'
import { PurchaseShow } from './PurchaseShow'

export default { list: PurchaseList, show: PurchaseShow, icon: ReceiptIcon }
