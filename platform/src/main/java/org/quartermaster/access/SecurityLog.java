package org.quartermaster.access;

import java.time.format.DateTimeFormatter;
import org.jdbi.v3.core.Handle;
import org.quartermaster.access.jdbc.SecurityEventsTable;
import org.quartermaster.access.model.LogEncoding;
import org.quartermaster.shared.Actor;
import org.quartermaster.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The security log: logins, failures, denials and approvals, with UTC time, actor and
 * organisation, to the SLF4J logger {@code security} and to the {@code security_events} table.
 * Every field is encoded against log injection ({@link LogEncoding}) before it is written.
 */
public final class SecurityLog {
    public static final String LOGGER_NAME = "security";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    private final Database db;
    private final SecurityEventsTable table = new SecurityEventsTable();

    public SecurityLog(Database db) {
        this.db = db;
    }

    /** Writes {@code event} in its own transaction, then to the logger. */
    public void record(SecurityEvent event) {
        SecurityEvent encoded = encode(event);
        db.write(Actor.SYSTEM, tx -> {
            table.insert(tx.handle(), encoded);
            return null;
        });
        emit(encoded);
    }

    /** Writes {@code event} in the caller's transaction; call {@link #emit} after it commits. */
    SecurityEvent insert(Handle h, SecurityEvent event) {
        SecurityEvent encoded = encode(event);
        table.insert(h, encoded);
        return encoded;
    }

    /** The log line of an encoded event. */
    void emit(SecurityEvent encoded) {
        LOG.info(line(encoded));
    }

    static String line(SecurityEvent e) {
        return "time=" + DateTimeFormatter.ISO_INSTANT.format(e.time()) + " kind=" + e.kind()
                + " actor=\"" + e.actor() + "\" organisation=\"" + e.organisation()
                + "\" address=\"" + e.address() + "\" detail=\"" + e.detail() + "\"";
    }

    static SecurityEvent encode(SecurityEvent e) {
        return new SecurityEvent(e.time(), e.kind(), LogEncoding.encode(e.actor()),
                LogEncoding.encode(e.organisation()), LogEncoding.encode(e.address()),
                LogEncoding.encode(e.detail()));
    }
}
