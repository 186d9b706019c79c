-- Logistics: shipments (consignments) with lines, stops (origin, hubs, destination), the custody
-- chain, signed receipts, discrepancies with attachments, field ratings, absorption capacity and
-- per-organisation receipt signing keys. Oversight: questions on any record. Times are epoch
-- milliseconds; quantities whole units. (SQLite)
CREATE TABLE shipments (
    shipment_key      INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_org         TEXT    NOT NULL,
    receiver_org      TEXT    NOT NULL,
    origin_code       TEXT    NOT NULL,
    destination_code  TEXT    NOT NULL,
    mode              TEXT    NOT NULL,
    status            TEXT    NOT NULL CHECK (status IN ('PLANNED', 'IN_TRANSIT', 'AT_HUB', 'ARRIVED', 'RECEIVED')),
    holder_org        TEXT    NOT NULL,
    stop_index        INTEGER NOT NULL CHECK (stop_index >= 0),
    custody_count     INTEGER NOT NULL CHECK (custody_count >= 0),
    planned_departure INTEGER NOT NULL,
    planned_arrival   INTEGER NOT NULL,
    departed_at       INTEGER,
    arrived_at        INTEGER,
    received_at       INTEGER,
    releasable_to     TEXT    NOT NULL DEFAULT '',
    version           INTEGER NOT NULL,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
);
CREATE INDEX shipments_status ON shipments (status, planned_arrival);
CREATE INDEX shipments_destination ON shipments (destination_code, planned_arrival);

CREATE TABLE shipment_stops (
    shipment_key      INTEGER NOT NULL REFERENCES shipments (shipment_key),
    stop_index        INTEGER NOT NULL CHECK (stop_index >= 0),
    location_code     TEXT    NOT NULL,
    planned_arrival   INTEGER,
    planned_departure INTEGER,
    arrived_at        INTEGER,
    departed_at       INTEGER,
    PRIMARY KEY (shipment_key, stop_index)
);

CREATE TABLE shipment_lines (
    shipment_key      INTEGER NOT NULL REFERENCES shipments (shipment_key),
    line_no           INTEGER NOT NULL CHECK (line_no >= 1),
    item_code         TEXT    NOT NULL,
    quantity          INTEGER NOT NULL CHECK (quantity > 0),
    fulfils_kind      TEXT    NOT NULL CHECK (fulfils_kind IN ('OFFER', 'CONTRACT', 'CALL_OFF', 'ALLOCATION')),
    fulfils_id        TEXT    NOT NULL,
    shipped_quantity  INTEGER NOT NULL DEFAULT 0,
    received_quantity INTEGER NOT NULL DEFAULT 0,
    counted           INTEGER NOT NULL DEFAULT 0 CHECK (counted IN (0, 1)),
    rating            INTEGER CHECK (rating BETWEEN 1 AND 5),
    rating_comment    TEXT,
    rated_by          TEXT,
    rated_at          INTEGER,
    PRIMARY KEY (shipment_key, line_no),
    -- the roll-up's invariant, kept by the database too: received <= shipped <= committed
    CHECK (received_quantity >= 0 AND received_quantity <= shipped_quantity AND shipped_quantity <= quantity)
);
CREATE INDEX shipment_lines_fulfils ON shipment_lines (fulfils_kind, fulfils_id);

CREATE TABLE shipment_line_needs (
    shipment_key       INTEGER NOT NULL,
    line_no            INTEGER NOT NULL,
    need_id            TEXT    NOT NULL,
    quantity           INTEGER NOT NULL CHECK (quantity > 0),
    delivered_quantity INTEGER NOT NULL DEFAULT 0 CHECK (delivered_quantity >= 0),
    PRIMARY KEY (shipment_key, line_no, need_id),
    FOREIGN KEY (shipment_key, line_no) REFERENCES shipment_lines (shipment_key, line_no)
);
CREATE INDEX shipment_line_needs_need ON shipment_line_needs (need_id);

CREATE TABLE custody_events (
    shipment_key  INTEGER NOT NULL REFERENCES shipments (shipment_key),
    seq           INTEGER NOT NULL CHECK (seq >= 1),
    kind          TEXT    NOT NULL,
    location_code TEXT    NOT NULL,
    organisation  TEXT    NOT NULL,
    person        TEXT    NOT NULL,
    to_org        TEXT,
    occurred_at   INTEGER NOT NULL,
    recorded_at   INTEGER NOT NULL,
    PRIMARY KEY (shipment_key, seq)
);

CREATE TABLE shipment_receipts (
    shipment_key  INTEGER PRIMARY KEY REFERENCES shipments (shipment_key),
    receiver_org  TEXT    NOT NULL,
    person        TEXT    NOT NULL,
    document      TEXT    NOT NULL,
    signature     TEXT    NOT NULL,
    signed_at     INTEGER NOT NULL
);

CREATE TABLE shipment_discrepancies (
    discrepancy_key INTEGER PRIMARY KEY AUTOINCREMENT,
    shipment_key    INTEGER NOT NULL,
    line_no         INTEGER NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('SHORT', 'DAMAGED', 'WRONG_ITEM', 'UNSERVICEABLE')),
    quantity        INTEGER NOT NULL CHECK (quantity > 0),
    note            TEXT,
    organisation    TEXT    NOT NULL,
    person          TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    FOREIGN KEY (shipment_key, line_no) REFERENCES shipment_lines (shipment_key, line_no)
);
CREATE INDEX shipment_discrepancies_shipment ON shipment_discrepancies (shipment_key);

CREATE TABLE shipment_attachments (
    attachment_key  INTEGER PRIMARY KEY AUTOINCREMENT,
    discrepancy_key INTEGER NOT NULL REFERENCES shipment_discrepancies (discrepancy_key),
    file_name       TEXT    NOT NULL,
    media_type      TEXT    NOT NULL,
    size_bytes      INTEGER NOT NULL CHECK (size_bytes > 0),
    sha256          TEXT    NOT NULL,
    content         BLOB    NOT NULL
);
CREATE INDEX shipment_attachments_discrepancy ON shipment_attachments (discrepancy_key);

CREATE TABLE receipt_signing_keys (
    organisation  TEXT PRIMARY KEY,
    public_key    TEXT    NOT NULL,
    private_key   TEXT    NOT NULL,
    created_at    INTEGER NOT NULL
);

CREATE TABLE absorption_capacities (
    destination_code TEXT    NOT NULL,
    item_code        TEXT    NOT NULL,
    units_per_week   INTEGER NOT NULL CHECK (units_per_week >= 0),
    owner_org        TEXT    NOT NULL,
    releasable_to    TEXT    NOT NULL DEFAULT '',
    version          INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    PRIMARY KEY (destination_code, item_code)
);

CREATE TABLE questions (
    question_key  INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id     TEXT    NOT NULL,
    owner_org     TEXT    NOT NULL,
    asked_by      TEXT    NOT NULL,
    assigned_org  TEXT    NOT NULL,
    text          TEXT    NOT NULL,
    status        TEXT    NOT NULL CHECK (status IN ('OPEN', 'ANSWERED')),
    answer        TEXT,
    answered_by   TEXT,
    answered_at   INTEGER,
    releasable_to TEXT    NOT NULL DEFAULT '',
    version       INTEGER NOT NULL,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX questions_record ON questions (record_id, question_key);
CREATE INDEX questions_assigned ON questions (assigned_org, status, question_key);
