import { Create, regex, required, SelectInput, SimpleForm, TextInput } from 'react-admin'
import { CATEGORY_CHOICES, PHASH_PATTERN } from './types'

/** Adds a known prohibited frame's hash: 16 hex digits of a 64-bit DCT perceptual hash, its category and where it came from. */
export function BlockHashCreate() {
  return (
    <Create redirect="list" title="Add a hash to the block list">
      <SimpleForm>
        <TextInput source="phash" label="Perceptual hash (16 hex digits)" parse={(value: string) => value.trim().toLowerCase()}
          validate={[required(), regex(PHASH_PATTERN, '16 hex digits (0-9, a-f), e.g. 8f3c0a1b2d4e6f70')]}
          slotProps={{ htmlInput: { maxLength: 16, spellCheck: false, autoComplete: 'off', style: { fontFamily: 'monospace' } } }} />
        <SelectInput source="category" choices={CATEGORY_CHOICES} validate={required()} />
        <TextInput source="source" fullWidth validate={[required()]}
          helperText="Where the hash comes from: a hash list and its date, or the case it was taken from" />
      </SimpleForm>
    </Create>
  )
}
