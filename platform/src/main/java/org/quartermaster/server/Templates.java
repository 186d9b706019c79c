package org.quartermaster.server;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Renders the precompiled JTE templates of {@code src/main/jte} (HTML, escaped by default).
 * Every template takes the request's {@link Ui} as {@code t} and one view record as {@code view}.
 */
public final class Templates {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Templates() {}

    /** Renders {@code template} with {@code view} as the response, status 200. */
    public static void page(Context ctx, String template, Object view) {
        ctx.html(render(template, Ui.of(ctx), view));
    }

    /** True when the request comes from htmx, which wants only the fragment it targets. */
    public static boolean partial(Context ctx) {
        return "true".equals(ctx.header("HX-Request"));
    }

    static String render(String template, Ui ui, Object view) {
        StringOutput out = new StringOutput();
        ENGINE.render(template, Map.of("t", ui, "view", view), out);
        return out.toString();
    }

    /** An HTML rendering of an error: a page for people rather than a problem document. */
    public record ErrorView(int status, String detail) {}

    static void error(Context ctx, int status, String detail) {
        ctx.status(status).contentType("text/html; charset=utf-8")
                .result(render("error.jte", Ui.of(ctx), new ErrorView(status, detail)));
    }

    /** HTML routes answer errors as HTML: outside {@code /api}, to clients that accept HTML. */
    static boolean wantsHtml(Context ctx) {
        String accept = ctx.header("Accept");
        return !ctx.path().startsWith("/api") && accept != null && accept.contains("text/html");
    }
}
