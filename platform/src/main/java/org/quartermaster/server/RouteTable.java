package org.quartermaster.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;

/**
 * Every route of the platform, declared with what it takes and returns. The server installs
 * them into Javalin and derives the OpenAPI document from the same list, so the document can
 * never miss a route.
 */
public final class RouteTable {

    /** A query parameter of a route. */
    public record Param(String name, String description, Class<?> type) {}

    /** One route. {@code request} is null for routes without a body; {@code html} routes serve pages. */
    public record Route(HandlerType method, String path, String tag, String summary, Class<?> request,
                        Class<?> response, int status, List<Param> params, boolean html, Handler handler) {}

    private final List<Route> routes = new ArrayList<>();

    public RouteTable get(String path, String tag, String summary, Class<?> response, List<Param> params, Handler h) {
        return add(new Route(HandlerType.GET, path, tag, summary, null, response, 200, params, false, h));
    }

    public RouteTable get(String path, String tag, String summary, Class<?> response, Handler h) {
        return get(path, tag, summary, response, List.of(), h);
    }

    public RouteTable post(String path, String tag, String summary, Class<?> request, Class<?> response, int status,
                           Handler h) {
        return add(new Route(HandlerType.POST, path, tag, summary, request, response, status, List.of(), false, h));
    }

    public RouteTable put(String path, String tag, String summary, Class<?> request, Class<?> response, Handler h) {
        return add(new Route(HandlerType.PUT, path, tag, summary, request, response, 200, List.of(), false, h));
    }

    public RouteTable patch(String path, String tag, String summary, Class<?> request, Class<?> response, Handler h) {
        return add(new Route(HandlerType.PATCH, path, tag, summary, request, response, 200, List.of(), false, h));
    }

    /** A file download (GET): CSV or JSON lines as {@link Export} writes them, described so in the OpenAPI document. */
    public RouteTable download(String path, String tag, String summary, List<Param> params, Handler h) {
        return add(new Route(HandlerType.GET, path, tag, summary, null, Export.class, 200, params, false, h));
    }

    /** A page of the web UI (GET) or a form post (POST, answered by a redirect). */
    public RouteTable page(HandlerType method, String path, String summary, Handler h) {
        return add(new Route(method, path, "ui", summary, null, null, 200, List.of(), true, h));
    }

    private RouteTable add(Route route) {
        for (Route r : routes) {
            if (r.method() == route.method() && r.path().equals(route.path())) {
                throw new IllegalStateException("route declared twice: " + route.method() + " " + route.path());
            }
        }
        routes.add(route);
        return this;
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    void install(RoutesConfig config) {
        for (Route r : routes) config.addHttpHandler(r.method(), r.path(), r.handler());
    }
}
