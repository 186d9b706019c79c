package org.quartermaster.bench;

import java.io.IOException;

/**
 * The item, organisation and location every bench need refers to, created through the API, and
 * the body of one need. The justification carries the client's unique key, so a need can be
 * matched to the request that filed it (and a duplicate spotted) by reading it back.
 */
final class ReferenceData {
    static final String ITEM = "BENCH-155";
    static final String ORGANISATION = "BENCH-MOD";
    static final String LOCATION = "BENCH-DEPOT";

    private ReferenceData() {}

    /** The platform admin the benches add with {@code qm user add} and sign in as, to set up. */
    static final String ADMIN = "bench-admin";
    static final String ADMIN_PASSWORD = "bench admin passphrase 1";

    /**
     * Sets the reference data up through the API as a platform admin (added with {@code qm user
     * add}, signed in with its one-time code), and returns a client of the bench ministry's
     * machine client: an API token holding REQUESTER, what the benches file needs with.
     */
    static ApiClient create(ApiClient anonymous, java.nio.file.Path jar, java.util.List<String> storeArgs)
            throws IOException, InterruptedException {
        ApiClient admin = signInAdmin(anonymous, jar, storeArgs);
        create(admin);
        var token = admin.postExpecting(201, "/api/v1/tokens", """
                {"name":"bench client","organisation":"%s","roles":["REQUESTER"]}""".formatted(ORGANISATION));
        return anonymous.withToken(token.json().get("token").asText());
    }

    /**
     * A client signed in (session and CSRF token) as a person of the platform organisation with
     * {@code roles}, added with {@code qm user add} against the server's store. A session, not an
     * API token: roles such as FUND_OFFICER need a person's second factor.
     */
    static ApiClient platformClient(ApiClient anonymous, java.nio.file.Path jar, java.util.List<String> storeArgs,
                                    String user, java.util.List<String> roles) throws IOException, InterruptedException {
        return signIn(anonymous, user, addUser(jar, storeArgs, user, String.join(",", roles)));
    }

    /** Adds the bench admin and signs it in with its one-time code. */
    private static ApiClient signInAdmin(ApiClient anonymous, java.nio.file.Path jar, java.util.List<String> storeArgs)
            throws IOException, InterruptedException {
        return signIn(anonymous, ADMIN, addUser(jar, storeArgs, ADMIN, "ADMIN"));
    }

    private static ApiClient signIn(ApiClient anonymous, String user, String secret)
            throws IOException, InterruptedException {
        String code = org.quartermaster.access.model.Totp.code(org.quartermaster.access.model.Base32.decode(secret),
                java.time.Instant.now());
        var login = anonymous.postRaw("/api/v1/login", """
                {"userName":"%s","password":"%s","oneTimeCode":"%s"}""".formatted(user, ADMIN_PASSWORD, code));
        if (login.statusCode() != 200) throw new IllegalStateException("bench login of " + user + ": " + login.body());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        String csrf = ApiClient.JSON.readTree(login.body()).get("csrfToken").asText();
        return anonymous.withSession(cookie, csrf);
    }

    /** Runs {@code qm user add} against the server's store; returns the user's TOTP secret. */
    private static String addUser(java.nio.file.Path jar, java.util.List<String> storeArgs, String user, String roles)
            throws IOException, InterruptedException {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(ServerProcess.javaBinary(),
                "-jar", jar.toString(), "user", "add", user, "--org", "QM", "--roles", roles, "--password-stdin"));
        command.addAll(storeArgs);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write((ADMIN_PASSWORD + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException("qm user add " + user + " failed: " + out);
        for (String line : out.split("\n")) {
            if (line.startsWith("second factor secret: ")) return line.substring("second factor secret: ".length()).strip();
        }
        throw new IllegalStateException("qm user add printed no second factor secret: " + out);
    }

    private static void create(ApiClient api) throws IOException, InterruptedException {
        api.postExpecting(201, "/api/v1/items", """
                {"code":"%s","name":"155 mm HE (bench)","unit":"H87","cpv":"35331000-3",
                 "category":"AMMUNITION","lethal":true}""".formatted(ITEM));
        api.postExpecting(201, "/api/v1/organisations", """
                {"code":"%s","name":"Bench ministry","kind":"RECIPIENT","country":"UKR"}""".formatted(ORGANISATION));
        api.postExpecting(201, "/api/v1/locations", """
                {"code":"%s","name":"Bench depot","country":"UKR","kind":"DEPOT","organisation":"%s"}"""
                .formatted(LOCATION, ORGANISATION));
    }

    /** A need body unique to {@code key} (letters, digits and dashes only). */
    static String need(String key, long quantity) {
        return """
                {"requester":"%s","item":"%s","quantity":%d,"priority":"P2","dueDate":"2030-01-31",
                 "destination":"%s","justification":"%s","submit":true}"""
                .formatted(ORGANISATION, ITEM, quantity, LOCATION, key);
    }
}
