package org.quartermaster.procurement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.quartermaster.Quartermaster;
import org.quartermaster.server.Actors;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.Server;
import org.quartermaster.shared.Actor;
import org.quartermaster.store.Database;
import org.quartermaster.testing.TestServer.Reply;

/**
 * The real platform on a free port with a clock the test moves, and requests made as named
 * actors: a test-only wrapper around every route resolves the {@code X-Test-Actor} header into
 * the request's actor (the production server never reads it). Requests without it act as the
 * system actor, as every request does until sessions are wired.
 */
final class ActingServer implements AutoCloseable {
    static final String HEADER = "X-Test-Actor";

    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovableClock clock;
    final Quartermaster app;
    final RouteTable routes;
    private final Server server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ActingServer(Instant start) {
        this(start, org.quartermaster.testing.TestDatabases.Kind.SQLITE);
    }

    ActingServer(Instant start, org.quartermaster.testing.TestDatabases.Kind kind) {
        try {
            Path dir = Files.createTempDirectory("qm-proc-");
            dir.toFile().deleteOnExit();
            this.clock = new MovableClock(start);
            String url = kind == org.quartermaster.testing.TestDatabases.Kind.SQLITE
                    ? "jdbc:sqlite:" + dir.resolve("quartermaster.db").toAbsolutePath()
                    : org.quartermaster.testing.TestDatabases.postgresUrl();
            Database db = Database.open(url, clock);
            this.app = new Quartermaster(db);
            this.routes = acting(app.routes());
            this.server = Server.start(db, routes, "127.0.0.1", 0, Server.HealthProbe.of(db, app.journal()::size),
                    new org.quartermaster.testing.SystemGate(app.routePolicies()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The same routes, each first resolving the test actor header. */
    static RouteTable acting(RouteTable original) {
        RouteTable t = new RouteTable();
        for (RouteTable.Route r : original.routes()) {
            io.javalin.http.Handler h = ctx -> {
                String who = ctx.header(HEADER);
                if (who != null) ctx.attribute(Actors.ATTRIBUTE, parse(who));
                r.handler().handle(ctx);
            };
            if (r.html()) {
                t.page(r.method(), r.path(), r.summary(), h);
                continue;
            }
            io.javalin.http.HandlerType m = r.method();
            if (m == io.javalin.http.HandlerType.GET) {
                t.get(r.path(), r.tag(), r.summary(), r.response(), r.params(), h);
            } else if (m == io.javalin.http.HandlerType.POST) {
                t.post(r.path(), r.tag(), r.summary(), r.request(), r.response(), r.status(), h);
            } else if (m == io.javalin.http.HandlerType.PUT) {
                t.put(r.path(), r.tag(), r.summary(), r.request(), r.response(), h);
            } else if (m == io.javalin.http.HandlerType.PATCH) {
                t.patch(r.path(), r.tag(), r.summary(), r.request(), r.response(), h);
            } else {
                throw new IllegalStateException("unexpected method " + m);
            }
        }
        return t;
    }

    /** {@code user|ORG|ROLE,ROLE|GROUP,GROUP}. */
    static String header(Actor a) {
        return a.user() + "|" + a.organisation() + "|" + String.join(",", a.roles()) + "|" + String.join(",", a.groups());
    }

    static Actor parse(String header) {
        String[] p = header.split("\\|", -1);
        return new Actor(p[0], p[1], set(p.length > 3 ? p[3] : ""), set(p[2]));
    }

    private static Set<String> set(String csv) {
        return csv.isBlank() ? Set.of() : new TreeSet<>(Arrays.asList(csv.split(",")));
    }

    static Actor actor(String user, String org, String... roles) {
        return new Actor(user, org, Set.of(), Set.of(roles));
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    Reply get(String path, Actor as) {
        return send("GET", path, null, as);
    }

    Reply post(String path, String json, Actor as) {
        return send("POST", path, json, as);
    }

    /** A form post, as a browser sends it (redirects are not followed). */
    Reply form(String path, String urlEncoded, Actor as) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .POST(HttpRequest.BodyPublishers.ofString(urlEncoded))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30));
        if (as != null) b.header(HEADER, header(as));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers().map());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply send(String method, String path, String json, Actor as) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30));
        if (as != null) b.header(HEADER, header(as));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers().map());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        app.close();
    }
}
