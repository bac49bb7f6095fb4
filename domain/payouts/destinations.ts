/** Where a creator's payouts go: one destination shape per rail. Pure data; the checks live in destination-checks.ts. */

export const PAYOUT_RAILS = { paxum: 'paxum', wise: 'wise', ach: 'ach', wire: 'wire', crypto: 'crypto' } as const
export type PayoutRailName = (typeof PAYOUT_RAILS)[keyof typeof PAYOUT_RAILS]
export const PAYOUT_RAIL_NAMES = Object.values(PAYOUT_RAILS) as readonly PayoutRailName[]

/** A Paxum e-wallet, named by the holder's Paxum e-mail address. */
export type PaxumDestination = { rail: 'paxum'; holderName: string; email: string }
/** A bank account reached through Wise: IBAN for IBAN countries, else a local account number and bank code. */
export type WiseDestination = { rail: 'wise'; holderName: string; currency: string; country: string; iban?: string; accountNumber?: string; bankCode?: string }
/** A US bank account paid by ACH (Dwolla): ABA routing number, account number, checking or savings. */
export type AchDestination = { rail: 'ach'; holderName: string; routingNumber: string; accountNumber: string; accountType: 'checking' | 'savings' }
/** An international wire (ISO 20022 credit transfer): IBAN and the bank's BIC. */
export type WireDestination = { rail: 'wire'; holderName: string; iban: string; bic: string; country: string }
/** A stablecoin address on the platform's EVM chain. */
export type CryptoDestination = { rail: 'crypto'; address: string }

export type PayoutDestination = PaxumDestination | WiseDestination | AchDestination | WireDestination | CryptoDestination
