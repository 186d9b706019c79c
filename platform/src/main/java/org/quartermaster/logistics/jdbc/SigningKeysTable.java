package org.quartermaster.logistics.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Receipt signing keys, one Ed25519 pair per organisation (base64 DER). Logistics only. */
public final class SigningKeysTable {

    /** One organisation's pair; {@code privateKey} never leaves the facade. */
    public record Row(String organisation, String publicKey, String privateKey, Instant createdAt) {}

    public Optional<Row> of(Handle h, String organisation) {
        return h.createQuery("SELECT * FROM receipt_signing_keys WHERE organisation = :org").bind("org", organisation)
                .map((rs, ctx) -> new Row(rs.getString("organisation"), rs.getString("public_key"),
                        rs.getString("private_key"), Instant.ofEpochMilli(rs.getLong("created_at")))).findOne();
    }

    public void insert(Handle h, Row r) {
        h.createUpdate("""
                INSERT INTO receipt_signing_keys (organisation, public_key, private_key, created_at)
                VALUES (:org, :pub, :priv, :at)""")
                .bind("org", r.organisation()).bind("pub", r.publicKey()).bind("priv", r.privateKey())
                .bind("at", r.createdAt().toEpochMilli()).execute();
    }

    /** Organisation code to public key, every organisation that has signed a receipt. */
    public Map<String, String> publicKeys(Handle h) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        h.createQuery("SELECT organisation, public_key FROM receipt_signing_keys ORDER BY organisation")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    public List<String> organisations(Handle h) {
        return h.createQuery("SELECT organisation FROM receipt_signing_keys ORDER BY organisation").mapTo(String.class).list();
    }
}
