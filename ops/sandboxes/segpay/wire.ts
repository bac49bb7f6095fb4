/** The XML answers of Segpay's ASP.NET web services (`.asmx`, HTTP GET binding), as the sandbox writes them. */
import type { Response } from 'express'
import type { Reply } from './state.ts'

const PROLOG = '<?xml version="1.0" encoding="utf-8"?>\n'
const TEMPURI = 'http://tempuri.org/'

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const xml = (body: string): Reply => ({ status: 200, contentType: 'text/xml; charset=utf-8', body: `${PROLOG}${body}\n` })

/** One-Click answer: TransID 0 when nothing was approved, AuthCode the bank's 'NN:Reason' or Segpay's own text. */
export const transReturn = (transId: string, authCode: string): Reply => xml(
  `<TransReturn xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns="${TEMPURI}">\n`
  + `  <TransID>${escape(transId)}</TransID>\n  <AuthCode>${escape(authCode)}</AuthCode>\n</TransReturn>`)

/** SRS consumer-support answer: a bare `<string>`, e.g. 'Successful' or 'Invalid Merchant'. */
export const srsString = (text: string): Reply => xml(`<string xmlns="${TEMPURI}">${escape(text)}</string>`)

/** SRS report answer: a .NET DataSet diffgram of `<Data>` rows (the inline schema Segpay sends is left out). */
export function dataSet(rows: readonly Record<string, string>[]): Reply {
  const data = rows.map((row, i) => `      <Data diffgr:id="Data${i + 1}" msdata:rowOrder="${i}">\n`
    + Object.entries(row).map(([k, v]) => (v === '' ? `        <${k}/>\n` : `        <${k}>${escape(v)}</${k}>\n`)).join('')
    + '      </Data>\n').join('')
  return xml(`<DataSet xmlns="${TEMPURI}">\n  <diffgr:diffgram xmlns:msdata="urn:schemas-microsoft-com:xml-msdata" `
    + `xmlns:diffgr="urn:schemas-microsoft-com:xml-diffgram-v1">\n    <NewDataSet xmlns="">\n${data}    </NewDataSet>\n`
    + '  </diffgr:diffgram>\n</DataSet>')
}

/** Plain-text answer, as IIS gives for refused or failed requests. */
export const text = (status: number, body: string): Reply => ({ status, contentType: 'text/plain; charset=utf-8', body })

/** Writes a reply to the response. */
export const send = (res: Response, reply: Reply) => res.status(reply.status).type(reply.contentType).send(reply.body)

/** Query parameters with lower-cased names: ASP.NET binds them case-insensitively (`UserID`, `Userid`). */
export function lowerQuery(query: unknown): Record<string, string> {
  const entries = Object.entries((query ?? {}) as Record<string, unknown>)
  return Object.fromEntries(entries.map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? String(v[0] ?? '') : String(v ?? '')]))
}
