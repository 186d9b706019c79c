package org.quartermaster.server;

import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.Page;

/**
 * Whole lists written out as files, the layout {@code qm export} writes and {@code qm import}
 * reads: CSV (a header row of {@code columns}, then one row per record, RFC 4180) or JSON lines
 * (one object per record with the same field names). The records are read page by page through
 * the caller's own list use case (each page one query, filtered there by the access policy), so a
 * download holds one page in memory however long it is, and shows exactly the rows the list
 * would.
 */
public final class Export {
    /** JSON lines: every field of the layout, null ones included, as {@code qm export} always wrote them. */
    private static final com.fasterxml.jackson.databind.ObjectMapper LINES =
            new com.fasterxml.jackson.databind.ObjectMapper();
    /** Records read per query. */
    public static final int PAGE_ROWS = org.quartermaster.shared.Limits.PAGE_SIZE_MAX;

    private Export() {}

    /** A file format: its media type and file name extension. */
    public enum Format {
        CSV("text/csv; charset=utf-8", "csv"),
        JSON("application/x-ndjson; charset=utf-8", "jsonl");

        private final String mediaType;
        private final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String mediaType() {
            return mediaType;
        }

        public String extension() {
            return extension;
        }

        /** {@code csv} or {@code json} (any case); null means csv. */
        public static Format of(String raw) {
            if (raw == null || raw.isBlank()) return CSV;
            return switch (raw.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> CSV;
                case "json" -> JSON;
                default -> throw new InvalidField("format", "must be csv or json");
            };
        }
    }

    /** The query parameters every export route takes besides its list's filters. */
    public static final RouteTable.Param FORMAT = new RouteTable.Param("format",
            "csv (default: a header row, then one row per record) or json (JSON lines, one object per record)",
            String.class);

    /**
     * Writes every record of {@code pages} (a cursor-paged list: null is the first page) to
     * {@code out} in {@code format}; returns how many were written.
     */
    public static <T> long write(Writer out, Format format, List<String> columns, Function<String, Page<T>> pages,
                                 Function<T, Map<String, Object>> row) throws IOException {
        return write(out, format, columns, pages.apply(null), pages, row);
    }

    private static <T> long write(Writer out, Format format, List<String> columns, Page<T> first,
                                  Function<String, Page<T>> pages, Function<T, Map<String, Object>> row)
            throws IOException {
        CsvWriter csv = new CsvWriter(out);
        if (format == Format.CSV) csv.write(columns);
        long count = 0;
        Page<T> page = first;
        while (true) {
            for (T record : page.items()) {
                Map<String, Object> values = row.apply(record);
                if (!values.keySet().equals(new java.util.LinkedHashSet<>(columns))) {
                    throw new IllegalStateException("an export row has the fields " + values.keySet()
                            + ", not the columns " + columns);
                }
                if (format == Format.CSV) {
                    csv.write(columns.stream().map(c -> values.get(c) == null ? "" : values.get(c).toString()).toList());
                } else {
                    out.write(LINES.writeValueAsString(values));
                    out.write('\n');
                }
                count++;
            }
            if (page.next() == null) return count;
            page = pages.apply(page.next());
        }
    }

    /**
     * Answers the request with the file {@code name}.csv or {@code name}.jsonl (as the query
     * parameter {@code format} asks) as an attachment, streamed. The first page is read before
     * anything is sent, so a bad filter is still a 422 problem.
     */
    public static <T> void stream(Context ctx, String name, List<String> columns, Function<String, Page<T>> pages,
                                  Function<T, Map<String, Object>> row) {
        Format format = Format.of(Http.param(ctx, "format"));
        Page<T> first = pages.apply(null);
        ctx.status(200).contentType(format.mediaType());
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "." + format.extension() + "\"");
        ctx.header("Cache-Control", "no-store");
        try {
            Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16);
            write(out, format, columns, first, pages, row);
            out.flush();
        } catch (IOException e) {
            // the client went away mid-download; nothing more can be said to it
            throw new UncheckedIOException("export " + name + " interrupted: " + e.getMessage(), e);
        }
    }
}
