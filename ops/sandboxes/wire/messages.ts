/** The sandbox bank's side of ISO 20022: reads pain.001.001.09, writes pain.002.001.10 and camt.053.001.08. */
import { XMLBuilder, XMLParser } from 'fast-xml-parser'
import { decimalText, money } from '../../../domain/money.ts'
import type { WirePayment } from './state.ts'

/** The one transaction of an initiation, as the bank reads it; amounts still decimal text. */
export type Initiation = {
  msgId: string; nbOfTxs: string; ctrlSum: string; endToEndId: string; amount: string; currency: string
  debtorIban: string; creditor: { name: string; iban: string; bic: string; country: string }; remittance: string
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, removeNSPrefix: true })
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ' })
type Node = Record<string, unknown>
const get = (root: unknown, path: string): unknown => path.split('.').reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Node)[k] : undefined), root)
const str = (root: unknown, path: string): string => {
  const v = get(root, path)
  return typeof v === 'string' ? v : typeof get(v, '#text') === 'string' ? (get(v, '#text') as string) : ''
}

/** Reads a pain.001.001.09; null when it is not one, or carries more than one payment or transaction. */
export function readInitiation(xml: string): Initiation | null {
  let doc: unknown
  try {
    doc = parser.parse(xml)
  } catch {
    return null
  }
  const root = get(doc, 'Document.CstmrCdtTrfInitn')
  const pmt = get(root, 'PmtInf')
  const tx = get(pmt, 'CdtTrfTxInf')
  if (!root || !pmt || Array.isArray(pmt) || !tx || Array.isArray(tx)) return null
  const i: Initiation = {
    msgId: str(root, 'GrpHdr.MsgId'), nbOfTxs: str(root, 'GrpHdr.NbOfTxs'), ctrlSum: str(root, 'GrpHdr.CtrlSum'),
    endToEndId: str(tx, 'PmtId.EndToEndId'), amount: str(tx, 'Amt.InstdAmt'), currency: String(get(tx, 'Amt.InstdAmt.@_Ccy') ?? ''),
    debtorIban: str(pmt, 'DbtrAcct.Id.IBAN'),
    creditor: { name: str(tx, 'Cdtr.Nm'), iban: str(tx, 'CdtrAcct.Id.IBAN'), bic: str(tx, 'CdtrAgt.FinInstnId.BICFI'), country: str(tx, 'Cdtr.PstlAdr.Ctry') },
    remittance: str(tx, 'RmtInf.Ustrd'),
  }
  const required = [i.msgId, i.nbOfTxs, i.endToEndId, i.amount, i.currency, i.debtorIban, i.creditor.name, i.creditor.iban]
  return required.every((v) => v.length > 0 && v.length <= 140) && i.msgId.length <= 35 && i.endToEndId.length <= 35 ? i : null
}

const decimal = (amount: number, currency: string) => decimalText(money(amount, currency))
const xmlDoc = (ns: string, body: Node) => `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ Document: { '@_xmlns': `urn:iso:std:iso:20022:tech:xsd:${ns}`, ...body } })}`
const reason = (code: string, text: string) => ({ Rsn: { Cd: code }, AddtlInf: text })

/** A payment's status now: ACTC right after acceptance, ACSP, ACSC, or RJCT (after ACSC for a return). */
export function statusOf(p: WirePayment, justAccepted: boolean): { status: string; reason: { code: string; text: string } | null } {
  if (p.rejection) return { status: 'RJCT', reason: p.rejection }
  if (p.returnedAt) return { status: 'RJCT', reason: { code: 'AC04', text: 'Closed account number: returned by the beneficiary bank' } }
  if (p.settledAt) return { status: 'ACSC', reason: null }
  return { status: justAccepted ? 'ACTC' : 'ACSP', reason: null }
}

/** A CustomerPaymentStatusReport for one payment; a returned payment keeps its settlement date (FctvIntrBkSttlmDt). */
export function paymentStatusReport(p: WirePayment, justAccepted: boolean, id: string, now: string): string {
  const { status, reason: why } = statusOf(p, justAccepted)
  return xmlDoc('pain.002.001.10', { CstmrPmtStsRpt: {
    GrpHdr: { MsgId: id, CreDtTm: now },
    OrgnlGrpInfAndSts: { OrgnlMsgId: p.msgId, OrgnlMsgNmId: 'pain.001.001.09', OrgnlNbOfTxs: '1', GrpSts: status },
    OrgnlPmtInfAndSts: { OrgnlPmtInfId: p.msgId, PmtInfSts: status, TxInfAndSts: {
      OrgnlEndToEndId: p.endToEndId, TxSts: status, ...(why ? { StsRsnInf: reason(why.code, why.text) } : {}),
      AccptncDtTm: p.acceptedAt, ...(p.settledAt ? { FctvIntrBkSttlmDt: { DtTm: p.settledAt } } : {}), AcctSvcrRef: p.bankRef,
    } },
  } })
}

