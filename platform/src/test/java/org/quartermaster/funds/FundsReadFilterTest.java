package org.quartermaster.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quartermaster.access.model.Role;
import org.quartermaster.funds.model.Account;
import org.quartermaster.funds.model.Fund;
import org.quartermaster.funds.model.Transfer;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.NotFound;
import org.quartermaster.testing.TestDatabases;
import org.quartermaster.testing.TestDatabases.Kind;

/**
 * Who sees which funds, accounts and transfers, filtered in the query: a member state sees the
 * fund and its own accounts, the fund's organisation every account of the fund, an outsider and
 * a caller without a role nothing, the system everything. On SQLite and PostgreSQL.
 */
class FundsReadFilterTest {
    static final Actor DEU = FundWorld.actor("dieter", "DEU-MOD", Role.VIEWER);
    static final Actor POL = FundWorld.actor("piotr", "POL-MOD", Role.VIEWER);
    static final Actor FUND = FundWorld.actor("fiona", FundWorld.FUND_ORG, Role.VIEWER);
    static final Actor NO_ROLE = new Actor("nobody", "DEU-MOD");

    private static List<String> codes(List<Fund> funds) {
        return funds.stream().map(Fund::code).toList();
    }

    private static List<Account> accounts(Funds funds, Actor viewer) {
        return funds.accounts(viewer, null, null, 500).items();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void membersAndTheFundsOrganisationSeeTheFundOutsidersDoNot(Kind kind) {
        try (FundWorld w = new FundWorld(TestDatabases.open(kind))) {
            assertThat(codes(w.funds.funds(Actor.SYSTEM))).containsExactly("EPF");
            assertThat(codes(w.funds.funds(DEU))).containsExactly("EPF");
            assertThat(codes(w.funds.funds(FUND))).containsExactly("EPF");
            assertThat(w.funds.funds(POL)).isEmpty();
            assertThat(w.funds.funds(NO_ROLE)).isEmpty();
            assertThat(w.funds.fund("EPF", DEU).code()).isEqualTo("EPF");
            assertThat(w.funds.report("EPF", DEU).members()).hasSize(2);
            assertThatThrownBy(() -> w.funds.fund("EPF", POL)).isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> w.funds.report("EPF", POL)).isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> w.funds.memberReport("EPF", "DEU-MOD", NO_ROLE)).isInstanceOf(NotFound.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void accountsAndTransfersAreThoseOfTheViewersOrganisation(Kind kind) {
        try (FundWorld w = new FundWorld(TestDatabases.open(kind))) {
            List<Account> all = accounts(w.funds, Actor.SYSTEM);
            // two envelopes, the measure, two members' contributions accounts
            assertThat(all).hasSize(5);
            assertThat(accounts(w.funds, DEU)).extracting(Account::owner).containsExactly("DEU-MOD");
            assertThat(accounts(w.funds, FUND)).hasSize(5);
            assertThat(accounts(w.funds, POL)).isEmpty();
            assertThat(accounts(w.funds, NO_ROLE)).isEmpty();
            assertThat(w.funds.transfers(DEU, "EPF", null, 500).items()).extracting(Transfer::id)
                    .containsExactly("CALL-1.DEU-MOD");
            assertThat(w.funds.transfers(Actor.SYSTEM, "EPF", null, 500).items()).extracting(Transfer::id)
                    .containsExactly("CALL-1.AUT-MOD", "CALL-1.DEU-MOD", "COM-1"); // the call goes by the key, sorted by member
            assertThat(w.funds.transfers(POL, null, null, 500).items()).isEmpty();

            Account aut = all.stream().filter(a -> a.owner().equals("AUT-MOD")).findFirst().orElseThrow();
            assertThat(w.funds.account(aut.publicId(), FUND).key()).isEqualTo(aut.key());
            assertThatThrownBy(() -> w.funds.account(aut.publicId(), DEU)).isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> w.funds.transfer("CALL-1.AUT-MOD", DEU)).isInstanceOf(NotFound.class);
            assertThat(w.funds.transfer("CALL-1.DEU-MOD", DEU).id()).isEqualTo("CALL-1.DEU-MOD");
            // paging a filtered list still pages: one row per page, in key order
            var first = w.funds.accounts(FUND, "EPF", null, 1);
            assertThat(first.items()).hasSize(1);
            assertThat(w.funds.accounts(FUND, "EPF", first.next(), 1).items().get(0).key())
                    .isGreaterThan(first.items().get(0).key());
        }
    }
}
