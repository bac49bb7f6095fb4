import { Box, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material'
import { DateField, Show, TabbedShowLayout, TextField, useRecordContext } from 'react-admin'
import { MailHtmlFrame } from './MailHtmlFrame'
import { RawSource } from './RawSource'
import { formatAddresses, type MailMessage } from './types'

const Addresses = ({ source }: { source: 'from' | 'to' | 'cc'; label?: string }) => {
  const message = useRecordContext<MailMessage>()
  return <Typography variant="body2">{message ? formatAddresses(message[source]) || '—' : null}</Typography>
}

function Html() {
  const message = useRecordContext<MailMessage>()
  if (!message) return null
  return message.html ? <MailHtmlFrame html={message.html} title={message.subject} /> : <Typography color="text.secondary">No HTML part.</Typography>
}

function Text() {
  const text = useRecordContext<MailMessage>()?.text
  return <Box component="pre" sx={{ m: 0, whiteSpace: 'pre-wrap', fontFamily: 'monospace', fontSize: 13 }}>{text || '—'}</Box>
}

function Headers() {
  const headers = useRecordContext<MailMessage>()?.headers ?? []
  return (
    <Table size="small">
      <TableBody>
        {headers.map((h, i) => (
          <TableRow key={`${i}:${h.name}`}>
            <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap', verticalAlign: 'top' }}>{h.name}</TableCell>
            <TableCell sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{h.value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}

function Raw() {
  const id = useRecordContext<MailMessage>()?.id
  return id ? <RawSource id={id} /> : null
}

/** One message as received: envelope, the HTML part in a sandboxed frame, the text part, headers and raw source. */
export function MailMessageShow() {
  return (
    <Show title="Mail message">
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="Message">
          <TextField source="subject" />
          <DateField source="receivedAt" label="Received" showTime />
          <Addresses source="from" label="From" />
          <Addresses source="to" label="To" />
          <Addresses source="cc" label="Cc" />
          <TextField source="template" emptyText="—" />
          <TextField source="messageId" label="Message-ID" emptyText="—" />
          <TextField source="authUser" label="SMTP user" emptyText="none (no AUTH)" />
          <Html />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Text" path="text"><Text /></TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Headers" path="headers"><Headers /></TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Raw source" path="raw"><Raw /></TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  )
}
