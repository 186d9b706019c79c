package org.quartermaster.access;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.quartermaster.access.model.Principal;
import org.quartermaster.access.model.Role;
import org.quartermaster.access.model.Totp;
import org.quartermaster.access.model.Base32;
import org.quartermaster.access.model.WriteRule;
import org.quartermaster.audit.Journal;
import org.quartermaster.parties.Parties;
import org.quartermaster.parties.RegisterOrganisation;
import org.quartermaster.parties.model.OrganisationKind;
import org.quartermaster.shared.Actor;
import org.quartermaster.store.Database;

/** A database with three organisations and an {@link Access} on a hand-moved clock and cheap Argon2. */
final class AccessFixture implements AutoCloseable {
    static final String PASSWORD = "correct horse battery";
    static final Principal OPERATOR =
            new Principal("operator", WriteRule.PLATFORM_ORGANISATION, Set.of(), Set.of(Role.ADMIN));

    final Database db;
    final Journal journal;
    final Parties parties;
    final TestClock clock = new TestClock(Instant.parse("2026-11-29T08:00:00Z"));
    final Access access;

    AccessFixture(Database db) {
        this(db, AccessSettings.PasswordHashing.FAST_FOR_TESTS);
    }

    AccessFixture(Database db, AccessSettings.PasswordHashing hashing) {
        this.db = db;
        this.journal = new Journal(db);
        this.parties = new Parties(db, journal);
        parties.register(new RegisterOrganisation("UKR-MOD", "Ministry of Defence of Ukraine",
                OrganisationKind.RECIPIENT, "UKR", Set.of("UDCG"), null), Actor.SYSTEM);
        parties.register(new RegisterOrganisation("POL-MOD", "Ministry of National Defence of Poland",
                OrganisationKind.DONOR_STATE, "POL", Set.of("NATO", "EU", "UDCG"), null), Actor.SYSTEM);
        parties.register(new RegisterOrganisation("SUP-1", "A supplier", OrganisationKind.SUPPLIER, "DEU", Set.of(),
                null), Actor.SYSTEM);
        this.access = new Access(db, journal, parties,
                AccessSettings.production().withHashing(hashing).withClock(clock));
    }

    /** Adds {@code name} of {@code org} with {@code roles} (own person) and returns the TOTP secret, if any. */
    AddedUser add(String name, String org, Role... roles) {
        return addPerson(name, org, null, roles);
    }

    AddedUser addPerson(String name, String org, String person, Role... roles) {
        return access.addUser(new AddUser(name, org, EnumSet.copyOf(Set.of(roles)), person, PASSWORD), OPERATOR);
    }

    String codeNow(AddedUser u) {
        return Totp.code(Base32.decode(u.totpSecret()), clock.instant());
    }

    LoginResult.LoggedIn login(AddedUser u) {
        String code = u.totpSecret() == null ? null : codeNow(u);
        LoginResult r = access.login(new Login(u.account().userName(), PASSWORD, code, "10.0.0.1", null));
        if (r instanceof LoginResult.LoggedIn in) return in;
        throw new AssertionError("login of " + u.account().userName() + " failed: " + r);
    }

    @Override
    public void close() {
        db.close();
    }
}
