package org.quartermaster.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.quartermaster.audit.Journal;
import org.quartermaster.store.Database;

/**
 * The kill -9 durability run: rounds of (start, concurrent writes, SIGKILL at a seeded random
 * moment, check the journal chain on disk, restart, look for every acknowledged need, retry the
 * in-doubt requests with their Idempotency-Key and look for duplicates).
 */
final class CrashRun {
    /** Rounds at most: each starts a JVM, so the count is bounded. */
    static final int KILLS_MAX = 1_000;
    static final int CLIENTS_MAX = 64;
    /** Page size used to read every need back. */
    static final int PAGE_SIZE = 500;
    /** How long the writers may take to notice the dead server before the run gives up. */
    static final Duration WRITER_STOP_TIMEOUT = Duration.ofSeconds(30);

    /** What to run. */
    record Settings(Path jar, Path data, int kills, int clients, int minDelayMillis, int maxDelayMillis, long seed,
                    List<String> javaOptions) {
        Settings {
            if (kills < 1 || kills > KILLS_MAX) throw new IllegalArgumentException("--kills must be 1 to " + KILLS_MAX);
            if (clients < 1 || clients > CLIENTS_MAX) {
                throw new IllegalArgumentException("--clients must be 1 to " + CLIENTS_MAX);
            }
            if (minDelayMillis < 0 || maxDelayMillis < minDelayMillis) {
                throw new IllegalArgumentException("need 0 <= --min-delay-ms <= --max-delay-ms");
            }
        }
    }

    /** Every round and the totals; {@code lost} counts distinct acknowledged needs missing at any check. */
    record Result(long seed, List<CrashRound> rounds, int acknowledged, int lost, int inDoubt, int stuck,
                  int duplicates, int refused, boolean chainIntact) {
        boolean passed() {
            return lost == 0 && duplicates == 0 && chainIntact;
        }
    }

    /** A request a writer sent: its key and body. */
    private record Sent(String key, String body) {}

    private final Settings settings;
    private final PrintStream progress;
    private final Path log;
    /** key of every acknowledged need of every round -> its public id */
    private final Map<String, String> acknowledgedEver = new HashMap<>();
    private final Set<String> lostKeys = new LinkedHashSet<>();

    CrashRun(Settings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
        this.log = settings.data().resolve("serve.log");
    }

    /** The bench ministry's machine client (its API token outlives every restart). */
    private ApiClient client;

    Result run() throws IOException, InterruptedException {
        Random random = new Random(settings.seed());
        List<CrashRound> rounds = new ArrayList<>();
        ServerProcess server = start();
        try {
            client = ReferenceData.create(new ApiClient(server.base()), settings.jar(),
                    List.of("--data", settings.data().toString()));
            for (int round = 1; round <= settings.kills(); round++) {
                long delay = settings.minDelayMillis()
                        + random.nextInt(settings.maxDelayMillis() - settings.minDelayMillis() + 1);
                RoundOutcome outcome = round(round, server, delay);
                server = outcome.restarted();
                rounds.add(outcome.result());
                progress.println(outcome.result().row());
            }
            checkEveryAcknowledged(client.at(server.base()));
        } finally {
            server.close();
        }
        return new Result(settings.seed(), rounds, acknowledgedEver.size(), lostKeys.size(),
                rounds.stream().mapToInt(CrashRound::inDoubt).sum(), rounds.stream().mapToInt(CrashRound::stuck).sum(),
                rounds.stream().mapToInt(CrashRound::duplicates).sum(),
                rounds.stream().mapToInt(CrashRound::refused).sum(),
                rounds.stream().allMatch(r -> r.chainBrokenAt() == 0));
    }

    private record RoundOutcome(CrashRound result, ServerProcess restarted) {}

    private RoundOutcome round(int round, ServerProcess server, long delayMillis)
            throws IOException, InterruptedException {
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Map<String, Sent> inFlight = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ApiClient api = client.at(server.base());
        List<Thread> writers = new ArrayList<>();
        for (int c = 0; c < settings.clients(); c++) {
            String prefix = "crash-s%d-r%02d-c%02d-".formatted(settings.seed() & 0xffff, round, c);
            writers.add(Thread.ofVirtual().start(() -> write(api, prefix, stop, acknowledged, inFlight, refused)));
        }
        Thread.sleep(delayMillis);
        long pid = server.pid();
        server.kill();
        stop.set(true);
        for (Thread w : writers) {
            if (!w.join(WRITER_STOP_TIMEOUT)) throw new IllegalStateException("a writer did not stop after the kill");
        }
        int exit = server.exitValue();
        long[] chain = checkChainOnDisk(acknowledged);
        ServerProcess restarted = start();
        try {
            ApiClient after = client.at(restarted.base());
            Map<String, List<String>> stored = needsByKey(after);
            int found = 0;
            for (Map.Entry<String, String> a : acknowledged.entrySet()) {
                List<String> ids = stored.getOrDefault(a.getKey(), List.of());
                if (ids.contains(a.getValue())) found++;
                else lostKeys.add(a.getKey());
            }
            acknowledgedEver.putAll(acknowledged);
            int committed = (int) inFlight.keySet().stream().filter(stored::containsKey).count();
            int[] retries = retry(after, inFlight.values());
            Map<String, List<String>> afterRetry = needsByKey(after);
            int duplicates = (int) afterRetry.entrySet().stream()
                    .filter(e -> acknowledged.containsKey(e.getKey()) || inFlight.containsKey(e.getKey()))
                    .filter(e -> e.getValue().size() > 1).count();
            int lost = (int) acknowledged.keySet().stream().filter(lostKeys::contains).count();
            CrashRound result = new CrashRound(round, pid, exit, delayMillis, acknowledged.size(), found,
                    lost, inFlight.size(), committed, retries[0], retries[1],
                    retries[2], refused.get() + retries[3], duplicates, chain[0], chain[1]);
            return new RoundOutcome(result, restarted);
        } catch (IOException | RuntimeException | InterruptedException e) {
            restarted.kill();
            throw e;
        }
    }

