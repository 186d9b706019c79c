package org.quartermaster.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.quartermaster.Quartermaster;
import org.quartermaster.server.Server;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qm serve}: run the platform until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the platform over HTTP.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String host;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() throws InterruptedException {
        Path data = Path.of("qm-data");
        Quartermaster app = store.platform(data);
        // OpenID Connect when QM_OIDC_ISSUER (and its companions) are set; see OidcSettings.
        var oidc = org.quartermaster.access.web.OidcSettings.fromEnvironment(System.getenv());
        if (oidc != null) {
            app.useOidc(oidc);
            System.out.println("OpenID Connect login with " + oidc.issuer());
        }
        Server server = app.serve(host, port);
        System.out.println("Quartermaster is serving " + store.describe(data));
        System.out.println("Open http://" + host + ":" + server.port() + "/");
        awaitShutdown(app, server);
        return 0;
    }

    static void awaitShutdown(Quartermaster app, Server server) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            app.close();
            stopped.countDown();
        }, "qm-shutdown"));
        stopped.await();
    }
}
