import ReceiptLongIcon from '@mui/icons-material/ReceiptLong'
import { LedgerEntryList } from './LedgerEntryList'
import { LedgerEntryShow } from './LedgerEntryShow'

export default { list: LedgerEntryList, show: LedgerEntryShow, icon: ReceiptLongIcon }