    /** One client: files needs with fresh keys until the server dies (an I/O error) or the round ends. */
    private static void write(ApiClient api, String prefix, AtomicBoolean stop, Map<String, String> acknowledged,
                              Map<String, Sent> inFlight, AtomicInteger refused) {
        for (long n = 1; !stop.get(); n++) {
            String key = prefix + n;
            Sent sent = new Sent(key, ReferenceData.need(key, n));
            inFlight.put(key, sent);
            try {
                ApiClient.Reply reply = api.post("/api/v1/needs", sent.body(), key);
                inFlight.remove(key);
                if (reply.status() == 201) acknowledged.put(key, reply.json().get("id").asText());
                else refused.incrementAndGet();
            } catch (IOException serverGone) {
                return; // the request stays in doubt: it may or may not have committed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Opens the killed server's database in this process (which recovers the WAL as a restart
     * would) and walks the journal chain; also counts acknowledged needs without their event.
     * Returns {journal size, first broken link, acknowledged needs not journalled} (the last also go to lostKeys).
     */
    private long[] checkChainOnDisk(Map<String, String> acknowledged) {
        try (Database db = Database.embedded(settings.data())) {
            Journal journal = new Journal(db);
            long unjournalled = acknowledged.entrySet().stream()
                    .filter(a -> journal.forEntity(a.getValue(), 10).stream().noneMatch(e -> e.type().equals("NeedFiled")))
                    .peek(a -> lostKeys.add(a.getKey()))
                    .count();
            return new long[] {journal.size(), journal.firstBrokenLink(), unjournalled};
        }
    }

    /**
     * Retries in-doubt requests with their key and body; returns {created, replayed (a stored
     * response, or 303 to the result when the response was never stored), stuck (409), other}.
     */
    private static int[] retry(ApiClient api, Iterable<Sent> inDoubt) throws IOException, InterruptedException {
        int[] counts = new int[4];
        for (Sent s : inDoubt) {
            ApiClient.Reply r = api.post("/api/v1/needs", s.body(), s.key());
            if (r.status() == 201 && r.replayed()) counts[1]++;
            else if (r.status() == 201) counts[0]++;
            else if (r.status() == 303) counts[1]++;
            else if (r.status() == 409) counts[2]++;
            else counts[3]++;
        }
        return counts;
    }

    /** Every stored need, grouped by the client key in its justification. */
    static Map<String, List<String>> needsByKey(ApiClient api) throws IOException, InterruptedException {
        Map<String, List<String>> byKey = new HashMap<>();
        String after = null;
        do {
            String path = "/api/v1/needs?limit=" + PAGE_SIZE
                    + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
            ApiClient.Reply r = api.get(path);
            if (r.status() != 200) throw new IllegalStateException("GET " + path + " answered " + r.status() + ": " + r.body());
            JsonNode page = r.json();
            for (JsonNode need : page.get("items")) {
                byKey.computeIfAbsent(need.get("justification").asText(), k -> new ArrayList<>())
                        .add(need.get("id").asText());
            }
            JsonNode next = page.get("next");
            after = next == null || next.isNull() ? null : next.asText();
        } while (after != null);
        return byKey;
    }

    /** After the last restart: every need acknowledged in any round must still be there. */
    private void checkEveryAcknowledged(ApiClient api) throws IOException, InterruptedException {
        Map<String, List<String>> stored = needsByKey(api);
        acknowledgedEver.forEach((key, id) -> {
            if (!stored.getOrDefault(key, List.of()).contains(id)) lostKeys.add(key);
        });
    }

    private ServerProcess start() throws IOException, InterruptedException {
        return ServerProcess.start(settings.jar(), List.of("--data", settings.data().toString()),
                settings.javaOptions(), log);
    }
}
