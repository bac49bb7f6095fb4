import { Typography } from '@mui/material'
import { Create, email, FileField, FileInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin'
import { BRAND_SLUGS } from '../../../domain/brands.ts'
import type { ProofDocument } from './proof-file'
import { MAX_PROOF_BYTES, readProof } from './proof-file'
import type { DsrKind, Jurisdiction } from './types'
import { choices, DSR_KIND, JURISDICTION } from './types'

type FormValues = {
  email: string
  kind: DsrKind
  jurisdiction?: Jurisdiction | null
  brand: string
  verificationNote: string
  agentName?: string | null
  agentRelationship?: string | null
  agentProof?: { rawFile: File; title: string } | null
}

/** POST /api/privacy-requests: staff attest verification; an agent's request carries the proof of their authority. */
type CreateBody = {
  email: string
  kind: DsrKind
  jurisdiction?: Jurisdiction
  brand: string
  verificationNote: string
  agent?: { name: string; relationship: string; proof: ProofDocument }
}

const hasAgent = (values: Partial<FormValues>) => Boolean(values.agentName?.trim())
// the agent's fields go together: a relationship or a proof without a name is a half-filled agent too
const agentPart = (message: string) => (value: unknown, values: Partial<FormValues>) => {
  const anyAgentField = hasAgent(values) || Boolean(values.agentRelationship?.trim()) || Boolean(values.agentProof)
  const empty = value === null || value === undefined || (typeof value === 'string' && !value.trim())
  return anyAgentField && empty ? message : undefined
}
const proofSize = (value: FormValues['agentProof']) =>
  value && value.rawFile.size > MAX_PROOF_BYTES ? `The proof must be under ${Math.floor(MAX_PROOF_BYTES / 1000)} KB` : undefined

async function toBody(values: FormValues): Promise<CreateBody> {
  const body: CreateBody = { email: values.email.trim(), kind: values.kind, brand: values.brand, verificationNote: values.verificationNote.trim() }
  // no jurisdiction: the API derives it from the person's residence
  if (values.jurisdiction) body.jurisdiction = values.jurisdiction
  const agentName = values.agentName?.trim()
  if (agentName && values.agentProof) {
    body.agent = { name: agentName, relationship: values.agentRelationship?.trim() ?? '', proof: await readProof(values.agentProof.rawFile) }
  }
  return body
}

/** "New request on behalf of a person": a request received by mail, phone or an authorised agent, entered by compliance. */
export function PrivacyRequestCreate() {
  return (
    <Create title="New request on behalf of a person" transform={toBody} redirect="show">
      <SimpleForm>
        <TextInput source="email" label="Person's account email" validate={[required(), email()]} fullWidth />
        <SelectInput source="kind" choices={choices(Object.values(DSR_KIND))} validate={required()} />
        <SelectInput source="jurisdiction" choices={choices(Object.values(JURISDICTION))} emptyText="From the person's residence"
          helperText="Leave empty to derive it from the person's residence" />
        <SelectInput source="brand" choices={choices(BRAND_SLUGS)} validate={required()} />
        <TextInput source="verificationNote" label="How the identity was verified" multiline minRows={3} fullWidth validate={required()}
          helperText="You attest the requester's identity: say how (documents seen, call-back, …); kept on the request and in the audit log" />
        <Typography variant="subtitle2" sx={{ mt: 2 }}>Authorised agent (only when someone acts for the person)</Typography>
        <TextInput source="agentName" label="Agent name" validate={agentPart('Name the agent, or clear the agent fields')} />
        <TextInput source="agentRelationship" label="Relationship to the person" validate={agentPart('Required for an agent')}
          helperText="e.g. attorney, parent, authorised agent under CCPA" />
        <FileInput source="agentProof" label="Proof of authority (PDF or image)" accept={{ 'application/pdf': ['.pdf'], 'image/*': [] }}
          validate={[agentPart('An agent request needs the proof document'), proofSize]}
          helperText={`Signed permission or power of attorney, up to ${Math.floor(MAX_PROOF_BYTES / 1000)} KB`}>
          <FileField source="src" title="title" />
        </FileInput>
      </SimpleForm>
    </Create>
  )
}
