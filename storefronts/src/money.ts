import { formatMinor } from '../../domain/money-display.ts'

/** Integer minor units as a localized price: 499 USD -> '$4.99'. */
export const formatPrice = formatMinor
