import { Box } from '@mui/material'

// no scripts (sandbox=""), no remote fetches: tracking pixels and remote fonts stay unloaded, inline and data: images show
const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`

/** A message's HTML part, rendered in a sandboxed frame that can neither run scripts nor reach the back office. */
export function MailHtmlFrame({ html, title }: { html: string; title: string }) {
  return (
    <Box component="iframe" title={title} sandbox="" srcDoc={`${CSP}${html}`} data-testid="mail-html"
      sx={{ width: '100%', minHeight: 480, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: '#fff' }} />
  )
}
