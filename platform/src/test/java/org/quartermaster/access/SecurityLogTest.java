package org.quartermaster.access;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartermaster.access.jdbc.SecurityEventsTable;
import org.quartermaster.access.model.Role;
import org.quartermaster.testing.TestDatabases;
import org.slf4j.LoggerFactory;

class SecurityLogTest {
    static final String QUOTED = "\"(?:[^\"\\\\]|\\\\.)*\"";
    static final java.util.regex.Pattern LINE = java.util.regex.Pattern.compile("time=\\S+ kind=([A-Z_]+) actor="
            + QUOTED + " organisation=" + QUOTED + " address=" + QUOTED + " detail=" + QUOTED);
    final AccessFixture f = new AccessFixture(TestDatabases.sqlite());
    final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    final Logger logger = (Logger) LoggerFactory.getLogger(SecurityLog.LOGGER_NAME);

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void close() {
        logger.detachAppender(lines);
        f.close();
    }

    private List<SecurityEvent> rows() {
        return f.db.read(h -> new SecurityEventsTable().newest(h, 100));
    }

    @Test
    void loginsFailuresAndDenialsAreLoggedWithUtcTimeActorAndOrganisation() {
        AddedUser u = f.add("olena", "UKR-MOD", Role.REQUESTER);
        f.login(u);
        f.access.login(new Login("olena", "wrong password", null, "10.0.0.9", null));
        f.access.deny(f.access.session(f.login(u).token()).orElseThrow().principal(), "GET /api/v1/funds", "role");
        List<SecurityEvent> events = rows();
        assertThat(events).extracting(SecurityEvent::kind).contains(SecurityEvent.Kind.LOGIN_SUCCEEDED,
                SecurityEvent.Kind.LOGIN_FAILED, SecurityEvent.Kind.ACCESS_DENIED, SecurityEvent.Kind.USER_ADDED);
        SecurityEvent failed = events.stream().filter(e -> e.kind() == SecurityEvent.Kind.LOGIN_FAILED).findFirst()
                .orElseThrow();
        assertThat(failed.actor()).isEqualTo("olena");
        assertThat(failed.organisation()).isEqualTo("UKR-MOD");
        assertThat(failed.address()).isEqualTo("10.0.0.9");
        assertThat(failed.time()).isEqualTo(f.clock.instant());
        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(l -> l.startsWith("time=2026-11-29T08:00:00Z kind=LOGIN_FAILED actor=\"olena\""));
    }

    @Test
    void forgedLogLinesInAUserNameOrAddressAreEscaped() {
        String evil = "mallory\r\ntime=2026-11-29T08:00:00Z kind=LOGIN_SUCCEEDED actor=\"admin\"\u2028\u001b[2J";
        f.access.login(new Login(evil, "whatever!", null, "1.2.3.4\nkind=X", null));
        for (ILoggingEvent e : lines.list) {
            String line = e.getFormattedMessage();
            assertThat(line.chars().noneMatch(Character::isISOControl)).as(line).isTrue();
            assertThat(line).doesNotContain("\u2028");
            // The whole line parses as exactly one event: quoted values cannot end early or add fields.
            java.util.regex.Matcher m = LINE.matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            assertThat(m.group(1)).isIn("LOGIN_FAILED", "USER_ADDED");
        }
        assertThat(lines.list).isNotEmpty();
        for (SecurityEvent row : rows()) {
            assertThat((row.actor() + row.address() + row.detail()).chars().noneMatch(Character::isISOControl)).isTrue();
        }
    }
}
