import ReceiptLongIcon from '@mui/icons-material/ReceiptLong'
import { ChainTransactionList } from './ChainTransactionList'
import { ChainTransactionShow } from './ChainTransactionShow'

export default { list: ChainTransactionList, show: ChainTransactionShow, icon: ReceiptLongIcon }
