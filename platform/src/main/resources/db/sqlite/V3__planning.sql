-- Planning: transport lanes and versioned, immutable plans with their allocations (SQLite).
CREATE TABLE lanes (
    lane_key          INTEGER PRIMARY KEY AUTOINCREMENT,
    origin_code       TEXT    NOT NULL,
    destination_code  TEXT    NOT NULL,
    transit_weeks     INTEGER NOT NULL CHECK (transit_weeks >= 0),
    cost_per_unit     INTEGER NOT NULL CHECK (cost_per_unit >= 0),
    version           INTEGER NOT NULL,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    UNIQUE (origin_code, destination_code)
);

CREATE TABLE plans (
    plan_key          INTEGER PRIMARY KEY AUTOINCREMENT,
    status            TEXT    NOT NULL,
    start_date        TEXT    NOT NULL,
    horizon_weeks     INTEGER NOT NULL,
    inputs_digest     TEXT    NOT NULL,
    allocations_digest TEXT   NOT NULL,
    objective_total   INTEGER NOT NULL,
    shortfall_cost    INTEGER NOT NULL,
    lateness_cost     INTEGER NOT NULL,
    money_cost        INTEGER NOT NULL,
    substitution_cost INTEGER NOT NULL,
    units_short       INTEGER NOT NULL,
    unit_weeks_late   INTEGER NOT NULL,
    need_lines        INTEGER NOT NULL,
    classes           INTEGER NOT NULL,
    nodes             INTEGER NOT NULL,
    arcs              INTEGER NOT NULL,
    components        INTEGER NOT NULL,
    solve_millis      INTEGER NOT NULL,
    proposed_by       TEXT    NOT NULL,
    proposed_org      TEXT    NOT NULL,
    approved_by       TEXT,
    approved_org      TEXT,
    approved_at       TEXT,
    version           INTEGER NOT NULL,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL
);

CREATE TABLE plan_allocations (
    plan_key          INTEGER NOT NULL REFERENCES plans (plan_key),
    line              INTEGER NOT NULL,
    need_id           TEXT    NOT NULL,
    priority          INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 5),
    source_kind       TEXT    NOT NULL,
    source_id         TEXT    NOT NULL,
    supplied_item     TEXT    NOT NULL,
    origin_code       TEXT    NOT NULL,
    quantity          INTEGER NOT NULL CHECK (quantity > 0),
    ship_week         INTEGER NOT NULL,
    arrival_week      INTEGER NOT NULL,
    lateness_weeks    INTEGER NOT NULL,
    money_cost        INTEGER NOT NULL,
    substitution_cost INTEGER NOT NULL,
    lateness_cost     INTEGER NOT NULL,
    PRIMARY KEY (plan_key, line)
);
CREATE INDEX plan_allocations_need ON plan_allocations (need_id, plan_key);

CREATE TABLE plan_shortfalls (
    plan_key          INTEGER NOT NULL REFERENCES plans (plan_key),
    line              INTEGER NOT NULL,
    need_id           TEXT    NOT NULL,
    priority          INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 5),
    quantity          INTEGER NOT NULL CHECK (quantity > 0),
    reason            TEXT    NOT NULL,
    cost              INTEGER NOT NULL,
    PRIMARY KEY (plan_key, line)
);
CREATE INDEX plan_shortfalls_need ON plan_shortfalls (need_id, plan_key);
