package org.quartermaster.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import org.quartermaster.server.Problem.FieldError;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.NotFound;
import org.quartermaster.shared.Refused;
import org.quartermaster.shared.StaleRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP statuses, as RFC 9457 problem+json. A caller's
 * mistake is a 4xx that points at the field; anything unexpected is logged once, with its
 * cause, and answered with a 500 that reveals nothing internal. Pages (outside {@code /api},
 * requested by a browser that accepts HTML) get the same answer as an HTML error page.
 */
final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    /** Causes looked through for a known problem; a deeper chain is unexpected (and a cycle ends). */
    static final int CAUSE_DEPTH_MAX = 32;

    private Problems() {}

    static void install(RoutesConfig routes) {
        routes.exception(InvalidField.class, (e, ctx) -> invalidField(ctx, e));
        routes.exception(BadJson.class, (e, ctx) -> badJson(ctx, e));
        routes.exception(NotFound.class, (e, ctx) -> send(ctx, 404, "not-found", "Not found", e.getMessage(), null));
        routes.exception(StaleRecord.class, (e, ctx) -> send(ctx, 409, "stale-record", "Stale record", e.getMessage(), null));
        routes.exception(Refused.class, (e, ctx) -> send(ctx, 409, e.type(), "Refused", e.getMessage(),
                e.field() == null ? null : List.of(new FieldError(Problem.pointer(e.field()), null, e.getMessage()))));
        routes.exception(org.quartermaster.shared.AccessDenied.class, (e, ctx) -> {
            if (e.unauthenticated()) ctx.header("WWW-Authenticate", "Bearer realm=\"quartermaster\"");
            send(ctx, e.unauthenticated() ? 401 : 403, e.unauthenticated() ? "unauthenticated" : "forbidden",
                    e.unauthenticated() ? "Not signed in" : "Forbidden", e.getMessage(), null);
        });
        routes.exception(Idempotency.Conflict.class, (e, ctx) ->
                send(ctx, e.status(), e.type(), "Idempotency-Key conflict", e.getMessage(), null));
        routes.exception(HttpResponseException.class, (e, ctx) -> send(ctx, e.getStatus(), "http-" + e.getStatus(),
                title(e.getStatus()), e.getMessage(), null));
        routes.exception(Exception.class, (e, ctx) -> unexpected(ctx, e));
        for (int status : new int[] {404, 405}) {
            routes.error(status, "*", ctx -> {
                String type = ctx.res().getContentType();
                boolean answered = type != null
                        && (type.startsWith(Problem.CONTENT_TYPE) || type.startsWith("text/html"));
                if (!answered) {
                    send(ctx, status, "http-" + status, title(status),
                            status == 404 ? "no route " + ctx.method() + " " + ctx.path()
                                    : "method " + ctx.method() + " is not allowed on " + ctx.path(), null);
                }
            });
        }
    }

    private static void invalidField(Context ctx, InvalidField e) {
        // A query parameter or header (e.g. Idempotency-Key) is a 400 naming the parameter; a
        // body field is a 422 with a JSON pointer. A GET has no body, so its fields are parameters.
        // Only headers the server reads count: a body field may share a header's name (an
        // offer's "origin" and the browser's Origin header).
        boolean query = "GET".equals(ctx.method().name()) || ctx.queryParamMap().containsKey(e.field())
                || Idempotency.HEADER.equalsIgnoreCase(e.field());
        FieldError error = query ? new FieldError(null, e.field(), e.detail())
                : new FieldError(Problem.pointer(e.field()), null, e.detail());
        send(ctx, query ? 400 : 422, "invalid-field", query ? "Invalid parameter" : "Invalid field",
                e.getMessage(), List.of(error));
    }

    private static void badJson(Context ctx, BadJson e) {
        if (e.field() == null) {
            send(ctx, 400, "malformed-json", "Malformed JSON", e.getMessage(), null);
        } else {
            send(ctx, 422, "invalid-field", "Invalid field", e.field() + " " + e.getMessage(),
                    List.of(new FieldError(Problem.pointer(e.field()), null, e.getMessage())));
        }
    }

    private static void unexpected(Context ctx, Exception e) {
        Throwable cause = e;
        for (int depth = 0; depth < CAUSE_DEPTH_MAX; depth++) {
            if (cause instanceof InvalidField f) {
                invalidField(ctx, f);
                return;
            }
            if (isDuplicateKey(cause)) {
                send(ctx, 409, "duplicate-key", "Conflict",
                        "another request wrote a record with the same key at the same time; reload and retry", null);
                return;
            }
            if (cause.getCause() == null || cause.getCause() == cause) break;
            cause = cause.getCause();
        }
        if (cause instanceof java.io.EOFException || cause instanceof org.eclipse.jetty.io.EofException) {
            send(ctx, 400, "incomplete-body", "Incomplete body", "the request body ended early", null);
            return;
        }
        LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
        send(ctx, 500, "internal", "Internal error",
                "the server could not complete the request; it has been logged", null);
    }

    /**
     * A unique key broken by a concurrent write: the facades check for duplicates first, but on
     * PostgreSQL two transactions can both pass that check and only the second insert fails.
     */
    private static boolean isDuplicateKey(Throwable t) {
        return t instanceof java.sql.SQLException s && ("23505".equals(s.getSQLState())
                || String.valueOf(s.getMessage()).contains("SQLITE_CONSTRAINT_UNIQUE")
                || String.valueOf(s.getMessage()).contains("SQLITE_CONSTRAINT_PRIMARYKEY"));
    }

    static void send(Context ctx, int status, String type, String title, String detail, List<FieldError> errors) {
        if (Templates.wantsHtml(ctx)) {
            Templates.error(ctx, status, status >= 500 ? null : detail);
            return;
        }
        Problem problem = new Problem("/problems/" + type, title, status, detail, ctx.path(), errors);
        ctx.status(status).contentType(Problem.CONTENT_TYPE).result(Json.write(problem));
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorised";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 409 -> "Conflict";
            case 413 -> "Content too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Unprocessable content";
            default -> "HTTP " + status;
        };
    }
}