/** A group-level rejection of a message the bank could not read (FF01 invalid file format). */
export const unreadableReport = (id: string, now: string) => xmlDoc('pain.002.001.10', { CstmrPmtStsRpt: {
  GrpHdr: { MsgId: id, CreDtTm: now },
  OrgnlGrpInfAndSts: { OrgnlMsgId: 'NOTPROVIDED', OrgnlMsgNmId: 'pain.001.001.09', GrpSts: 'RJCT', StsRsnInf: reason('FF01', 'Invalid file format') },
} })

/** A group-level rejection of a message whose MsgId the bank already holds (DU01): the first payment is untouched. */
export const duplicateReport = (msgId: string, id: string, now: string) => xmlDoc('pain.002.001.10', { CstmrPmtStsRpt: {
  GrpHdr: { MsgId: id, CreDtTm: now },
  OrgnlGrpInfAndSts: { OrgnlMsgId: msgId, OrgnlMsgNmId: 'pain.001.001.09', GrpSts: 'RJCT', StsRsnInf: reason('DU01', 'Duplicate message ID') },
} })

type Entry = { p: WirePayment; at: string; credit: boolean }

/** A BankToCustomerStatement, one Stmt per currency, booked entries only: payouts (DBIT) and returns (CRDT, RtrInf). */
export function statement(entries: Entry[], range: { from: string; to: string }, account: { iban: string; balances: Record<string, number> }, id: string, now: string): string {
  const currencies = [...new Set([...entries.map((e) => e.p.currency), ...Object.keys(account.balances)])].sort()
  const stmts = currencies.map((ccy, n) => ({
    Id: `${id}-${n + 1}`, CreDtTm: now, FrToDt: { FrDtTm: range.from, ToDtTm: range.to },
    Acct: { Id: { IBAN: account.iban }, Ccy: ccy },
    Bal: (({ amount }) => ({ Tp: { CdOrPrtry: { Cd: 'CLBD' } }, Amt: { '@_Ccy': ccy, '#text': decimal(Math.abs(amount), ccy) },
      CdtDbtInd: amount < 0 ? 'DBIT' : 'CRDT', Dt: { Dt: now.slice(0, 10) } }))({ amount: account.balances[ccy] ?? 0 }),
    Ntry: entries.filter((e) => e.p.currency === ccy).map(({ p, at, credit }) => {
      const amount = { '@_Ccy': ccy, '#text': decimal(credit ? p.amount : (p.reportAmount ?? p.amount), ccy) }
      return {
        NtryRef: `${p.reportRef ?? p.bankRef}${credit ? 'R' : ''}`, Amt: amount, CdtDbtInd: credit ? 'CRDT' : 'DBIT', Sts: { Cd: 'BOOK' },
        BookgDt: { DtTm: at }, ValDt: { Dt: at.slice(0, 10) }, AcctSvcrRef: `${p.reportRef ?? p.bankRef}${credit ? 'R' : ''}`,
        BkTxCd: { Domn: { Cd: 'PMNT', Fmly: { Cd: 'ICDT', SubFmlyCd: credit ? 'RRTN' : 'XBCT' } } },
        NtryDtls: { TxDtls: {
          Refs: { AcctSvcrRef: p.reportRef ?? p.bankRef, MsgId: p.extra ? 'NOTPROVIDED' : p.msgId, EndToEndId: p.extra ? 'NOTPROVIDED' : p.endToEndId },
          Amt: amount, ...(credit ? { RtrInf: { Rsn: { Cd: 'AC04' }, AddtlInf: 'Closed account number' } } : {}),
        } },
      }
    }),
  }))
  return xmlDoc('camt.053.001.08', { BkToCstmrStmt: { GrpHdr: { MsgId: id, CreDtTm: now }, Stmt: stmts } })
}
