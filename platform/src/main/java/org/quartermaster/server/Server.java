package org.quartermaster.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quartermaster.shared.Limits;
import org.quartermaster.store.Database;

/**
 * The HTTP server: installs the route table, problem mapping, idempotency keys, health,
 * Prometheus metrics and the OpenAPI document on Javalin with virtual threads.
 */
public final class Server implements AutoCloseable {
    public static final String VERSION = "0.1.0";
    private static final String STARTED = "qm.startedNanos";

    private final Javalin javalin;

    private Server(Javalin javalin) {
        this.javalin = javalin;
    }

    /** The server's own routes (not in a context's route table), whose policies the wiring declares. */
    public static final List<Gate.Endpoint> OWN_ROUTES = List.of(
            new Gate.Endpoint("GET", "/health"), new Gate.Endpoint("GET", "/metrics"),
            new Gate.Endpoint("GET", "/lang/{code}"), new Gate.Endpoint("GET", "/api/openapi.json"),
            new Gate.Endpoint("GET", "/static/*"), new Gate.Endpoint("GET", "/webjars/*"));

    /**
     * Starts on {@code host:port} (port 0 picks a free one) and returns once it accepts requests.
     * Every request passes {@code gate} first.
     *
     * @throws IllegalStateException when the gate finds a route without a policy
     */
    public static Server start(Database db, RouteTable table, String host, int port, HealthProbe health, Gate gate) {
        List<Gate.Endpoint> all = new ArrayList<>(OWN_ROUTES);
        for (RouteTable.Route r : table.routes()) all.add(new Gate.Endpoint(r.method().name(), r.path()));
        gate.requireAll(List.copyOf(all));
        Endpoints endpoints = new Endpoints(all);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        Idempotency idempotency = new Idempotency(db);
        Map<String, Object> openApi = OpenApi.document(table.routes(), VERSION);
        String openApiJson = Json.write(openApi);
        Javalin app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = Limits.BODY_BYTES_MAX;
            // A known path with the wrong method is a 405, not a 404 (RFC 9110 section 15.5.6).
            config.http.prefer405over404 = true;
            config.jetty.host = host;
            config.jetty.port = port;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems()));
            config.startup.showJavalinBanner = false;
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {  // classpath /static served under /static, not at the root
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
            });
            Problems.install(config.routes);
            config.routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
            config.routes.before(ctx -> gate.before(ctx, endpoints.match(ctx.method().name(), ctx.path())));
            config.routes.before("/api/*", Http::refuseNulCharacters);
            config.routes.before("/api/*", idempotency::before);
            config.routes.after("/api/*", idempotency::after);
            config.routes.after(ctx -> record(metrics, ctx));
            config.routes.get("/health", ctx -> Http.json(ctx, 200, health.check()));
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()));
            config.routes.get("/lang/{code}", Server::switchLanguage);
            config.routes.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApiJson));
            table.install(config.routes);
        });
        app.start();
        return new Server(app);
    }

    /**
     * The language switch: remembers the choice in a cookie and goes back to the page it came
     * from (only a path of this site, never another origin).
     */
    private static void switchLanguage(Context ctx) {
        String code = ctx.pathParam("code");
        if (!Messages.LANGUAGES.contains(code)) {
            throw new org.quartermaster.shared.InvalidField("code", "must be one of " + Messages.LANGUAGES);
        }
        ctx.header("Set-Cookie", Ui.COOKIE + "=" + code + "; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly");
        ctx.redirect(backTo(ctx.header("Referer")));
    }

    static String backTo(String referer) {
        if (referer == null) return "/";
        try {
            java.net.URI uri = java.net.URI.create(referer);
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/lang/")) return "/";
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    private static void record(PrometheusMeterRegistry metrics, Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) return;
        // The route template that answered (not this after-handler's own "*"); unmatched
        // requests share one label so that scanners cannot blow up the metric's cardinality.
        io.javalin.router.Endpoint matched = ctx.endpoints().lastHttpEndpoint();
        String route = matched == null ? "unmatched" : matched.path;
        Timer.builder("http_server_requests")
                .tag("method", ctx.method().name()).tag("route", route)
                .tag("status", String.valueOf(ctx.statusCode()))
                .register(metrics).record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }

    /** What {@code /health} reports. */
    @FunctionalInterface
    public interface HealthProbe {
        Map<String, Object> check();

        /**
         * Reports the database in use and the journal's size, read through {@code journalSize}
         * (the journal's tables belong to the audit context, not to the server).
         */
        static HealthProbe of(Database db, java.util.function.LongSupplier journalSize) {
            return () -> {
                Map<String, Object> out = new LinkedHashMap<>();
                long events = journalSize.getAsLong();
                out.put("status", "UP");
                out.put("database", db.dialect().name().toLowerCase(java.util.Locale.ROOT));
                out.put("journalEvents", events);
                out.put("version", VERSION);
                return out;
            };
        }
    }
}
