-- Funds: a double-entry ledger (accounts, transfers) and the fund rules on top (SQLite).
-- Balances are kept on the account row for locking and speed; Ledger.verify() replays every
-- transfer and compares. Money is INTEGER minor units of the account's ISO 4217 currency.
CREATE TABLE fund_accounts (
    account_key     INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_code      TEXT    NOT NULL,
    fund_code       TEXT    NOT NULL,
    purpose         TEXT    NOT NULL,
    currency        TEXT    NOT NULL,
    no_negative     INTEGER NOT NULL CHECK (no_negative IN (0, 1)),
    debits_pending  INTEGER NOT NULL DEFAULT 0 CHECK (debits_pending >= 0),
    debits_posted   INTEGER NOT NULL DEFAULT 0 CHECK (debits_posted >= 0),
    credits_pending INTEGER NOT NULL DEFAULT 0 CHECK (credits_pending >= 0),
    credits_posted  INTEGER NOT NULL DEFAULT 0 CHECK (credits_posted >= 0),
    created_at      TEXT    NOT NULL,
    UNIQUE (owner_code, fund_code, purpose, currency),
    -- the last guard: an account that may not go negative cannot be written negative
    CHECK (no_negative = 0 OR credits_posted - debits_posted - debits_pending >= 0)
);
CREATE INDEX fund_accounts_fund ON fund_accounts (fund_code, account_key);

CREATE TABLE fund_transfers (
    transfer_key INTEGER PRIMARY KEY AUTOINCREMENT,
    transfer_id  TEXT    NOT NULL UNIQUE,
    debit_key    INTEGER NOT NULL REFERENCES fund_accounts (account_key),
    credit_key   INTEGER NOT NULL REFERENCES fund_accounts (account_key),
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    currency     TEXT    NOT NULL,
    two_phase    INTEGER NOT NULL CHECK (two_phase IN (0, 1)),
    status       TEXT    NOT NULL CHECK (status IN ('PENDING', 'POSTED', 'VOIDED')),
    reference    TEXT,
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL,
    CHECK (debit_key <> credit_key)
);
CREATE INDEX fund_transfers_debit ON fund_transfers (debit_key);
CREATE INDEX fund_transfers_credit ON fund_transfers (credit_key);

CREATE TABLE funds (
    fund_code  TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    currency   TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE fund_key_shares (
    fund_code       TEXT    NOT NULL REFERENCES funds (fund_code),
    member_code     TEXT    NOT NULL,
    share_bp        INTEGER NOT NULL CHECK (share_bp >= 0 AND share_bp <= 10000),
    abstains_lethal INTEGER NOT NULL CHECK (abstains_lethal IN (0, 1)),
    PRIMARY KEY (fund_code, member_code)
);

CREATE TABLE fund_measures (
    measure_code  TEXT    PRIMARY KEY,
    fund_code     TEXT    NOT NULL REFERENCES funds (fund_code),
    envelope      TEXT    NOT NULL CHECK (envelope IN ('LETHAL', 'NON_LETHAL')),
    ceiling_minor INTEGER NOT NULL CHECK (ceiling_minor > 0),
    created_at    TEXT    NOT NULL
);

-- One row per offer funded: by the fund (a claim) or bilaterally. The unique offer id is
-- what makes "the same delivery funded twice" impossible to write.
CREATE TABLE fund_fundings (
    funding_key    INTEGER PRIMARY KEY AUTOINCREMENT,
    offer_id       TEXT    NOT NULL UNIQUE,
    kind           TEXT    NOT NULL CHECK (kind IN ('CLAIM', 'BILATERAL')),
    fund_code      TEXT,
    measure_code   TEXT,
    donor_code     TEXT    NOT NULL,
    valuation_minor INTEGER NOT NULL CHECK (valuation_minor > 0),
    rate_bp        INTEGER NOT NULL CHECK (rate_bp >= 0 AND rate_bp <= 10000),
    amount_minor   INTEGER NOT NULL CHECK (amount_minor >= 0),
    transfer_id    TEXT,
    created_at     TEXT    NOT NULL
);

CREATE TABLE fund_payments (
    payment_key   INTEGER PRIMARY KEY AUTOINCREMENT,
    transfer_id   TEXT    NOT NULL UNIQUE,
    measure_code  TEXT    NOT NULL REFERENCES fund_measures (measure_code),
    contract_ref  TEXT    NOT NULL,
    milestone     TEXT    NOT NULL,
    payee_code    TEXT    NOT NULL,
    prepayment    INTEGER NOT NULL CHECK (prepayment IN (0, 1)),
    amount_minor  INTEGER NOT NULL CHECK (amount_minor > 0),
    contract_value_minor INTEGER NOT NULL CHECK (contract_value_minor > 0),
    guarantee_minor INTEGER NOT NULL CHECK (guarantee_minor >= 0),
    created_at    TEXT    NOT NULL
);
CREATE INDEX fund_payments_contract ON fund_payments (contract_ref);

CREATE TABLE exchange_rates (
    base_currency  TEXT NOT NULL,
    quote_currency TEXT NOT NULL,
    rate_date      TEXT NOT NULL,
    rate           TEXT NOT NULL,
    PRIMARY KEY (base_currency, quote_currency, rate_date)
);
