/** An authorised agent's proof document, read in the browser into the JSON body the API takes. */

export type ProofDocument = { fileName: string; contentType: string; base64: string }

/** The API reads JSON bodies up to 1 MB: base64 grows a file by a third, so the file itself stays under ~750 KB. */
export const MAX_PROOF_BYTES = 750_000

/** The file's bytes as base64 (the data URL without its `data:…;base64,` prefix), with its name and type. */
export function readProof(file: File): Promise<ProofDocument> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const dataUrl = typeof reader.result === 'string' ? reader.result : ''
      resolve({ fileName: file.name, contentType: file.type || 'application/octet-stream', base64: dataUrl.slice(dataUrl.indexOf(',') + 1) })
    }
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`))
    reader.readAsDataURL(file)
  })
}
