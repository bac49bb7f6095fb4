import type { DataTableBodyProps, DataTableRowProps } from 'react-admin'
import { DataTableBody, DataTableRow, useRecordContext } from 'react-admin'
import type { PerformerRecord } from './types'

/** A record row addressable by browser tests: the record id rides on the <tr>. */
function PerformerRecordRow(props: DataTableRowProps) {
  const record = useRecordContext<PerformerRecord>()
  return <DataTableRow {...props} data-testid="performer-record-row" data-record-id={record?.id} />
}

export function PerformerRecordBody(props: DataTableBodyProps) {
  return <DataTableBody {...props} row={PerformerRecordRow} />
}
