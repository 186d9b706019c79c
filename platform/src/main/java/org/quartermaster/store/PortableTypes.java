package org.quartermaster.store;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/** Binds dates and instants the way each dialect stores them (see {@link Rows}). */
final class PortableTypes {
    private PortableTypes() {}

    /** Fixed width, so that text order is time order in SQLite. */
    static final DateTimeFormatter INSTANT_TEXT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true)
            .appendLiteral('Z')
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    static void register(Jdbi jdbi, Dialect dialect) {
        switch (dialect) {
            case SQLITE -> {
                jdbi.registerArgument(new AbstractArgumentFactory<LocalDate>(Types.VARCHAR) {
                    @Override
                    protected Argument build(LocalDate value, ConfigRegistry config) {
                        return (position, statement, context) -> statement.setString(position, value.toString());
                    }
                });
                jdbi.registerArgument(new AbstractArgumentFactory<Instant>(Types.VARCHAR) {
                    @Override
                    protected Argument build(Instant value, ConfigRegistry config) {
                        return (position, statement, context) ->
                                statement.setString(position, INSTANT_TEXT.format(value));
                    }
                });
            }
            case POSTGRESQL -> {
                jdbi.registerArgument(new AbstractArgumentFactory<LocalDate>(Types.DATE) {
                    @Override
                    protected Argument build(LocalDate value, ConfigRegistry config) {
                        return (position, statement, context) -> statement.setObject(position, value);
                    }
                });
                jdbi.registerArgument(new AbstractArgumentFactory<Instant>(Types.TIMESTAMP_WITH_TIMEZONE) {
                    @Override
                    protected Argument build(Instant value, ConfigRegistry config) {
                        return (position, statement, context) ->
                                statement.setObject(position, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
                    }
                });
            }
        }
    }
}
