-- Up Migration
-- a subscribers-only video's post has no price (0): it is watched with a subscription, never bought; PPV prices stay
-- positive in the API (100..100,000) and the storefront lists only priced posts. The old check made every
-- subscribers-only upload fail with a 500.
ALTER TABLE "posts" DROP CONSTRAINT "posts_price_positive";
ALTER TABLE "posts" ADD CONSTRAINT "posts_price_not_negative" CHECK ("price_minor" >= 0);

-- Down Migration
ALTER TABLE "posts" DROP CONSTRAINT "posts_price_not_negative";
ALTER TABLE "posts" ADD CONSTRAINT "posts_price_positive" CHECK ("price_minor" > 0);
