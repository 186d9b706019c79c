-- Codes of referenced records are copied next to their keys: codes never change, and a
-- context reads only its own tables.
-- Foundation: journal, idempotency, catalogue, parties, needs, offers (SQLite).
CREATE TABLE journal_head (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    sequence  INTEGER NOT NULL,
    hash      TEXT    NOT NULL
);
INSERT INTO journal_head (id, sequence, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE journal_events (
    sequence     INTEGER PRIMARY KEY,
    occurred_at  TEXT    NOT NULL,
    actor        TEXT    NOT NULL,
    organisation TEXT    NOT NULL,
    event_type   TEXT    NOT NULL,
    entity_id    TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    prev_hash    TEXT    NOT NULL,
    hash         TEXT    NOT NULL
);
CREATE INDEX journal_events_entity ON journal_events (entity_id, sequence);

CREATE TABLE idempotency_keys (
    idempotency_key TEXT    NOT NULL,
    method          TEXT    NOT NULL,
    path            TEXT    NOT NULL,
    request_hash    TEXT    NOT NULL,
    status          INTEGER,
    content_type    TEXT,
    response_body   TEXT,
    location        TEXT,
    created_at      TEXT    NOT NULL,
    PRIMARY KEY (idempotency_key, method, path)
);

CREATE TABLE items (
    item_key    INTEGER PRIMARY KEY AUTOINCREMENT,
    code        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL,
    unit        TEXT    NOT NULL,
    nsn         TEXT,
    cpv         TEXT,
    category    TEXT    NOT NULL,
    lethal      INTEGER NOT NULL CHECK (lethal IN (0, 1)),
    version     INTEGER NOT NULL,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);
CREATE INDEX items_category ON items (category, item_key);

CREATE TABLE item_compatibility (
    item_key        INTEGER NOT NULL REFERENCES items (item_key),
    serves_item_key INTEGER NOT NULL REFERENCES items (item_key),
    penalty         INTEGER NOT NULL CHECK (penalty >= 0),
    PRIMARY KEY (item_key, serves_item_key)
);

CREATE TABLE organisations (
    organisation_key INTEGER PRIMARY KEY AUTOINCREMENT,
    code        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    country     TEXT    NOT NULL,
    ncage       TEXT,
    version     INTEGER NOT NULL,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);

CREATE TABLE organisation_groups (
    organisation_key INTEGER NOT NULL REFERENCES organisations (organisation_key),
    group_code       TEXT    NOT NULL,
    PRIMARY KEY (organisation_key, group_code)
);
CREATE INDEX organisation_groups_group ON organisation_groups (group_code);

CREATE TABLE locations (
    location_key INTEGER PRIMARY KEY AUTOINCREMENT,
    code         TEXT    NOT NULL UNIQUE,
    name         TEXT    NOT NULL,
    country      TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    organisation_key INTEGER REFERENCES organisations (organisation_key),
    version      INTEGER NOT NULL,
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL
);

CREATE TABLE needs (
    need_key          INTEGER PRIMARY KEY AUTOINCREMENT,
    requester_key     INTEGER NOT NULL REFERENCES organisations (organisation_key),
    requester_code    TEXT    NOT NULL,
    item_key          INTEGER NOT NULL REFERENCES items (item_key),
    item_code         TEXT    NOT NULL,
    quantity          INTEGER NOT NULL CHECK (quantity > 0),
    priority          INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 5),
    due_date          TEXT    NOT NULL,
    destination_key   INTEGER NOT NULL REFERENCES locations (location_key),
    destination_code  TEXT    NOT NULL,
    justification     TEXT,
    status            TEXT    NOT NULL,
    covered_quantity  INTEGER NOT NULL DEFAULT 0 CHECK (covered_quantity >= 0),
    delivered_quantity INTEGER NOT NULL DEFAULT 0 CHECK (delivered_quantity >= 0),
    releasable_to     TEXT    NOT NULL DEFAULT '',
    version           INTEGER NOT NULL,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL
);
CREATE INDEX needs_status ON needs (status, need_key);
CREATE INDEX needs_item ON needs (item_key, need_key);
CREATE INDEX needs_requester ON needs (requester_key, need_key);

CREATE TABLE offers (
    offer_key         INTEGER PRIMARY KEY AUTOINCREMENT,
    donor_key         INTEGER NOT NULL REFERENCES organisations (organisation_key),
    donor_code        TEXT    NOT NULL,
    item_key          INTEGER NOT NULL REFERENCES items (item_key),
    item_code         TEXT    NOT NULL,
    quantity          INTEGER NOT NULL CHECK (quantity > 0),
    condition         TEXT    NOT NULL,
    origin_key        INTEGER NOT NULL REFERENCES locations (location_key),
    origin_code       TEXT    NOT NULL,
    available_from    TEXT    NOT NULL,
    terms             TEXT    NOT NULL,
    non_lethal_only   INTEGER NOT NULL CHECK (non_lethal_only IN (0, 1)),
    restrictions      TEXT,
    reimbursement_requested INTEGER NOT NULL CHECK (reimbursement_requested IN (0, 1)),
    need_key          INTEGER REFERENCES needs (need_key),
    status            TEXT    NOT NULL,
    releasable_to     TEXT    NOT NULL DEFAULT '',
    version           INTEGER NOT NULL,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL
);
CREATE INDEX offers_status ON offers (status, offer_key);
CREATE INDEX offers_need ON offers (need_key) WHERE need_key IS NOT NULL;
CREATE INDEX offers_donor ON offers (donor_key, offer_key);
