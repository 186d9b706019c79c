-- The journal as an RFC 9162 Merkle tree (SQLite): the canonical payload of each event (its
-- leaf is the journal library's encoding of the event), the hashes of complete subtrees by
-- (level, index), and the signed tree heads.
ALTER TABLE journal_events ADD COLUMN payload TEXT NOT NULL DEFAULT '';

CREATE TABLE journal_nodes (
    level   INTEGER NOT NULL,
    idx     INTEGER NOT NULL,
    hash    BLOB    NOT NULL,
    PRIMARY KEY (level, idx)
);

CREATE TABLE journal_heads (
    tree_size        INTEGER PRIMARY KEY,
    root_hash        BLOB    NOT NULL,
    timestamp_millis INTEGER NOT NULL,
    signature        BLOB    NOT NULL
);
