-- Releasability markings for what had none: each journal event carries the marking of the
-- record it is about (the feed, history and event ranges are filtered by it in the query; the
-- marking is not part of the hashed event, so it can follow a record's releasability), and
-- plans are owned by the organisation that proposed them and released to nobody else by default.
ALTER TABLE journal_events ADD COLUMN owner_org TEXT NOT NULL DEFAULT 'QM';
ALTER TABLE journal_events ADD COLUMN releasable_to TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN releasable_to TEXT NOT NULL DEFAULT '';
