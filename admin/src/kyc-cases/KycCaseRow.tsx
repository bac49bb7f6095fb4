import type { DataTableBodyProps, DataTableRowProps } from 'react-admin'
import { DataTableBody, DataTableRow, useRecordContext } from 'react-admin'
import type { KycCase } from './types'

/** A queue row that browser tests and people can address: the case id and status ride on the <tr>. */
function KycCaseRow(props: DataTableRowProps) {
  const kycCase = useRecordContext<KycCase>()
  return <DataTableRow {...props} data-testid="kyc-case-row" data-case-id={kycCase?.id} data-status={kycCase?.status} />
}

export function KycCaseBody(props: DataTableBodyProps) {
  return <DataTableBody {...props} row={KycCaseRow} />
}
