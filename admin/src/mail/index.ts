import EmailOutlinedIcon from '@mui/icons-material/EmailOutlined'
import { MailMessageList } from './MailMessageList'
import { MailMessageShow } from './MailMessageShow'

export { canReadMail } from './access'
export default { list: MailMessageList, show: MailMessageShow, icon: EmailOutlinedIcon }
