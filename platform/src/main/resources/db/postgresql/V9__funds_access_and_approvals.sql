-- Funds: owners and releasability for read filtering, four-eyes approval of large payments,
-- and the item a commitment or claim pays for (its lethal check) (PostgreSQL).
-- A fund is owned by the organisation that runs it (by default its own code); members see it too.
ALTER TABLE funds ADD COLUMN owner_org TEXT NOT NULL DEFAULT '';
ALTER TABLE funds ADD COLUMN releasable_to TEXT NOT NULL DEFAULT '';
-- payments above this need a second person's approval; NULL: the platform's setting applies
ALTER TABLE funds ADD COLUMN approval_threshold_minor BIGINT CHECK (approval_threshold_minor >= 0);
UPDATE funds SET owner_org = fund_code WHERE owner_org = '';

-- an account is owned by owner_code; releasable_to widens who may read it
ALTER TABLE fund_accounts ADD COLUMN releasable_to TEXT NOT NULL DEFAULT '';

-- a payment above the threshold waits (its transfer pending) until another person approves it
ALTER TABLE fund_payments ADD COLUMN status TEXT NOT NULL DEFAULT 'PAID'
    CHECK (status IN ('AWAITING_APPROVAL', 'PAID', 'REJECTED', 'CANCELLED'));
ALTER TABLE fund_payments ADD COLUMN approval_id TEXT;
ALTER TABLE fund_payments ADD COLUMN requested_by TEXT;
ALTER TABLE fund_payments ADD COLUMN decided_by TEXT;
CREATE INDEX fund_payments_status ON fund_payments (status);

ALTER TABLE fund_fundings ADD COLUMN item_code TEXT;
