package org.quartermaster.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quartermaster.Quartermaster;
import org.quartermaster.needs.NeedFilter;
import org.quartermaster.funds.model.FundReport;
import org.quartermaster.needs.model.Need;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.Limits;
import org.quartermaster.testing.TestDatabases;

class ScenarioLoaderTest {
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void loadsASmallWorldWithRealisticCoverageAndAnIntactJournal(TestDatabases.Kind kind) {
        Scenario scenario = ScenarioGenerator.generate(ScenarioGenerator.DEFAULT_SEED, new Sizes(200, 100),
                LocalDate.of(2026, 11, 29));
        try (Quartermaster app = new Quartermaster(TestDatabases.open(kind))) {
            ScenarioLoader.Loaded loaded = new ScenarioLoader(app.catalog(), app.parties(), app.needs(),
                    app.offers(), app.funds(), app.rates(), ScenarioLoader.Progress.SILENT).load(scenario);

            assertThat(loaded.needs()).isEqualTo(200);
            assertThat(loaded.offers()).isEqualTo(100);
            assertThat(app.catalog().all()).hasSize(scenario.items().size());
            Map<String, Long> needs = app.needs().countByStatus();
            assertThat(needs.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(200);
            assertThat(needs).containsKeys("OPEN", "PARTLY_COVERED", "DRAFT");
            assertThat(needs.getOrDefault("COVERED", 0L) + needs.getOrDefault("DELIVERED", 0L)).isPositive();
            assertThat(app.offers().quantityByStatus()).containsKeys("OFFERED", "ACCEPTED", "DELIVERED");
            for (Need n : app.needs().list(NeedFilter.ALL, null, Limits.PAGE_SIZE_MAX).items()) {
                assertThat(n.coveredQuantity()).isBetween(0L, n.quantity());
                assertThat(n.deliveredQuantity()).isBetween(0L, n.coveredQuantity());
            }
            assertThat(app.journal().firstBrokenLink()).isZero();
            checkFund(app, loaded);
            app.journal().signIfDue(true);
            var report = app.verify(app.journal().keys().publicKey());
            assertThat(report).as(report.toString()).isInstanceOf(org.quartermaster.audit.Verifier.Report.Verified.class);
        }
    }

    /** The fund the pages show: 27 members by GNI key, calls partly paid, ceilings respected, claims paid. */
    private static void checkFund(Quartermaster app, ScenarioLoader.Loaded loaded) {
        FundReport r = app.funds().report(FundPlan.CODE, Actor.SYSTEM);
        assertThat(loaded.fundMembers()).isEqualTo(27);
        assertThat(r.members()).hasSize(27);
        assertThat(r.members().stream().mapToInt(FundReport.MemberLine::basisPoints).sum()).isEqualTo(10_000);
        // 500 million euro non-lethal + 1,000 million euro lethal, apportioned exactly
        assertThat(r.calledMinor()).isEqualTo(150_000_000_000L);
        assertThat(r.paidMinor()).isStrictlyBetween(0L, r.calledMinor());
        assertThat(r.members().stream().filter(FundReport.MemberLine::abstainsLethal).map(FundReport.MemberLine::member))
                .containsExactlyInAnyOrder("AUT-MOD", "IRL-DOD", "MLT-MOD");
        for (FundReport.MeasureLine m : r.measures()) {
            assertThat(m.committedMinor()).as(m.code()).isPositive().isLessThanOrEqualTo(m.ceilingMinor());
        }
        assertThat(r.commitments()).extracting(FundReport.CommitmentLine::status).contains("PENDING", "POSTED");
        assertThat(r.claims()).hasSize(loaded.fundClaims());
        assertThat(loaded.fundClaims()).isPositive();
        assertThat(r.claims()).allSatisfy(c -> assertThat(c.status()).isEqualTo("POSTED"));
        assertThat(r.payments()).hasSize(3);
        assertThat(app.ledger().verify().sound()).isTrue();
    }
}
