package org.quartermaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quartermaster.access.Access;
import org.quartermaster.access.AccessSettings;
import org.quartermaster.access.Login;
import org.quartermaster.access.LoginResult;
import org.quartermaster.audit.Journal;
import org.quartermaster.parties.Parties;
import org.quartermaster.parties.RegisterOrganisation;
import org.quartermaster.parties.model.OrganisationKind;
import org.quartermaster.shared.Actor;
import org.quartermaster.store.Database;
import picocli.CommandLine;

class UserCommandTest {
    record Run(int exit, String out, String err) {}

    private static Run qm(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = cli.execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(original);
        }
    }

    private static LoginResult login(Path dir, String user, String password) {
        try (Database db = Database.embedded(dir)) {
            Journal journal = new Journal(db);
            Access access = new Access(db, journal, new Parties(db, journal), AccessSettings.production());
            return access.login(new Login(user, password, null, "127.0.0.1", null));
        }
    }

    @Test
    void addsDisablesAndResetsAccountsFromTheShell() throws Exception {
        Path dir = Files.createTempDirectory("qm-cli-");
        try (Database db = Database.embedded(dir)) {
            Journal journal = new Journal(db);
            new Parties(db, journal).register(new RegisterOrganisation("UKR-MOD", "MoD of Ukraine",
                    OrganisationKind.RECIPIENT, "UKR", Set.of("UDCG"), null), Actor.SYSTEM);
        }
        String data = dir.toString();
        Run added = qm("user", "add", "olena", "--org", "UKR-MOD", "--roles", "REQUESTER,VIEWER", "--data", data);
        assertThat(added.exit()).as(added.err()).isZero();
        Matcher m = Pattern.compile("password: (\\S+)").matcher(added.out());
        assertThat(m.find()).as(added.out()).isTrue();
        String password = m.group(1);
        assertThat(login(dir, "olena", password)).isInstanceOf(LoginResult.LoggedIn.class);

        Run reset = qm("user", "reset", "olena", "--data", data);
        assertThat(reset.exit()).as(reset.err()).isZero();
        Matcher m2 = Pattern.compile("password: (\\S+)").matcher(reset.out());
        assertThat(m2.find()).isTrue();
        assertThat(login(dir, "olena", password)).isInstanceOf(LoginResult.Failed.class);
        assertThat(login(dir, "olena", m2.group(1))).isInstanceOf(LoginResult.LoggedIn.class);

        assertThat(qm("user", "disable", "olena", "--data", data).exit()).isZero();
        assertThat(login(dir, "olena", m2.group(1))).isInstanceOf(LoginResult.Failed.class);

        Run approver = qm("user", "add", "taras", "--org", "UKR-MOD", "--roles", "APPROVER", "--data", data);
        assertThat(approver.out()).contains("second factor secret: ", "otpauth://totp/");
    }

    @Test
    void badInputIsOneLineOnStandardErrorAndExitCodeTwo() throws Exception {
        String data = Files.createTempDirectory("qm-cli-").toString();
        Run unknownOrg = qm("user", "add", "olena", "--org", "NOPE", "--roles", "VIEWER", "--data", data);
        assertThat(unknownOrg.exit()).isEqualTo(2);
        assertThat(unknownOrg.err()).startsWith("qm: organisation").doesNotContain("\tat ");
        Run unknownUser = qm("user", "disable", "ghost", "--data", data);
        assertThat(unknownUser.exit()).isEqualTo(2);
        assertThat(unknownUser.err()).contains("user ghost does not exist");
        assertThat(qm("user", "add", "olena", "--org", "UKR-MOD", "--roles", "KING", "--data", data).exit())
                .isEqualTo(2);
    }
}
