package org.quartermaster.demo;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.quartermaster.access.Access;
import org.quartermaster.access.AddUser;
import org.quartermaster.access.model.Principal;
import org.quartermaster.access.model.Role;
import org.quartermaster.access.model.WriteRule;
import org.quartermaster.parties.Parties;
import org.quartermaster.parties.RegisterOrganisation;
import org.quartermaster.parties.model.Organisation;
import org.quartermaster.parties.model.OrganisationKind;
import org.quartermaster.shared.Actor;

/**
 * The demo world's logins: for every organisation (and the platform's own, {@code QM}) one
 * account per role, named {@code <organisation>-<role>} in lower case, all with
 * {@link #PASSWORD}; accounts whose role needs a second factor share {@link #TOTP_SECRET}. Known
 * credentials make a demo usable and nothing else safe: only {@code qm demo} creates them.
 */
public final class DemoLogins {
    public static final String PASSWORD = "quartermaster-demo";
    /** 160 bits, Base32: add it to an authenticator app, or {@code oathtool --totp -b <secret>}. */
    public static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private static final Principal OPERATOR =
            new Principal("qm-demo", WriteRule.PLATFORM_ORGANISATION, Set.of(), Set.of(Role.ADMIN));

    private DemoLogins() {}

    /** The account name of {@code role} in {@code organisation}. */
    public static String userName(String organisation, Role role) {
        return (organisation + "-" + role.name()).toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Registers the platform organisation if missing and adds every organisation's role accounts; returns how many. */
    public static int create(Parties parties, Access access) {
        if (parties.allOrganisations().stream().noneMatch(o -> o.code().equals(WriteRule.PLATFORM_ORGANISATION))) {
            parties.register(new RegisterOrganisation(WriteRule.PLATFORM_ORGANISATION, "Quartermaster platform",
                    OrganisationKind.COORDINATION_BODY, "BEL", Set.of(), null), Actor.SYSTEM);
        }
        List<AddUser> users = new ArrayList<>();
        for (Organisation o : parties.allOrganisations()) {
            for (Role role : Role.values()) {
                users.add(new AddUser(userName(o.code(), role), o.code(), EnumSet.of(role), null, PASSWORD));
            }
        }
        return access.seedUsers(users, TOTP_SECRET, OPERATOR).size();
    }

    /** The short table {@code qm demo} prints: how to sign in, and a few accounts to start with. */
    public static List<String> table(Parties parties) {
        List<String> lines = new ArrayList<>();
        lines.add("Demo logins (every organisation has one account per role, <organisation>-<role>):");
        lines.add("  password for every account: " + PASSWORD);
        lines.add("  one-time code for APPROVER, FUND_OFFICER, ADMIN: TOTP secret " + TOTP_SECRET
                + " (oathtool --totp -b " + TOTP_SECRET + ")");
        List<String> shown = new ArrayList<>(List.of(WriteRule.PLATFORM_ORGANISATION));
        parties.allOrganisations().stream().filter(o -> o.kind() == OrganisationKind.RECIPIENT).findFirst()
                .ifPresent(o -> shown.add(o.code()));
        parties.allOrganisations().stream().filter(o -> o.kind() == OrganisationKind.DONOR_STATE).findFirst()
                .ifPresent(o -> shown.add(o.code()));
        lines.add(String.format("  %-22s %-28s %-28s %-28s", "role", shown.toArray(new Object[0]).length > 0
                ? shown.get(0) : "", shown.size() > 1 ? shown.get(1) : "", shown.size() > 2 ? shown.get(2) : ""));
        for (Role role : Role.values()) {
            List<String> names = new ArrayList<>();
            for (String org : shown) names.add(userName(org, role));
            while (names.size() < 3) names.add("");
            lines.add(String.format("  %-22s %-28s %-28s %-28s", role + (Role.SECOND_FACTOR_REQUIRED.contains(role)
                    ? " *" : ""), names.get(0), names.get(1), names.get(2)));
        }
        lines.add("  * needs the one-time code");
        return lines;
    }
}
