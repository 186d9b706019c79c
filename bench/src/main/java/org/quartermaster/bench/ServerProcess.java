package org.quartermaster.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One {@code qm serve} child process of the fat jar, on 127.0.0.1 only. The benches start it,
 * wait for {@code /health}, and end it either gently (SIGTERM) or with {@link #kill()} (SIGKILL).
 */
final class ServerProcess implements AutoCloseable {
    /** How long a start may take before the bench gives up on it. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /** Gap between two {@code /health} probes while starting. */
    static final Duration PROBE_INTERVAL = Duration.ofMillis(10);
    static final String HOST = "127.0.0.1";
    /** Flags {@code ./qm} passes to the JVM; the benches measure what users run. */
    static final List<String> JVM_FLAGS = List.of("--enable-native-access=ALL-UNNAMED", "-XX:+UseZGC");

    /** Children still running; a bench that is interrupted (Ctrl-C) must not leave servers behind. */
    private static final java.util.Set<Process> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "qm-bench-children"));
    }

    private final Process process;
    private final int port;
    private final long spawnedNanos;

    private ServerProcess(Process process, int port, long spawnedNanos) {
        this.process = process;
        this.port = port;
        this.spawnedNanos = spawnedNanos;
    }

    /**
     * Spawns {@code java -jar jar serve} on a free port with {@code storeArgs} ({@code --data DIR}
     * or {@code --db URL}); its output goes to {@code log} (appended). Does not wait for health.
     */
    static ServerProcess spawn(Path jar, List<String> storeArgs, List<String> javaOptions, Path log)
            throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(JVM_FLAGS);
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar.toString(), "serve", "--host", HOST, "--port", String.valueOf(port)));
        command.addAll(storeArgs);
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        long spawned = System.nanoTime();
        Process process = builder.start();
        LIVE.add(process);
        process.onExit().thenAccept(LIVE::remove);
        return new ServerProcess(process, port, spawned);
    }

    /** Spawns and waits for the first 200 on {@code /health}. */
    static ServerProcess start(Path jar, List<String> storeArgs, List<String> javaOptions, Path log)
            throws IOException, InterruptedException {
        ServerProcess server = spawn(jar, storeArgs, javaOptions, log);
        try {
            server.awaitHealthy(log);
            return server;
        } catch (IOException | RuntimeException | InterruptedException e) {
            server.kill();
            throw e;
        }
    }

    /** Polls {@code /health} until it answers 200; returns the time since spawn. */
    Duration awaitHealthy(Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(base().resolve("/health")).timeout(Duration.ofSeconds(2)).build();
        long deadline = spawnedNanos + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("qm serve exited with " + process.exitValue() + " before it was healthy; see " + log);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - spawnedNanos);
                }
            } catch (IOException notYet) {
                // connection refused while the JVM starts: probe again
            }
            Thread.sleep(PROBE_INTERVAL);
        }
        throw new IOException("qm serve was not healthy within " + START_TIMEOUT + "; see " + log);
    }

    URI base() {
        return URI.create("http://" + HOST + ":" + port);
    }

    long pid() {
        return process.pid();
    }

    /**
     * SIGKILL ({@link Process#destroyForcibly()} on Linux), then checks by pid that the process
     * is gone: no shutdown hook, no flush, no goodbye.
     */
    void kill() throws InterruptedException {
        long pid = process.pid();
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("process " + pid + " survived SIGKILL for 30 s");
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isPresent() && handle.get().isAlive()) {
            throw new IllegalStateException("process " + pid + " is still alive after SIGKILL");
        }
    }

    /** Exit status of an ended process: 137 = 128 + SIGKILL(9) for a killed one. */
    int exitValue() {
        return process.exitValue();
    }

    /** A gentle stop (SIGTERM: shutdown hooks run), forcibly if it takes too long. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) kill();
    }

    /** The java running this bench, so the child uses the same JDK. */
    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Where this bench's classes are (bench/target/...), so {@code ./qm bench} works from any directory. */
    private static Path benchLocation() {
        try {
            return Path.of(ServerProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Path.of("").toAbsolutePath();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /**
     * The fat jar: {@code explicit} if given, else {@code platform/target/quartermaster.jar} in the
     * working directory or one of its parents.
     */
    static Path findJar(Path explicit) {
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) throw new IllegalArgumentException("--jar: no file at " + explicit);
            return explicit.toAbsolutePath();
        }
        for (Path start : List.of(Path.of("").toAbsolutePath(), benchLocation())) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                Path jar = dir.resolve("platform/target/quartermaster.jar");
                if (Files.isRegularFile(jar)) return jar;
            }
        }
        throw new IllegalArgumentException("--jar: platform/target/quartermaster.jar not found from "
                + Path.of("").toAbsolutePath() + "; build it with ./qm --help or pass --jar");
    }
}
