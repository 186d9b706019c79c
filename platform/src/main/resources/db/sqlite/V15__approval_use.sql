-- A four-eyes approval authorises one change, once: the change marks it USED in its own
-- transaction (status USED, who used it and when), so a second use is refused.
ALTER TABLE approvals ADD COLUMN used_by TEXT;
ALTER TABLE approvals ADD COLUMN used_at TEXT;
