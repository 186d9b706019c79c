package org.quartermaster.access;

import org.quartermaster.shared.AccessDenied;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.quartermaster.access.SecurityEvent.Kind;
import org.quartermaster.access.jdbc.ApiTokensTable;
import org.quartermaster.access.jdbc.ApprovalsTable;
import org.quartermaster.access.jdbc.LoginFailuresTable;
import org.quartermaster.access.jdbc.SessionsTable;
import org.quartermaster.access.jdbc.UsersTable;
import org.quartermaster.access.model.AccessPolicy;
import org.quartermaster.access.model.Action;
import org.quartermaster.access.model.Base32;
import org.quartermaster.access.model.FourEyes;
import org.quartermaster.access.model.Marking;
import org.quartermaster.access.model.PasswordRules;
import org.quartermaster.access.model.Principal;
import org.quartermaster.access.model.Role;
import org.quartermaster.access.model.ThrottleLimit;
import org.quartermaster.access.model.Totp;
import org.quartermaster.access.model.User;
import org.quartermaster.audit.Journal;
import org.quartermaster.parties.Parties;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.Checks;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.Limits;
import org.quartermaster.shared.NotFound;
import org.quartermaster.shared.PublicIds;
import org.quartermaster.shared.Refused;
import org.quartermaster.store.Database;

/**
 * Identity and access use cases: accounts, login and sessions, API tokens, four-eyes approvals.
 * Every decision about who may do what goes through {@link #policy()}. Malformed, forged,
 * expired or revoked tokens are answered with an empty result, never an exception.
 */
public final class Access {
    /** A session's last-seen time is written at most this often; idle timeouts are this precise. */
    static final java.time.Duration TOUCH_INTERVAL = java.time.Duration.ofSeconds(30);
    /** Longest input hashed at login; longer ones are wrong anyway and cost the same as any other. */
    static final int LOGIN_INPUT_LENGTH_MAX = 4 * PasswordRules.LENGTH_MAX;
    static final int ADDRESS_LENGTH_MAX = 64;
    /** How long a sign-in by an identity provider waits for the account's local one-time code. */
    static final java.time.Duration SECOND_FACTOR_WAIT = java.time.Duration.ofMinutes(5);
    /** Sign-ins waiting for a one-time code at once, at most; past it new ones are told to wait. */
    static final int SECOND_FACTOR_WAITING_MAX = 10_000;
    /** Wrong codes one waiting sign-in may take before it must start again at the provider. */
    static final int SECOND_FACTOR_ATTEMPTS_MAX = 3;

    /** A sign-in by an identity provider waiting for the local one-time code of {@code userName}. */
    private record WaitingSecondFactor(String userName, Instant expiresAt, int attemptsLeft) {}

    /**
     * Waiting sign-ins by the SHA-256 of their ticket. In memory, like the provider's own
     * sign-in state (OidcLogin): a ticket lives minutes, and a restart only sends the person
     * back to the provider. Behind a load balancer, like that state, the code must come back to
     * the server that issued the ticket (sticky sessions for {@code /login/oidc}).
     */
    private final java.util.concurrent.ConcurrentHashMap<String, WaitingSecondFactor> waitingSecondFactors =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final Database db;
    private final Journal journal;
    private final Parties parties;
    private final AccessSettings settings;
    private final AccessPolicy policy = AccessPolicy.standard();
    private final PasswordRules passwordRules = new PasswordRules(CommonPasswords.all());
    private final PasswordHasher hasher;
    private final SecurityLog securityLog;
    private final UsersTable users = new UsersTable();
    private final SessionsTable sessions = new SessionsTable();
    private final ApiTokensTable apiTokens = new ApiTokensTable();
    private final LoginFailuresTable failures = new LoginFailuresTable();
    private final ApprovalsTable approvals = new ApprovalsTable();

    public Access(Database db, Journal journal, Parties parties, AccessSettings settings) {
        this.db = db;
        this.journal = journal;
        this.parties = parties;
        this.settings = settings;
        this.hasher = new PasswordHasher(settings.hashing());
        this.securityLog = new SecurityLog(db);
    }

    public AccessPolicy policy() {
        return policy;
    }

    public SecurityLog securityLog() {
        return securityLog;
    }

    PasswordHasher hasher() {
        return hasher;
    }

