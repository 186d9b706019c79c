package org.quartermaster.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.Callable;
import org.quartermaster.access.Access;
import org.quartermaster.access.AccessSettings;
import org.quartermaster.access.AddUser;
import org.quartermaster.access.AddedUser;
import org.quartermaster.access.UserAccount;
import org.quartermaster.access.model.Principal;
import org.quartermaster.access.model.Role;
import org.quartermaster.access.model.WriteRule;
import org.quartermaster.audit.Journal;
import org.quartermaster.parties.Parties;
import org.quartermaster.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code qm user add|disable|reset}: account administration from the operator's shell. The
 * operator acts as a platform admin (organisation {@value WriteRule#PLATFORM_ORGANISATION}), so
 * every change is journalled and security-logged under that name.
 */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Add, disable or reset user accounts.",
        subcommands = {UserCommand.Add.class, UserCommand.Disable.class, UserCommand.Reset.class})
final class UserCommand implements Runnable {
    static final Principal OPERATOR =
            new Principal("qm-operator", WriteRule.PLATFORM_ORGANISATION, Set.of(), Set.of(Role.ADMIN));
    /** Generated passwords: 18 random bytes, 24 base64url characters. */
    static final int GENERATED_PASSWORD_BYTES = 18;

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** Opens the store and the access facade, runs {@code work}, closes the store. */
    static <T> T withAccess(StoreOptions store, java.util.function.Function<Access, T> work) {
        try (Database db = store.open(Path.of("qm-data"))) {
            Journal journal = new Journal(db);
            Access access = new Access(db, journal, new Parties(db, journal), AccessSettings.production());
            return work.apply(access);
        }
    }

    /**
     * A fresh installation has no organisations: the first account, a platform admin, is added
     * with {@code --org QM}, which registers the platform's own organisation when it is missing.
     */
    static void bootstrapPlatform(StoreOptions store) {
        try (Database db = store.open(Path.of("qm-data"))) {
            Parties parties = new Parties(db, new Journal(db));
            if (parties.allOrganisations().stream().noneMatch(o -> o.code().equals(WriteRule.PLATFORM_ORGANISATION))) {
                parties.register(new org.quartermaster.parties.RegisterOrganisation(WriteRule.PLATFORM_ORGANISATION,
                        "Quartermaster platform", org.quartermaster.parties.model.OrganisationKind.COORDINATION_BODY,
                        "BEL", Set.of(), null), org.quartermaster.shared.Actor.SYSTEM);
                System.out.println("registered the platform organisation " + WriteRule.PLATFORM_ORGANISATION);
            }
        }
    }

    /** The password from standard input (one line), or a generated one when {@code fromStdin} is false. */
    static String password(boolean fromStdin) {
        if (!fromStdin) {
            byte[] bytes = new byte[GENERATED_PASSWORD_BYTES];
            new SecureRandom().nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) throw new IllegalArgumentException("--password-stdin: standard input was empty");
            return line;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("--password-stdin: " + e.getMessage(), e);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an account to an organisation.")
    static final class Add implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "USER", description = "user name (lower case)")
        String userName;

        @Option(names = "--org", required = true, description = "organisation code, e.g. UKR-MOD")
        String organisation;

        @Option(names = "--roles", required = true, split = ",", description = "roles, e.g. VIEWER,REQUESTER")
        Set<Role> roles;

        @Option(names = "--person", description = "the person holding the account (shared by their accounts)")
        String person;

        @Option(names = "--password-stdin", description = "read the password from standard input (else generate one)")
        boolean passwordStdin;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            String password = password(passwordStdin);
            if (WriteRule.PLATFORM_ORGANISATION.equals(organisation)) bootstrapPlatform(store);
            AddedUser added = withAccess(store, a -> a.addUser(
                    new AddUser(userName, organisation, roles, person, password), OPERATOR));
            UserAccount u = added.account();
            System.out.println("added " + u.userName() + " of " + u.organisation() + " with roles " + u.roles());
            if (!passwordStdin) System.out.println("password: " + password);
            if (added.totpSecret() != null) {
                System.out.println("second factor secret: " + added.totpSecret());
                System.out.println("enrol: " + added.totpUri());
            }
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable an account and end its sessions.")
    static final class Disable implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "USER")
        String userName;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            UserAccount u = withAccess(store, a -> a.disableUser(userName, OPERATOR));
            System.out.println("disabled " + u.userName());
            return 0;
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true, description = "Set a new password and end all sessions.")
    static final class Reset implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "USER")
        String userName;

        @Option(names = "--password-stdin", description = "read the password from standard input (else generate one)")
        boolean passwordStdin;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            String password = password(passwordStdin);
            UserAccount u = withAccess(store, a -> a.resetPassword(userName, password, OPERATOR));
            System.out.println("reset the password of " + u.userName());
            if (!passwordStdin) System.out.println("password: " + password);
            return 0;
        }
    }
}
