import { Fragment } from 'react'
import type { HighlightPart } from './highlight'

/** Highlight pieces as text nodes, the matched ones in <mark>; never as HTML. */
export function Highlighted({ parts }: { parts: readonly HighlightPart[] }) {
  return (
    <>
      {parts.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <Fragment key={i}>{part.text}</Fragment>))}
    </>
  )
}
