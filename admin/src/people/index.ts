import PeopleIcon from '@mui/icons-material/People'
import { PersonList } from './PersonList'
import { PersonShow } from './PersonShow'

export default { list: PersonList, show: PersonShow, icon: PeopleIcon }
