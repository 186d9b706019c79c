package org.quartermaster.funds;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.quartermaster.Quartermaster;
import org.quartermaster.access.AddUser;
import org.quartermaster.access.model.Principal;
import org.quartermaster.access.model.Role;
import org.quartermaster.access.model.WriteRule;
import org.quartermaster.parties.RegisterOrganisation;
import org.quartermaster.parties.model.OrganisationKind;
import org.quartermaster.shared.Actor;
import org.quartermaster.store.Database;

/**
 * A platform with a fund run by the organisation {@code EPF-FUND} and money ready to pay: EPF
 * (EUR) with two members (AUT abstains constructively), a non-lethal call of 100,000.00 paid, and
 * a non-lethal measure M-NL holding a posted commitment of 80,000.00. People are accounts in the
 * access context; {@link #actor} is how a request by one of them reaches the facades.
 */
final class FundWorld implements AutoCloseable {
    static final String FUND_ORG = "EPF-FUND";
    static final String PASSWORD = "correct horse battery";
    static final Principal OPERATOR =
            new Principal("operator", WriteRule.PLATFORM_ORGANISATION, Set.of(), Set.of(Role.ADMIN));

    final Quartermaster app;
    final Funds funds;

    FundWorld(Database db) {
        app = new Quartermaster(db);
        funds = app.funds();
        for (String[] o : new String[][] {{FUND_ORG, "European Peace Facility", "FUND", "BEL"},
                {"DEU-MOD", "Federal Ministry of Defence", "DONOR_STATE", "DEU"},
                {"AUT-MOD", "Federal Ministry of Defence of Austria", "DONOR_STATE", "AUT"},
                {"POL-MOD", "Ministry of National Defence", "DONOR_STATE", "POL"}}) {
            app.parties().register(new RegisterOrganisation(o[0], o[1], OrganisationKind.valueOf(o[2]), o[3],
                    Set.of("EU"), null), Actor.SYSTEM);
        }
        Actor system = Actor.SYSTEM;
        funds.create(new FundCommands.CreateFund("EPF", "European Peace Facility", "EUR", FUND_ORG), system);
        funds.setKey(new FundCommands.SetKey("EPF", List.of(new FundCommands.KeyShare("DEU-MOD", 7000, false),
                new FundCommands.KeyShare("AUT-MOD", 3000, true))), system);
        funds.call(new FundCommands.CallContributions("CALL-1", "EPF", "NON_LETHAL", 10_000_000L), system);
        app.ledger().post("CALL-1.DEU-MOD", system);
        app.ledger().post("CALL-1.AUT-MOD", system);
        funds.createMeasure(new FundCommands.CreateMeasure("M-NL", "EPF", "NON_LETHAL", 9_000_000L), system);
        funds.commit(new FundCommands.Commit("COM-1", "M-NL", 8_000_000L), system);
        app.ledger().post("COM-1", system);
    }

    /** Adds {@code name} (the person {@code person}) to {@code org} with {@code roles}; returns how they act. */
    Actor person(String name, String person, String org, Role... roles) {
        app.access().addUser(new AddUser(name, org, EnumSet.copyOf(List.of(roles)), person, PASSWORD), OPERATOR);
        return actor(name, org, roles);
    }

    static Actor actor(String name, String org, Role... roles) {
        return new Actor(name, org, Set.of("EU"), java.util.Arrays.stream(roles).map(Role::name)
                .collect(java.util.stream.Collectors.toSet()));
    }

    FundCommands.PayMilestone payment(String id, long amountMinor) {
        return new FundCommands.PayMilestone(id, "M-NL", "C-" + id, "M1", "SUP-1", amountMinor, false,
                amountMinor * 2, 0);
    }

    @Override
    public void close() {
        app.close();
    }
}
