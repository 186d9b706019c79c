-- Procurement: joint procedures (demand aggregation, notice, questions, sealed bids, opening,
-- evaluation, award, standstill, complaints), contracts, call-offs and deliveries (SQLite).
-- Times are epoch milliseconds; money is INTEGER minor units of the procedure's ISO 4217 currency.
-- A bid's content is stored only sealed (AES-GCM under the procedure's key, itself sealed under
-- the platform's key) until the opening writes the opened columns.
CREATE TABLE proc_procedures (
    procedure_key        INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_org            TEXT    NOT NULL,
    releasable_to        TEXT    NOT NULL DEFAULT '',
    title                TEXT    NOT NULL,
    kind                 TEXT    NOT NULL CHECK (kind IN ('OPEN', 'RESTRICTED', 'NEGOTIATED', 'FRAMEWORK')),
    evaluation           TEXT    NOT NULL CHECK (evaluation IN ('LOWEST_PRICE', 'WEIGHTED')),
    criteria             TEXT    NOT NULL DEFAULT '',
    currency             TEXT    NOT NULL,
    group_contract       INTEGER NOT NULL CHECK (group_contract IN (0, 1)),
    prepayment_cap_bp    INTEGER NOT NULL CHECK (prepayment_cap_bp BETWEEN 0 AND 10000),
    standstill_days      INTEGER NOT NULL CHECK (standstill_days >= 0),
    commit_until         INTEGER NOT NULL,
    bids_until           INTEGER NOT NULL,
    invited              TEXT    NOT NULL DEFAULT '',
    notice               TEXT,
    status               TEXT    NOT NULL,
    sealed_key           TEXT    NOT NULL,
    opening_requested_by TEXT,
    opened_by            TEXT,
    opened_at            INTEGER,
    standstill_until     INTEGER,
    version              INTEGER NOT NULL DEFAULT 1,
    created_at           INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL,
    CHECK (commit_until <= bids_until)
);
CREATE INDEX proc_procedures_owner ON proc_procedures (owner_org, procedure_key);

CREATE TABLE proc_lots (
    procedure_key      INTEGER NOT NULL REFERENCES proc_procedures (procedure_key),
    lot_no             INTEGER NOT NULL CHECK (lot_no > 0),
    item_code          TEXT    NOT NULL,
    title              TEXT    NOT NULL,
    estimate_minor     INTEGER NOT NULL CHECK (estimate_minor > 0),
    PRIMARY KEY (procedure_key, lot_no)
);

CREATE TABLE proc_participants (
    procedure_key  INTEGER NOT NULL REFERENCES proc_procedures (procedure_key),
    buyer_org      TEXT    NOT NULL,
    budget_minor   INTEGER NOT NULL CHECK (budget_minor >= 0),
    funding_source TEXT    NOT NULL,
    joined_at      INTEGER NOT NULL,
    PRIMARY KEY (procedure_key, buyer_org)
);

CREATE TABLE proc_commitments (
    procedure_key INTEGER NOT NULL REFERENCES proc_procedures (procedure_key),
    buyer_org     TEXT    NOT NULL,
    lot_no        INTEGER NOT NULL,
    quantity      INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (procedure_key, buyer_org, lot_no)
);

CREATE TABLE proc_questions (
    question_key  INTEGER PRIMARY KEY AUTOINCREMENT,
    procedure_key INTEGER NOT NULL REFERENCES proc_procedures (procedure_key),
    asked_by      TEXT    NOT NULL,
    question      TEXT    NOT NULL,
    answer        TEXT,
    asked_at      INTEGER NOT NULL,
    answered_at   INTEGER
);

CREATE TABLE proc_suppliers (
    supplier_org TEXT PRIMARY KEY,
    verified     INTEGER NOT NULL CHECK (verified IN (0, 1)),
    excluded     INTEGER NOT NULL CHECK (excluded IN (0, 1)),
    reason       TEXT,
    updated_at   INTEGER NOT NULL
);

CREATE TABLE proc_bids (
    bid_key          INTEGER PRIMARY KEY AUTOINCREMENT,
    procedure_key    INTEGER NOT NULL REFERENCES proc_procedures (procedure_key),
    lot_no           INTEGER NOT NULL,
    supplier_org     TEXT    NOT NULL,
    releasable_to    TEXT    NOT NULL DEFAULT '',
    sealed           TEXT    NOT NULL,
    commitment       TEXT    NOT NULL,
    submitted_at     INTEGER NOT NULL,
    status           TEXT    NOT NULL CHECK (status IN ('SEALED', 'OPENED', 'DISQUALIFIED')),
    unit_price_minor INTEGER,
    delivery_weeks   INTEGER,
    note             TEXT,
    disqualified_why TEXT,
    rank_in_lot      INTEGER,
    score            INTEGER,
    UNIQUE (procedure_key, lot_no, supplier_org)
);

