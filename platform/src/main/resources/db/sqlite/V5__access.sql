-- Identity and access (SQLite): users, sessions, API tokens, login throttling, four-eyes
-- approvals and the security log. Secrets (session and API tokens) are stored only as
-- SHA-256 hashes, passwords only as Argon2id hashes.
CREATE TABLE users (
    user_key        INTEGER PRIMARY KEY AUTOINCREMENT,
    user_name       TEXT    NOT NULL UNIQUE,
    person_id       TEXT    NOT NULL,
    organisation    TEXT    NOT NULL,
    roles           TEXT    NOT NULL,
    password_hash   TEXT    NOT NULL,
    totp_secret     TEXT,
    totp_last_step  INTEGER NOT NULL DEFAULT 0,
    disabled        INTEGER NOT NULL CHECK (disabled IN (0, 1)),
    version         INTEGER NOT NULL,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);
CREATE INDEX users_organisation ON users (organisation, user_key);
CREATE INDEX users_person ON users (person_id);

CREATE TABLE sessions (
    token_hash    TEXT    PRIMARY KEY,
    user_key      INTEGER NOT NULL REFERENCES users (user_key),
    created_at    TEXT    NOT NULL,
    last_seen_at  TEXT    NOT NULL,
    revoked_at    TEXT
);
CREATE INDEX sessions_user ON sessions (user_key);

CREATE TABLE api_tokens (
    token_key     INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT    NOT NULL,
    token_hash    TEXT    NOT NULL UNIQUE,
    organisation  TEXT    NOT NULL,
    roles         TEXT    NOT NULL,
    created_by    TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    expires_at    TEXT,
    revoked_at    TEXT
);

CREATE TABLE login_failures (
    failure_key   INTEGER PRIMARY KEY AUTOINCREMENT,
    subject_kind  TEXT    NOT NULL,
    subject       TEXT    NOT NULL,
    failed_at     TEXT    NOT NULL
);
CREATE INDEX login_failures_subject ON login_failures (subject_kind, subject, failed_at);

CREATE TABLE approvals (
    approval_key        INTEGER PRIMARY KEY AUTOINCREMENT,
    subject_type        TEXT    NOT NULL,
    subject_id          TEXT    NOT NULL,
    summary             TEXT    NOT NULL,
    organisation        TEXT    NOT NULL,
    requested_by        TEXT    NOT NULL,
    requested_by_person TEXT    NOT NULL,
    requested_at        TEXT    NOT NULL,
    status              TEXT    NOT NULL,
    decided_by          TEXT,
    decided_by_person   TEXT,
    decided_at          TEXT,
    version             INTEGER NOT NULL
);
CREATE INDEX approvals_subject ON approvals (subject_type, subject_id);

CREATE TABLE security_events (
    event_key     INTEGER PRIMARY KEY AUTOINCREMENT,
    occurred_at   TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    actor         TEXT    NOT NULL,
    organisation  TEXT    NOT NULL,
    address       TEXT    NOT NULL,
    detail        TEXT    NOT NULL
);
CREATE INDEX security_events_time ON security_events (occurred_at);
