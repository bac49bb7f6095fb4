/** The ISO 20022 messages of the wire rail: pain.001.001.09 out, pain.002.001.10 and camt.053.001.08 in. */
import { createHash } from 'node:crypto'
import { XMLBuilder, XMLParser } from 'fast-xml-parser'

/** Our account at the bank, the debtor of every payout. */
export type WireDebtor = { name: string; iban: string; bic: string }

export type CreditTransfer = {
  id: string
  createdAt: string
  /** decimal major units, e.g. '123.45' */
  amount: string
  currency: string
  executionDate: string
  debtor: WireDebtor
  creditor: { name: string; iban: string; bic: string; country: string }
  remittance: string
}

/** What a pain.002 says about our one transaction (or the group, when the bank refused the whole message). */
export type PaymentStatus = { status: string; reasonCode: string | null; reasonText: string | null; bankRef: string | null; settledAt: string | null }

export type StatementEntry = { bankRef: string; endToEndId: string | null; amount: string; currency: string; credit: boolean; returnReason: string | null; bookedAt: string }

// Max35Text, kept to characters every bank's charset takes; a hash that no such key can look like otherwise
const PLAIN_ID = /^[A-Za-z0-9][A-Za-z0-9:.\-]{0,34}$/
const HASHED_ID = /^[0-9a-f]{35}$/

/** MsgId, PmtInfId and EndToEndId of a payout: the idempotency key itself when it fits, else 35 hex chars of its SHA-256. */
export function messageIdFor(idempotencyKey: string): string {
  if (PLAIN_ID.test(idempotencyKey) && !HASHED_ID.test(idempotencyKey)) return idempotencyKey
  return createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, 35)
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ' })
const agent = (bic: string) => ({ FinInstnId: { BICFI: bic } })

/** A CustomerCreditTransferInitiation with one payment of one transaction; text is escaped by the builder. */
export function buildPain001(t: CreditTransfer): string {
  const document = {
    '@_xmlns': 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.09',
    CstmrCdtTrfInitn: {
      GrpHdr: { MsgId: t.id, CreDtTm: t.createdAt, NbOfTxs: '1', CtrlSum: t.amount, InitgPty: { Nm: t.debtor.name } },
      PmtInf: {
        PmtInfId: t.id, PmtMtd: 'TRF', NbOfTxs: '1', CtrlSum: t.amount, ReqdExctnDt: { Dt: t.executionDate },
        Dbtr: { Nm: t.debtor.name }, DbtrAcct: { Id: { IBAN: t.debtor.iban } }, DbtrAgt: agent(t.debtor.bic), ChrgBr: 'SHAR',
        CdtTrfTxInf: {
          PmtId: { InstrId: t.id, EndToEndId: t.id },
          Amt: { InstdAmt: { '@_Ccy': t.currency, '#text': t.amount } },
          CdtrAgt: agent(t.creditor.bic),
          Cdtr: { Nm: t.creditor.name.slice(0, 140), PstlAdr: { Ctry: t.creditor.country } },
          CdtrAcct: { Id: { IBAN: t.creditor.iban } },
          RmtInf: { Ustrd: t.remittance.slice(0, 140) },
        },
      },
    },
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ Document: document })}`
}

const ARRAYS = new Set(['Ntry', 'Stmt', 'TxDtls', 'TxInfAndSts', 'OrgnlPmtInfAndSts', 'StsRsnInf'])
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, removeNSPrefix: true,
  isArray: (name) => ARRAYS.has(name) })

type Node = Record<string, unknown>
const node = (v: unknown): Node => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : {})
const list = (v: unknown): Node[] => (Array.isArray(v) ? v.map(node) : v === undefined ? [] : [node(v)])
const text = (v: unknown): string | null => (typeof v === 'string' ? v : typeof node(v)['#text'] === 'string' ? (node(v)['#text'] as string) : null)
const at = (root: unknown, path: string): unknown => path.split('.').reduce<unknown>((n, key) => {
  const value = node(n)[key]
  return Array.isArray(value) ? value[0] : value
}, root)

function documentOf(xml: string, root: string): Node {
  const doc = node(node(parser.parse(xml)).Document)[root]
  if (!doc) throw new Error(`the bank's answer is not a ${root} document`)
  return node(doc)
}

const dateTime = (choice: unknown): string | null => {
  const value = text(at(choice, 'DtTm')) ?? text(at(choice, 'Dt'))
  return value ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value).toISOString() : null
}

/** Reads a CustomerPaymentStatusReport: the transaction's status when there is one, else the group's. */
export function parsePain002(xml: string): PaymentStatus {
  const report = documentOf(xml, 'CstmrPmtStsRpt')
  const tx = at(report, 'OrgnlPmtInfAndSts.TxInfAndSts')
  const group = at(report, 'OrgnlGrpInfAndSts')
  const source = tx ?? group
  const status = text(at(tx, 'TxSts')) ?? text(at(group, 'GrpSts'))
  if (!status) throw new Error('the pain.002 carries no TxSts or GrpSts')
  return {
    status, reasonCode: text(at(source, 'StsRsnInf.Rsn.Cd')), reasonText: text(at(source, 'StsRsnInf.AddtlInf')),
    bankRef: text(at(tx, 'AcctSvcrRef')), settledAt: dateTime(at(tx, 'FctvIntrBkSttlmDt')),
  }
}

/** Reads every booked entry of a BankToCustomerStatement. */
export function parseCamt053(xml: string): StatementEntry[] {
  const statements = list(documentOf(xml, 'BkToCstmrStmt').Stmt)
  return statements.flatMap((stmt) => list(stmt.Ntry)).filter((e) => text(at(e, 'Sts.Cd')) === 'BOOK').map((e) => {
    const tx = at(e, 'NtryDtls.TxDtls')
    const amount = node(e.Amt)
    const endToEndId = text(at(tx, 'Refs.EndToEndId'))
    return {
      // the transaction's own bank reference names the payout (a return entry has a reference of its own)
      bankRef: text(at(tx, 'Refs.AcctSvcrRef')) ?? text(e.AcctSvcrRef) ?? text(e.NtryRef) ?? '', endToEndId: endToEndId === 'NOTPROVIDED' ? null : endToEndId,
      amount: text(amount) ?? '', currency: String(amount['@_Ccy'] ?? ''), credit: text(e.CdtDbtInd) === 'CRDT',
      returnReason: text(at(tx, 'RtrInf.Rsn.Cd')), bookedAt: dateTime(e.BookgDt) ?? '',
    }
  })
}
