-- The journal as an RFC 9162 Merkle tree (PostgreSQL): the canonical payload of each event (its
-- leaf is the journal library's encoding of the event), the hashes of complete subtrees by
-- (level, index), and the signed tree heads.
ALTER TABLE journal_events ADD COLUMN payload TEXT NOT NULL DEFAULT '';

CREATE TABLE journal_nodes (
    level   SMALLINT NOT NULL,
    idx     BIGINT  NOT NULL,
    hash    BYTEA   NOT NULL,
    PRIMARY KEY (level, idx)
);

CREATE TABLE journal_heads (
    tree_size        BIGINT  PRIMARY KEY,
    root_hash        BYTEA   NOT NULL,
    timestamp_millis BIGINT  NOT NULL,
    signature        BYTEA   NOT NULL
);
