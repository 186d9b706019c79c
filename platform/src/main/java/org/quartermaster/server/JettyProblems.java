package org.quartermaster.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty answers itself, before Javalin sees the request (an illegal character in the
 * path such as {@code %00}, a malformed request line), as problem+json like every other error,
 * never as Jetty's HTML page. The reason is Jetty's short message; no stack trace is shown.
 */
final class JettyProblems extends ErrorHandler {
    private static final HttpField PROBLEM = new HttpField(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(PROBLEM);
        response.write(true, ByteBuffer.wrap(body(code, message, request.getHttpURI().getPath())), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(PROBLEM);
        return ByteBuffer.wrap(body(status, reason, null));
    }

    private static byte[] body(int status, String message, String path) {
        String detail = message == null || message.isBlank() ? "the request cannot be handled" : message;
        Problem problem = new Problem("/problems/http-" + status, status == 400 ? "Bad request" : "HTTP " + status,
                status, detail, path, null);
        return Json.write(problem).getBytes(StandardCharsets.UTF_8);
    }
}
