import { useEffect, useRef } from 'react'

/** The workspace's keys, in the order the help dialog lists them. */
export const SHORTCUTS = [
  { key: 'a', label: 'Approve' },
  { key: 'r', label: 'Reject' },
  { key: 'e', label: 'Escalate' },
  { key: 'n', label: 'Focus the note field (Esc leaves it)' },
  { key: 'm', label: 'Assign to me' },
  { key: 'j', label: 'Next item in the queue' },
  { key: 'k', label: 'Previous item in the queue' },
  { key: '?', label: 'Show these shortcuts' },
] as const

export type ShortcutKey = (typeof SHORTCUTS)[number]['key']
export type ShortcutHandlers = Partial<Record<ShortcutKey, () => void>>

const isShortcutKey = (key: string): key is ShortcutKey => SHORTCUTS.some((s) => s.key === key)

// typing in a field, choosing in a select or working in a dialog must never trigger a decision
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true
  return target.closest('[role="dialog"]') !== null
}

/** Single-key shortcuts on the window while `enabled`; ignored with modifiers, key repeat, or while typing. */
export function useReviewShortcuts(handlers: ShortcutHandlers, enabled: boolean): void {
  const latest = useRef(handlers)
  useEffect(() => {
    latest.current = handlers
  })
  useEffect(() => {
    if (!enabled) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key
      if (!isShortcutKey(key)) return
      const handler = latest.current[key]
      if (!handler) return
      // keeps the letter out of the field N focuses, and the page from scrolling
      event.preventDefault()
      handler()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [enabled])
}
