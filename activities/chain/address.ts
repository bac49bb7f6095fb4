/** EIP-55: an all-lowercase (or all-uppercase) address carries no checksum; a mixed-case one must match its keccak checksum. */
import { isAddress } from 'viem'

export const checksumValid = (address: string): boolean => isAddress(address, { strict: true })