    private Instant now() {
        return settings.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    // ---- accounts ------------------------------------------------------------------------

    /**
     * Adds an account to an existing organisation. The actor must be allowed
     * {@link Action#MANAGE_USERS} for that organisation. A role that needs a second factor gets a
     * fresh TOTP secret, returned once.
     *
     * @throws InvalidField naming the field at fault (shape, duplicate name, weak password)
     * @throws AccessDenied when the actor may not manage that organisation's users
     */
    public AddedUser addUser(AddUser c, Principal actor) {
        String name = userName(Checks.required("userName", c.userName()));
        Checks.required("organisation", c.organisation());
        requireWrite(actor, Marking.ownedBy(c.organisation()), Action.MANAGE_USERS, "add user " + name);
        checkPassword(c.password(), name);
        Set<Role> roles = Checks.required("roles", c.roles());
        boolean secondFactor = roles.stream().anyMatch(Role.SECOND_FACTOR_REQUIRED::contains);
        byte[] secret = secondFactor ? Secrets.randomBytes(Totp.SECRET_BYTES) : null;
        String hash = hasher.hash(c.password());
        Instant now = now();
        UserAccount account = db.write(actorOf(actor), tx -> {
            parties.organisationKey(tx, "organisation", c.organisation());
            if (users.byName(tx.handle(), name).isPresent()) {
                throw new InvalidField("userName", "is already taken");
            }
            User u = new User(0, name, c.personId() == null || c.personId().isBlank() ? name : c.personId().strip(),
                    c.organisation(), roles, hash, secret == null ? null : Base32.encode(secret), 0, false, 1, now, now);
            users.insert(tx.handle(), u);
            journal.record(tx, "UserAdded", u.userName(), new AccessEvents.UserAdded(u.userName(), u.personId(),
                    u.organisation(), u.roles().stream().map(Role::name).toList(), u.requiresSecondFactor()));
            return UserAccount.of(users.byName(tx.handle(), name).orElseThrow());
        });
        securityLog.record(event(Kind.USER_ADDED, actor, "-", "added " + name + " of " + c.organisation()
                + " with roles " + roles));
        return new AddedUser(account, secret == null ? null : Base32.encode(secret),
                secret == null ? null : Totp.provisioningUri(settings.totpIssuer(), name, secret));
    }

    /**
     * Seeds many accounts at once (the demo world, load tests): each distinct password is hashed
     * once, so accounts that share a password share its stored hash, and every account whose
     * roles need a second factor gets {@code sharedTotpSecret} (Base32). Both make the accounts
     * easy to use and therefore weak: this is for demo and test worlds only, never for people.
     */
    public List<UserAccount> seedUsers(List<AddUser> commands, String sharedTotpSecret, Principal actor) {
        byte[] secret = Base32.decode(Checks.required("sharedTotpSecret", sharedTotpSecret));
        if (secret.length < Totp.SECRET_BYTES) throw new InvalidField("sharedTotpSecret", "must hold 160 bits");
        java.util.Map<String, String> hashes = new java.util.HashMap<>();
        List<User> users = new java.util.ArrayList<>();
        Instant now = now();
        for (AddUser c : commands) {
            String name = userName(Checks.required("userName", c.userName()));
            requireWrite(actor, Marking.ownedBy(Checks.required("organisation", c.organisation())), Action.MANAGE_USERS,
                    "add user " + name);
            checkPassword(c.password(), name);
            String hash = hashes.computeIfAbsent(c.password(), hasher::hash);
            Set<Role> roles = Checks.required("roles", c.roles());
            boolean secondFactor = roles.stream().anyMatch(Role.SECOND_FACTOR_REQUIRED::contains);
            users.add(new User(0, name, c.personId() == null || c.personId().isBlank() ? name : c.personId().strip(),
                    c.organisation(), roles, hash, secondFactor ? Base32.encode(secret) : null, 0, false, 1, now, now));
        }
        List<UserAccount> added = db.write(actorOf(actor), tx -> {
            List<UserAccount> out = new java.util.ArrayList<>();
            for (User u : users) {
                parties.organisationKey(tx, "organisation", u.organisation());
                if (this.users.byName(tx.handle(), u.userName()).isPresent()) {
                    throw new InvalidField("userName", u.userName() + " is already taken");
                }
                this.users.insert(tx.handle(), u);
                journal.record(tx, "UserAdded", u.userName(), new AccessEvents.UserAdded(u.userName(), u.personId(),
                        u.organisation(), u.roles().stream().map(Role::name).toList(), u.requiresSecondFactor()));
                out.add(UserAccount.of(this.users.byName(tx.handle(), u.userName()).orElseThrow()));
            }
            return out;
        });
        securityLog.record(event(Kind.USER_ADDED, actor, "-", "seeded " + added.size() + " accounts"));
        return added;
    }

    /** The accounts of {@code organisation}, for one who may manage its users. */
    public List<UserAccount> users(String organisation, Principal actor) {
        Checks.required("organisation", organisation);
        requireWrite(actor, Marking.ownedBy(organisation), Action.MANAGE_USERS, "list users of " + organisation);
        return db.read(h -> users.byOrganisation(h, organisation)).stream().map(UserAccount::of).toList();
    }

    /** The account named {@code userName}, for one who may manage its organisation's users; else NotFound. */
    public UserAccount user(String userName, Principal actor) {
        UserAccount account = user(userName);
        if (!policy.canWrite(actor, Marking.ownedBy(account.organisation()), Action.MANAGE_USERS)) {
            throw new NotFound("user", userName);
        }
        return account;
    }

    public AccessSettings settings() {
        return settings;
    }

    /** The account named {@code userName}. */
    public UserAccount user(String userName) {
        return UserAccount.of(db.read(h -> users.byName(h, normalise(userName)))
                .orElseThrow(() -> new NotFound("user", userName)));
    }

    /** Disables an account; its sessions end at their next lookup (they are revoked now, too). */
    public UserAccount disableUser(String userName, Principal actor) {
        return changeUser(userName, actor, Kind.USER_DISABLED, (tx, u) -> {
            users.disable(tx.handle(), u, tx.now());
            journal.record(tx, "UserDisabled", u.userName(), new AccessEvents.UserDisabled(u.userName(), u.version() + 1));
        });
    }

    /** Sets a new password (checked like any new one) and ends every session of the account. */
    public UserAccount resetPassword(String userName, String newPassword, Principal actor) {
        String name = normalise(userName);
        checkPassword(newPassword, name);
        String hash = hasher.hash(newPassword);
        return changeUser(name, actor, Kind.PASSWORD_RESET, (tx, u) -> {
            users.setPassword(tx.handle(), u, hash, tx.now());
            journal.record(tx, "PasswordReset", u.userName(), new AccessEvents.PasswordReset(u.userName(), u.version() + 1));
        });
    }

    private UserAccount changeUser(String userName, Principal actor, Kind kind,
                                   java.util.function.BiConsumer<org.quartermaster.store.Tx, User> change) {
        String name = normalise(userName);
        User found = db.read(h -> users.byName(h, name)).orElseThrow(() -> new NotFound("user", userName));
        requireWrite(actor, Marking.ownedBy(found.organisation()), Action.MANAGE_USERS, kind + " " + name);
        UserAccount account = db.write(actorOf(actor), tx -> {
            User u = users.byName(tx.handle(), name).orElseThrow(() -> new NotFound("user", userName));
            change.accept(tx, u);
            sessions.revokeAllOf(tx.handle(), u.key(), now());
            return UserAccount.of(users.byName(tx.handle(), name).orElseThrow());
        });
        securityLog.record(event(kind, actor, "-", name));
        return account;
    }

    private void checkPassword(String password, String userName) {
        passwordRules.firstBroken(password, userName).ifPresent(rule -> {
            throw new InvalidField("password", rule.message());
        });
    }

    // ---- login and sessions --------------------------------------------------------------

    /**
     * Checks a login. Every failure (unknown user, wrong password, wrong or missing code, disabled
     * account) gets the same message and the same Argon2 work. On success the previous session
     * (if the client named one) is revoked and a new one begins: tokens rotate at login.
     */
    public LoginResult login(Login c) {
        Instant now = now();
        String address = address(c.address());
        String name = normalise(c.userName());
        if (name.length() > Limits.NAME_LENGTH_MAX) name = name.substring(0, Limits.NAME_LENGTH_MAX);
        Optional<Instant> blocked = blockedUntil(name, address, now);
        if (blocked.isPresent()) {
            securityLog.record(new SecurityEvent(now, Kind.LOGIN_THROTTLED, name, "-", address,
                    "until " + blocked.get()));
            return new LoginResult.Throttled(blocked.get());
        }
        String tried = name;
        Optional<User> user = wellFormedName(tried) ? db.read(h -> users.byName(h, tried)) : Optional.empty();
        String password = c.password() == null || c.password().length() > LOGIN_INPUT_LENGTH_MAX ? "" : c.password();
        boolean passwordOk = user.isPresent() ? hasher.verify(password, user.get().passwordHash())
                : hasher.verifyNobody(password);
        String failure = user.isEmpty() ? "unknown user" : !passwordOk ? "wrong password"
                : user.get().disabled() ? "disabled account" : null;
        OptionalLong step = OptionalLong.empty();
        if (failure == null && user.get().requiresSecondFactor()) {
            step = Totp.verify(Base32.decode(user.get().totpSecret()), c.oneTimeCode(), now, user.get().totpLastStep());
            if (step.isEmpty()) failure = "wrong or reused one-time code";
        }
        if (failure != null) return failed(name, user, address, now, failure);
        return loggedIn(user.get(), step, address, c.previousToken(), now);
    }

    /**
     * Signs in the local account {@code userName} whom an identity provider has authenticated
     * (OpenID Connect): no password, the provider vouches for the person. When the account's
     * roles need a second factor (APPROVER, FUND_OFFICER, ADMIN) and the provider did not prove
     * one ({@code secondFactorProven}, from the ID token's {@code amr}/{@code acr}), no session is
     * issued: the result is {@link LoginResult.SecondFactorNeeded}, completed by
     * {@link #completeSecondFactor} with the account's local one-time code. An unknown or disabled
     * account fails with the one message; throttling applies as to logins.
     */
    public LoginResult federatedLogin(String userName, boolean secondFactorProven, String address,
                                      String previousToken) {
        Instant now = now();
        String where = address(address);
        String name = normalise(userName);
        if (name.length() > Limits.NAME_LENGTH_MAX) name = name.substring(0, Limits.NAME_LENGTH_MAX);
        Optional<Instant> blocked = blockedUntil(name, where, now);
        if (blocked.isPresent()) return new LoginResult.Throttled(blocked.get());
        String tried = name;
        Optional<User> user = wellFormedName(tried) ? db.read(h -> users.byName(h, tried)) : Optional.empty();
        if (user.isEmpty()) return failed(name, user, where, now, "identity provider named an unknown user");
        if (user.get().disabled()) return failed(name, user, where, now, "disabled account (identity provider)");
        if (user.get().requiresSecondFactor() && !secondFactorProven) return awaitSecondFactor(user.get(), where, now);
        return loggedIn(user.get(), OptionalLong.empty(), where, previousToken, now);
    }

    private LoginResult awaitSecondFactor(User u, String address, Instant now) {
        waitingSecondFactors.values().removeIf(w -> !now.isBefore(w.expiresAt()));
        if (waitingSecondFactors.size() >= SECOND_FACTOR_WAITING_MAX) {
            return new LoginResult.Throttled(now.plus(SECOND_FACTOR_WAIT));
        }
        String ticket = Secrets.sessionToken();
        Instant expiresAt = now.plus(SECOND_FACTOR_WAIT);
        waitingSecondFactors.put(Secrets.sha256Hex(ticket), new WaitingSecondFactor(u.userName(), expiresAt,
                SECOND_FACTOR_ATTEMPTS_MAX));
        securityLog.record(new SecurityEvent(now, Kind.SECOND_FACTOR_REQUIRED, u.userName(), u.organisation(), address,
                "identity provider proved no second factor; waiting for the one-time code"));
        return new LoginResult.SecondFactorNeeded(ticket, expiresAt);
    }

    /**
     * Completes a sign-in that {@link #federatedLogin} left waiting ({@code ticket}) with the
     * account's one-time code. A wrong code counts as a failed login (throttling applies) and
     * uses one of the ticket's attempts; an unknown, expired or exhausted ticket fails with the
     * one message. The ticket is spent by a success.
     */
    public LoginResult completeSecondFactor(String ticket, String oneTimeCode, String address, String previousToken) {
        Instant now = now();
        String where = address(address);
        if (ticket == null || !Secrets.SESSION_TOKEN.matcher(ticket).matches()) {
            return failed("-", Optional.empty(), where, now, "no waiting sign-in for this ticket");
        }
        String key = Secrets.sha256Hex(ticket);
        WaitingSecondFactor waiting = waitingSecondFactors.get(key);
        if (waiting == null || !now.isBefore(waiting.expiresAt())) {
            waitingSecondFactors.remove(key);
            return failed("-", Optional.empty(), where, now, "no waiting sign-in for this ticket (unknown or expired)");
        }
        String name = waiting.userName();
        Optional<Instant> blocked = blockedUntil(name, where, now);
        if (blocked.isPresent()) return new LoginResult.Throttled(blocked.get());
        Optional<User> user = db.read(h -> users.byName(h, name));
        if (user.isEmpty() || user.get().disabled() || user.get().totpSecret() == null) {
            waitingSecondFactors.remove(key);
            return failed(name, user, where, now, "account gone, disabled or without a second factor");
        }
        OptionalLong step = Totp.verify(Base32.decode(user.get().totpSecret()), oneTimeCode, now,
                user.get().totpLastStep());
        if (step.isEmpty()) {
            // one attempt fewer; the last one removes the ticket (compare-and-set: concurrent tries count too)
            waitingSecondFactors.computeIfPresent(key, (k, w) -> w.attemptsLeft() <= 1 ? null
                    : new WaitingSecondFactor(w.userName(), w.expiresAt(), w.attemptsLeft() - 1));
            return failed(name, user, where, now, "wrong or reused one-time code (after the identity provider)");
        }
        if (waitingSecondFactors.remove(key) == null) {
            return failed(name, user, where, now, "the waiting sign-in was completed or exhausted meanwhile");
        }
        return loggedIn(user.get(), step, where, previousToken, now);
    }

    private LoginResult failed(String name, Optional<User> user, String address, Instant now, String reason) {
        SecurityEvent logged = db.write(Actor.SYSTEM, tx -> {
            failures.insert(tx.handle(), ThrottleLimit.Subject.ACCOUNT, name, now);
            failures.insert(tx.handle(), ThrottleLimit.Subject.ADDRESS, address, now);
            failures.prune(tx.handle(), now.minus(longestWindow()));
            return securityLog.insert(tx.handle(), new SecurityEvent(now, Kind.LOGIN_FAILED, name,
                    user.map(User::organisation).orElse("-"), address, reason));
        });
        securityLog.emit(logged);
        return new LoginResult.Failed(LoginResult.FAILED_MESSAGE);
    }

    private LoginResult loggedIn(User u, OptionalLong step, String address, String previousToken, Instant now) {
        String token = Secrets.sessionToken();
        Principal principal = principalOf(u);
        Optional<SecurityEvent> logged = db.write(new Actor(u.userName(), u.organisation()), tx -> {
            if (step.isPresent() && !users.useTotpStep(tx.handle(), u.key(), step.getAsLong())) {
                return Optional.<SecurityEvent>empty();
            }
            if (previousToken != null && Secrets.SESSION_TOKEN.matcher(previousToken).matches()) {
                sessions.revoke(tx.handle(), Secrets.sha256Hex(previousToken), now);
            }
            sessions.insert(tx.handle(), Secrets.sha256Hex(token), u.key(), now);
            failures.clear(tx.handle(), ThrottleLimit.Subject.ACCOUNT, u.userName());
            return Optional.of(securityLog.insert(tx.handle(), new SecurityEvent(now, Kind.LOGIN_SUCCEEDED,
                    u.userName(), u.organisation(), address, "session started")));
        });
        if (logged.isEmpty()) return failed(u.userName(), Optional.of(u), address, now, "one-time code raced");
        securityLog.emit(logged.get());
        Session session = new Session(principal, u.personId(), now, now, now.plus(settings.sessionIdle()),
                now.plus(settings.sessionAbsolute()));
        return new LoginResult.LoggedIn(session, token, Secrets.csrfToken(token));
    }

    private Optional<Instant> blockedUntil(String name, String address, Instant now) {
        Instant latest = null;
        for (ThrottleLimit limit : settings.throttles()) {
            String subject = limit.subject() == ThrottleLimit.Subject.ACCOUNT ? name : address;
            List<Instant> recent = db.read(h -> failures.since(h, limit.subject(), subject, now.minus(limit.window())));
            Optional<Instant> until = limit.blockedUntil(recent, now);
            if (until.isPresent() && (latest == null || until.get().isAfter(latest))) latest = until.get();
        }
        return Optional.ofNullable(latest);
    }

    private java.time.Duration longestWindow() {
        return settings.throttles().stream().map(ThrottleLimit::window).max(java.time.Duration::compareTo)
                .orElse(java.time.Duration.ZERO);
    }

    /**
     * The live session of {@code token}, or empty when the token is malformed, unknown, revoked,
     * idle too long, too old, or its account is disabled. A live session's idle clock restarts.
     */
    public Optional<Session> session(String token) {
        if (token == null || !Secrets.SESSION_TOKEN.matcher(token).matches()) return Optional.empty();
        String hash = Secrets.sha256Hex(token);
        Instant now = now();
        // The session and its user in one read (one connection, one snapshot): this runs on every request.
        record Found(SessionsTable.SessionRow session, Optional<User> user) {}
        Optional<Found> found = db.read(h -> sessions.byHash(h, hash)
                .filter(r -> r.revokedAt() == null)
                .map(r -> new Found(r, users.byKey(h, r.userKey()))));
        if (found.isEmpty()) return Optional.empty();
        SessionsTable.SessionRow s = found.get().session();
        Instant absoluteEnd = s.createdAt().plus(settings.sessionAbsolute());
        if (!now.isBefore(absoluteEnd) || !now.isBefore(s.lastSeenAt().plus(settings.sessionIdle()))) {
            return Optional.empty();
        }
        Optional<User> user = found.get().user();
        if (user.isEmpty() || user.get().disabled()) return Optional.empty();
        Instant seen = s.lastSeenAt();
        if (!now.isBefore(seen.plus(TOUCH_INTERVAL))) {
            db.write(Actor.SYSTEM, tx -> {
                sessions.touch(tx.handle(), hash, now);
                return null;
            });
            seen = now;
        }
        Instant idleEnd = seen.plus(settings.sessionIdle());
        return Optional.of(new Session(principalOf(user.get()), user.get().personId(), s.createdAt(), seen,
                idleEnd.isBefore(absoluteEnd) ? idleEnd : absoluteEnd, absoluteEnd));
    }

    /** Ends the session of {@code token} now; an unknown or malformed token is ignored. */
    public void logout(String token, String address) {
        if (token == null || !Secrets.SESSION_TOKEN.matcher(token).matches()) return;
        Optional<Session> live = session(token);
        Instant now = now();
        int revoked = db.write(Actor.SYSTEM, tx -> sessions.revoke(tx.handle(), Secrets.sha256Hex(token), now));
        if (revoked > 0 && live.isPresent()) {
            securityLog.record(event(Kind.LOGGED_OUT, live.get().principal(), address(address), "session ended"));
        }
    }

    /** The CSRF token that forms of the session {@code sessionToken} must carry. */
    public String csrfToken(String sessionToken) {
        if (sessionToken == null) throw new IllegalArgumentException("a session token is required");
        return Secrets.csrfToken(sessionToken);
    }

    /** True when {@code presented} is the CSRF token of the session {@code sessionToken}; never throws. */
    public boolean checkCsrf(String sessionToken, String presented) {
        if (sessionToken == null || presented == null || presented.length() > 100) return false;
        return Secrets.constantTimeEquals(Secrets.csrfToken(sessionToken), presented);
    }

    /**
     * Who presents these headers (Authorization and Cookie, raw, either may be null). Never
     * throws on what a client sent: anything but valid, live credentials is {@link Authentication.Rejected}.
     */
    public Authentication authenticate(String authorization, String cookies) {
        return authenticate(authorization, cookies, false);
    }

    /** As {@link #authenticate(String, String)}; {@code plainHttp} also reads the plain-HTTP session cookie. */
    public Authentication authenticate(String authorization, String cookies, boolean plainHttp) {
        return switch (org.quartermaster.access.Credentials.read(authorization, cookies, plainHttp)) {
            case org.quartermaster.access.Credentials.Presented.None none -> new Authentication.Anonymous();
            case org.quartermaster.access.Credentials.Presented.Malformed m -> new Authentication.Rejected(m.reason());
            case org.quartermaster.access.Credentials.Presented.SessionToken s -> session(s.token())
                    .<Authentication>map(live -> new Authentication.Authenticated(live.principal(), live))
                    .orElseGet(() -> new Authentication.Rejected("no live session for this cookie"));
            case org.quartermaster.access.Credentials.Presented.ApiToken t -> authenticateToken(t.token())
                    .<Authentication>map(p -> new Authentication.Authenticated(p, null))
                    .orElseGet(() -> new Authentication.Rejected("no live API token for this bearer"));
        };
    }

    // ---- API tokens -----------------------------------------------------------------------

    /**
     * Issues a token for a machine client. Its roles may not include one that needs a second
     * factor for people: a token cannot approve, move money or manage users.
     */
    public IssuedApiToken issueApiToken(IssueApiToken c, Principal actor) {
        String name = Checks.text("name", c.name(), Limits.NAME_LENGTH_MAX);
        Checks.required("organisation", c.organisation());
        Set<Role> roles = Checks.required("roles", c.roles());
        if (roles.isEmpty()) throw new InvalidField("roles", "must name at least one role");
        for (Role r : roles) {
            if (Role.SECOND_FACTOR_REQUIRED.contains(r)) {
                throw new InvalidField("roles", "must not include " + r + ": it needs a person's second factor");
            }
        }
        Instant now = now();
        if (c.expiresAt() != null && !c.expiresAt().isAfter(now)) throw new InvalidField("expiresAt", "must be in the future");
        requireWrite(actor, Marking.ownedBy(c.organisation()), Action.ISSUE_API_TOKEN, "issue token " + name);
        String token = Secrets.apiToken();
        long id = db.write(actorOf(actor), tx -> {
            parties.organisationKey(tx, "organisation", c.organisation());
            long key = apiTokens.insert(tx.handle(), name, Secrets.sha256Hex(token), c.organisation(),
                    Role.toList(roles), actor.user(), now, c.expiresAt());
            journal.record(tx, "ApiTokenIssued", "token-" + key, new AccessEvents.ApiTokenIssued(key, name,
                    c.organisation(), roles.stream().map(Role::name).sorted().toList(), c.expiresAt()));
            return key;
        });
        securityLog.record(event(Kind.API_TOKEN_ISSUED, actor, "-", "token " + id + " " + name));
        return new IssuedApiToken(id, token);
    }

    /** Revokes a token of an organisation the actor manages; revoking twice is harmless. */
    public void revokeApiToken(long id, Principal actor) {
        ApiTokensTable.TokenRow row = db.read(h -> apiTokens.byId(h, id)).orElseThrow(() -> new NotFound("API token", id));
        requireWrite(actor, Marking.ownedBy(row.organisation()), Action.ISSUE_API_TOKEN, "revoke token " + id);
        Instant now = now();
        db.write(actorOf(actor), tx -> {
            if (apiTokens.revoke(tx.handle(), id, now) > 0) {
                journal.record(tx, "ApiTokenRevoked", "token-" + id, new AccessEvents.ApiTokenRevoked(id));
            }
            return null;
        });
        securityLog.record(event(Kind.API_TOKEN_REVOKED, actor, "-", "token " + id));
    }

    /** The principal of a machine client's token, or empty when malformed, unknown, revoked or expired. */
    public Optional<Principal> authenticateToken(String token) {
        if (token == null || !Secrets.API_TOKEN.matcher(token).matches()) return Optional.empty();
        Optional<ApiTokensTable.TokenRow> row = db.read(h -> apiTokens.byHash(h, Secrets.sha256Hex(token)));
        Instant now = now();
        if (row.isEmpty() || row.get().revokedAt() != null) return Optional.empty();
        if (row.get().expiresAt() != null && !now.isBefore(row.get().expiresAt())) return Optional.empty();
        ApiTokensTable.TokenRow t = row.get();
        return Optional.of(new Principal("token-" + t.id(), t.organisation(), groupsOf(t.organisation()),
                Role.parseList("roles", t.roles())));
    }

    // ---- four eyes --------------------------------------------------------------------------

    /** Opens an approval step in the requester's organisation; only a person's account may. */
    public Approval requestApproval(RequestApproval c, Principal requester) {
        String type = Checks.text("subjectType", c.subjectType(), Limits.NAME_LENGTH_MAX);
        String subject = Checks.text("subjectId", c.subjectId(), Limits.NAME_LENGTH_MAX);
        String summary = Checks.text("summary", c.summary(), Limits.TEXT_LENGTH_MAX);
        User u = accountOf(requester).orElseThrow(() -> deny(requester, "request approval", "no person's account"));
        Instant now = now();
        Approval approval = db.write(actorOf(requester), tx -> {
            long key = approvals.insert(tx.handle(), type, subject, summary, u.organisation(), u.userName(),
                    u.personId(), now);
            Approval a = view(approvals.byKey(tx.handle(), key).orElseThrow());
            journal.record(tx, "ApprovalRequested", a.id(), new AccessEvents.ApprovalRequested(a.id(), type, subject,
                    summary, u.userName()));
            return a;
        });
        securityLog.record(event(Kind.APPROVAL_REQUESTED, requester, "-", approval.id() + " " + type + " " + subject));
        return approval;
    }

    /** Grants approval {@code id}; see {@link #decide}. */
    public Approval grant(String id, Principal approver) {
        return decide(id, approver, Approval.Status.GRANTED);
    }

    /** Rejects approval {@code id}; see {@link #decide}. */
    public Approval reject(String id, Principal approver) {
        return decide(id, approver, Approval.Status.REJECTED);
    }

    /**
     * Completes a pending approval. The decider must be an APPROVER of the approval's
     * organisation and a different person from the requester (not merely another account).
     *
     * @throws AccessDenied when the policy refuses the decider
     * @throws Refused {@code four-eyes} when the decider is the requesting person, {@code illegal-transition}
     *     when already decided
     */
    public Approval decide(String id, Principal approver, Approval.Status decision) {
        if (decision != Approval.Status.GRANTED && decision != Approval.Status.REJECTED) {
            throw new InvalidField("decision", "must be GRANTED or REJECTED");
        }
        long key = PublicIds.parse(Approval.ID_PREFIX, id, "approval");
        ApprovalsTable.ApprovalRow row = db.read(h -> approvals.byKey(h, key)).orElseThrow(() -> new NotFound("approval", id));
        requireWrite(approver, Marking.ownedBy(row.organisation()), Action.APPROVE, "decide " + id);
        User u = accountOf(approver).orElseThrow(() -> deny(approver, "decide " + id, "no person's account"));
        if (u.disabled()) throw deny(approver, "decide " + id, "disabled account");
        if (!"PENDING".equals(row.status())) {
            throw new Refused("illegal-transition", null, "approval " + id + " is already " + row.status());
        }
        if (FourEyes.decide(row.requestedBy(), row.requestedByPerson(), u.userName(), u.personId())
                instanceof FourEyes.Outcome.Refused refused) {
            securityLog.record(event(Kind.APPROVAL_REFUSED, approver, "-", id + ": " + refused.reason()));
            throw new Refused("four-eyes", null, refused.reason());
        }
        Instant now = now();
        Approval decided = db.write(actorOf(approver), tx -> {
            approvals.decide(tx.handle(), row, decision.name(), u.userName(), u.personId(), now);
            Approval a = view(approvals.byKey(tx.handle(), key).orElseThrow());
            journal.record(tx, "ApprovalDecided", a.id(), new AccessEvents.ApprovalDecided(a.id(), decision.name(),
                    u.userName(), a.version()));
            return a;
        });
        securityLog.record(event(decision == Approval.Status.GRANTED ? Kind.APPROVAL_GRANTED : Kind.APPROVAL_REJECTED,
                approver, "-", id));
        return decided;
    }

    /**
     * Spends approval {@code id} on the change it was asked for, in {@code tx} (the change's own
     * transaction; see {@link FourEyesCheck}). It must be a GRANTED approval of exactly this step
     * ({@code subjectType}, {@code subjectId}, {@code summary}) in {@code actor}'s organisation;
     * it becomes USED, journalled in {@code tx}, and the change commits with it or not at all.
     *
     * @throws Refused {@code four-eyes} when none is named, it is for another step or organisation,
     *     or not GRANTED; {@code approval-used} when it was used already, also by a concurrent change
     * @throws NotFound when no approval has this id
     */
    public void useApproval(org.quartermaster.store.Tx tx, String id, String subjectType, String subjectId,
                            String summary, Actor actor) {
        if (id == null || id.isBlank()) {
            throw new Refused("four-eyes", "approval", "this step needs a second person's approval: request one for "
                    + subjectType + " " + subjectId + " with the summary '" + summary + "'");
        }
        long key = PublicIds.parse(Approval.ID_PREFIX, id, "approval");
        ApprovalsTable.ApprovalRow row = approvals.byKey(tx.handle(), key).orElseThrow(() -> new NotFound("approval", id));
        boolean matches = row.subjectType().equals(subjectType) && row.subjectId().equals(subjectId)
                && row.summary().equals(summary) && actor != null && row.organisation().equals(actor.organisation());
        if (!matches) throw new Refused("four-eyes", "approval", "approval " + id + " is for another step");
        if (Approval.Status.USED.name().equals(row.status())) throw used(row, id);
        if (!Approval.Status.GRANTED.name().equals(row.status())) {
            throw new Refused("four-eyes", "approval", "approval " + id + " is " + row.status() + ", not GRANTED");
        }
        if (!approvals.use(tx.handle(), key, actor.user(), tx.now())) {
            // another change spent it between the read above and this update (PostgreSQL re-checked the row)
            throw used(approvals.byKey(tx.handle(), key).orElseThrow(), id);
        }
        journal.record(tx, actor, "ApprovalUsed", id, new AccessEvents.ApprovalUsed(id, subjectType,
                subjectId, actor.user(), row.version() + 1));
    }

    private static Refused used(ApprovalsTable.ApprovalRow row, String id) {
        return new Refused("approval-used", "approval", "approval " + id + " was used already"
                + (row.usedBy() == null ? "" : " by " + row.usedBy() + " at " + row.usedAt())
                + ": an approval authorises one change; request a new one");
    }

    public Approval approval(String id) {
        long key = PublicIds.parse(Approval.ID_PREFIX, id, "approval");
        return view(db.read(h -> approvals.byKey(h, key)).orElseThrow(() -> new NotFound("approval", id)));
    }

    // ---- decisions and denials ----------------------------------------------------------------

    /**
     * Asks the policy whether {@code principal} may perform {@code action} on a record marked
     * {@code marking}; a refusal is written to the security log and thrown.
     *
     * @throws AccessDenied when the policy refuses
     */
    public void requireWrite(Principal principal, Marking marking, Action action, String what) {
        if (!policy.canWrite(principal, marking, action)) {
            throw deny(principal, what, "no rule allows " + action + " on a record of " + marking.owner());
        }
    }

    /** Writes a denial to the security log (e.g. a route refused by its policy) and returns the exception to throw. */
    public AccessDenied deny(Principal principal, String what, String why) {
        Principal p = principal == null ? Principal.ANONYMOUS : principal;
        securityLog.record(event(Kind.ACCESS_DENIED, p, "-", what + ": " + why));
        return new AccessDenied("not allowed: " + what, p.roles().isEmpty());
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Principal principalOf(User u) {
        return u.principal(groupsOf(u.organisation()));
    }

    private Set<String> groupsOf(String organisation) {
        return parties.groupsOf(organisation);
    }

    /** The person who holds the account {@code userName} (for other contexts' four-eyes steps); empty when none. */
    public Optional<String> personOf(String userName) {
        if (!wellFormedName(userName)) return Optional.empty();
        return db.read(h -> users.byName(h, userName)).map(User::personId);
    }

    private Optional<User> accountOf(Principal p) {
        if (p == null || !wellFormedName(p.user())) return Optional.empty();
        return db.read(h -> users.byName(h, p.user())).filter(u -> u.organisation().equals(p.organisation()));
    }

    private static Approval view(ApprovalsTable.ApprovalRow r) {
        return new Approval(PublicIds.format(Approval.ID_PREFIX, r.key()), r.subjectType(), r.subjectId(), r.summary(),
                r.organisation(), r.requestedBy(), r.requestedAt(), Approval.Status.valueOf(r.status()),
                r.decidedBy(), r.decidedAt(), r.usedBy(), r.usedAt(), r.version());
    }

    private SecurityEvent event(Kind kind, Principal actor, String address, String detail) {
        return new SecurityEvent(now(), kind, actor.user(), actor.organisation(), address, detail);
    }

    private static Actor actorOf(Principal p) {
        return new Actor(p.user(), p.organisation());
    }

    private static String userName(String raw) {
        return Checks.matches("userName", normalise(raw), User.USER_NAME, User.USER_NAME_SHAPE);
    }

    private static String normalise(String userName) {
        return userName == null ? "" : userName.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean wellFormedName(String name) {
        return name != null && User.USER_NAME.matcher(name).matches();
    }

    private static String address(String raw) {
        if (raw == null || raw.isBlank()) return "unknown";
        String a = raw.strip();
        return a.length() > ADDRESS_LENGTH_MAX ? a.substring(0, ADDRESS_LENGTH_MAX) : a;
    }

}
