-- Up Migration
-- Hand-written: a changed payout method stays pending beside the verified one until its rail verifies it, so a
-- creator is never left without a method (and a hijacked session cannot redirect payouts before verification).
DROP INDEX "payout_methods_one_live_per_rail";
CREATE UNIQUE INDEX "payout_methods_one_verified_per_rail" ON "payout_methods" ("person_id", "rail") WHERE "status" = 'VERIFIED';
CREATE UNIQUE INDEX "payout_methods_one_pending_per_rail" ON "payout_methods" ("person_id", "rail") WHERE "status" = 'PENDING_VERIFICATION';

-- Down Migration
DROP INDEX "payout_methods_one_pending_per_rail";
DROP INDEX "payout_methods_one_verified_per_rail";
CREATE UNIQUE INDEX "payout_methods_one_live_per_rail" ON "payout_methods" ("person_id", "rail") WHERE "status" <> 'REMOVED';
