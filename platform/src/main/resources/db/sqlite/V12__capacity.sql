-- Production lines of suppliers, their ramp-up steps, and reservations of weekly slots.
-- Weeks are named by their Monday (ISO date). Flags are 0/1 integers on both dialects.
CREATE TABLE capacity_lines (
    line_key          INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_org         TEXT    NOT NULL,
    supplier_key      INTEGER NOT NULL REFERENCES organisations (organisation_key),
    item_key          INTEGER NOT NULL REFERENCES items (item_key),
    item_code         TEXT    NOT NULL,
    site_key          INTEGER NOT NULL REFERENCES locations (location_key),
    site_code         TEXT    NOT NULL,
    name              TEXT    NOT NULL,
    first_week        TEXT    NOT NULL,
    horizon_weeks     INTEGER NOT NULL CHECK (horizon_weeks BETWEEN 1 AND 156),
    capacity_per_week INTEGER NOT NULL CHECK (capacity_per_week >= 0),
    unit_price_minor  INTEGER NOT NULL CHECK (unit_price_minor >= 0),
    currency          TEXT    NOT NULL,
    lead_time_weeks   INTEGER NOT NULL CHECK (lead_time_weeks >= 0),
    framework         INTEGER NOT NULL DEFAULT 0 CHECK (framework IN (0, 1)),
    releasable_to     TEXT    NOT NULL DEFAULT '',
    version           INTEGER NOT NULL,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL
);
CREATE INDEX capacity_lines_item ON capacity_lines (item_code, line_key);
CREATE INDEX capacity_lines_owner ON capacity_lines (owner_org, line_key);

CREATE TABLE capacity_line_steps (
    line_key          INTEGER NOT NULL REFERENCES capacity_lines (line_key),
    from_week         TEXT    NOT NULL,
    capacity_per_week INTEGER NOT NULL CHECK (capacity_per_week >= 0),
    PRIMARY KEY (line_key, from_week)
);

CREATE TABLE capacity_reservations (
    reservation_key   INTEGER PRIMARY KEY AUTOINCREMENT,
    line_key          INTEGER NOT NULL REFERENCES capacity_lines (line_key),
    owner_org         TEXT    NOT NULL,
    supplier_code     TEXT    NOT NULL,
    item_code         TEXT    NOT NULL,
    week              TEXT    NOT NULL,
    quantity          INTEGER NOT NULL CHECK (quantity > 0),
    reference_kind    TEXT    NOT NULL,
    reference_id      TEXT    NOT NULL,
    framework         INTEGER NOT NULL DEFAULT 0 CHECK (framework IN (0, 1)),
    status            TEXT    NOT NULL,
    releasable_to     TEXT    NOT NULL DEFAULT '',
    version           INTEGER NOT NULL,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL
);
CREATE INDEX capacity_reservations_line_week ON capacity_reservations (line_key, week, status);
CREATE INDEX capacity_reservations_owner ON capacity_reservations (owner_org, reservation_key);
