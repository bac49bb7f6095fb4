import type { CollectiblePurchase } from './collectibles-api'
import { outcomeText } from './format'

/** The sale's outcome: the minted token (serial, token id, transaction hash, wallet), or why nothing was minted. */
export function MintOutcome({ purchase, myCollectiblesHref }: { purchase: CollectiblePurchase; myCollectiblesHref: string }) {
  const t = purchase.token
  return (
    <div className={`receipt receipt-${purchase.status.toLowerCase()}`} data-testid="mint-outcome" data-status={purchase.status} data-state={purchase.state ?? ''}
      data-serial={t?.serial ?? ''} data-token-id={t?.tokenId ?? ''} data-tx-hash={t?.txHash ?? ''}>
      <p className="receipt-status" data-testid="mint-status">{outcomeText(purchase)}</p>
      <dl>
        {t && (
          <>
            <dt>Token id</dt>
            <dd data-testid="mint-token-id">{t.tokenId}</dd>
            <dt>Transaction</dt>
            <dd className="collectible-hex" data-testid="mint-tx-hash">{t.txHash ?? 'confirming…'}</dd>
            <dt>Your wallet</dt>
            <dd className="collectible-hex" data-testid="mint-owner">{t.ownerAddress}</dd>
          </>
        )}
        {!t && purchase.code && (
          <>
            <dt>Code</dt>
            <dd data-testid="mint-code">{purchase.code}</dd>
          </>
        )}
        <dt>Purchase</dt>
        <dd data-testid="mint-purchase-id">{purchase.purchaseId}</dd>
      </dl>
      {t && <p><a href={myCollectiblesHref} data-testid="mint-my-collectibles">See it under My collectibles</a></p>}
    </div>
  )
}
