package org.quartermaster.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quartermaster.Quartermaster;
import org.quartermaster.logistics.model.Shipment;
import org.quartermaster.procurement.model.CallOff;
import org.quartermaster.procurement.model.Contract;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.testing.ContractFixture;
import org.quartermaster.testing.MovableClock;
import org.quartermaster.testing.TestDatabases;

/**
 * Plans made at the same moment against the same contract are checked one after the other: the
 * units on their way never exceed what the contract (and each call-off) leaves undelivered, on
 * either database. Every thread starts its plan at the same barrier.
 */
class ConcurrentPlanningTest {
    static final int THREADS = 12;
    static final long UNITS = 10;

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void concurrentPlansNeverShipMoreThanAContractLeaves(TestDatabases.Kind kind) throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-03-02T08:00:00Z"));
        try (Quartermaster app = ContractShipmentsTest.world(kind, clock)) {
            Contract framework = ContractFixture.sign(app, clock, "BUY", "SUP", "BOX", 100, true);
            CallOff callOff = ContractFixture.callOff(app, framework.publicId(), 60, LocalDate.of(2026, 3, 13));
            // half the plans on the call-off (60 of its units), half on the contract: 120 asked of 100
            CyclicBarrier start = new CyclicBarrier(THREADS);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<Shipment>> plans = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                boolean onCallOff = i % 2 == 0;
                plans.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return ContractShipmentsTest.plan(app, "SUP", onCallOff
                            ? ContractShipmentsTest.line("CALL_OFF", callOff.publicId(), "BOX", UNITS)
                            : ContractShipmentsTest.line("CONTRACT", framework.publicId(), "BOX", UNITS));
                }));
            }
            long onContract = 0;
            long onCallOffUnits = 0;
            int refused = 0;
            for (Future<Shipment> f : plans) {
                try {
                    Shipment s = f.get(60, TimeUnit.SECONDS);
                    for (Shipment.Line l : s.lines()) {
                        onContract += l.quantity();
                        if (l.fulfils().kind() == Fulfilment.Kind.CALL_OFF) onCallOffUnits += l.quantity();
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(InvalidField.class);
                    assertThat(((InvalidField) e.getCause()).field()).isEqualTo("lines[0].quantity");
                    refused++;
                }
            }
            pool.shutdown();
            assertThat(onContract).as("units on the way against the contract of 100").isEqualTo(100);
            assertThat(onCallOffUnits).as("units on the way against the call-off of 60").isLessThanOrEqualTo(60);
            assertThat(refused).isEqualTo(2);
        }
    }
}