CREATE TABLE proc_scores (
    bid_key   INTEGER NOT NULL REFERENCES proc_bids (bid_key),
    evaluator TEXT    NOT NULL,
    criterion TEXT    NOT NULL,
    score     INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
    PRIMARY KEY (bid_key, evaluator, criterion)
);

CREATE TABLE proc_complaints (
    complaint_key INTEGER PRIMARY KEY AUTOINCREMENT,
    procedure_key INTEGER NOT NULL REFERENCES proc_procedures (procedure_key),
    complainant   TEXT    NOT NULL,
    grounds       TEXT    NOT NULL,
    status        TEXT    NOT NULL CHECK (status IN ('PENDING', 'UPHELD', 'REJECTED')),
    decision      TEXT,
    decided_by    TEXT,
    lodged_at     INTEGER NOT NULL,
    decided_at    INTEGER
);

CREATE TABLE proc_contracts (
    contract_key        INTEGER PRIMARY KEY AUTOINCREMENT,
    procedure_key       INTEGER NOT NULL REFERENCES proc_procedures (procedure_key),
    lot_no              INTEGER NOT NULL,
    item_code           TEXT    NOT NULL,
    owner_org           TEXT    NOT NULL,
    releasable_to       TEXT    NOT NULL DEFAULT '',
    supplier_org        TEXT    NOT NULL,
    framework           INTEGER NOT NULL CHECK (framework IN (0, 1)),
    quantity            INTEGER NOT NULL CHECK (quantity > 0),
    unit_price_minor    INTEGER NOT NULL CHECK (unit_price_minor > 0),
    currency            TEXT    NOT NULL,
    ceiling_minor       INTEGER NOT NULL CHECK (ceiling_minor > 0),
    called_off_quantity INTEGER NOT NULL DEFAULT 0 CHECK (called_off_quantity >= 0),
    called_off_minor    INTEGER NOT NULL DEFAULT 0 CHECK (called_off_minor >= 0),
    prepayment_cap_bp   INTEGER NOT NULL,
    guarantee_minor     INTEGER NOT NULL DEFAULT 0 CHECK (guarantee_minor >= 0),
    delivered_quantity  INTEGER NOT NULL DEFAULT 0 CHECK (delivered_quantity >= 0),
    status              TEXT    NOT NULL,
    version             INTEGER NOT NULL DEFAULT 1,
    signed_at           INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    CHECK (called_off_quantity <= quantity AND called_off_minor <= ceiling_minor)
);
CREATE INDEX proc_contracts_procedure ON proc_contracts (procedure_key);
CREATE INDEX proc_contracts_item ON proc_contracts (item_code);

CREATE TABLE proc_schedule (
    contract_key INTEGER NOT NULL REFERENCES proc_contracts (contract_key),
    week_start   TEXT    NOT NULL,
    quantity     INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (contract_key, week_start)
);

CREATE TABLE proc_milestones (
    milestone_key INTEGER PRIMARY KEY AUTOINCREMENT,
    contract_key  INTEGER NOT NULL REFERENCES proc_contracts (contract_key),
    kind          TEXT    NOT NULL CHECK (kind IN ('PREPAYMENT', 'DELIVERY', 'FINAL')),
    amount_minor  INTEGER NOT NULL CHECK (amount_minor > 0),
    due_on        TEXT    NOT NULL,
    paid_at       INTEGER
);

CREATE TABLE proc_contract_changes (
    change_key   INTEGER PRIMARY KEY AUTOINCREMENT,
    contract_key INTEGER NOT NULL REFERENCES proc_contracts (contract_key),
    what         TEXT    NOT NULL,
    rationale    TEXT    NOT NULL,
    changed_by   TEXT    NOT NULL,
    changed_at   INTEGER NOT NULL
);

CREATE TABLE proc_call_offs (
    call_off_key       INTEGER PRIMARY KEY AUTOINCREMENT,
    contract_key       INTEGER NOT NULL REFERENCES proc_contracts (contract_key),
    owner_org          TEXT    NOT NULL,
    releasable_to      TEXT    NOT NULL DEFAULT '',
    quantity           INTEGER NOT NULL CHECK (quantity > 0),
    value_minor        INTEGER NOT NULL CHECK (value_minor > 0),
    delivered_quantity INTEGER NOT NULL DEFAULT 0 CHECK (delivered_quantity >= 0),
    due_on             TEXT    NOT NULL,
    status             TEXT    NOT NULL,
    created_at         INTEGER NOT NULL
);

CREATE TABLE proc_deliveries (
    delivery_key  INTEGER PRIMARY KEY AUTOINCREMENT,
    contract_key  INTEGER NOT NULL REFERENCES proc_contracts (contract_key),
    call_off_key  INTEGER REFERENCES proc_call_offs (call_off_key),
    quantity      INTEGER NOT NULL CHECK (quantity > 0),
    delivered_on  TEXT    NOT NULL,
    reference     TEXT    NOT NULL,
    recorded_at   INTEGER NOT NULL
);
CREATE INDEX proc_deliveries_contract ON proc_deliveries (contract_key);
