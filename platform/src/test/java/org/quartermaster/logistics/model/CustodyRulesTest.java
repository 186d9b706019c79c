package org.quartermaster.logistics.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quartermaster.logistics.model.CustodyRules.Outcome;
import org.quartermaster.logistics.model.CustodyRules.Step;

/** Each custody rule with a step it allows and one it refuses. */
class CustodyRulesTest {
    static final List<String> ROUTE = List.of("ORIGIN", "HUB-1", "HUB-2", "DEST");

    static Outcome step(Position at, CustodyKind kind, String by, String to, String location) {
        return CustodyRules.apply(at, ROUTE, "REC", new Step(kind, by, to, location));
    }

    static Position at(ShipmentStatus status, int stop, String holder) {
        return new Position(status, stop, holder);
    }

    static Position moved(Outcome o) {
        assertThat(o).isInstanceOf(Outcome.Moved.class);
        return ((Outcome.Moved) o).next();
    }

    static String refused(Outcome o) {
        assertThat(o).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused) o).type();
    }

    @Test
    void onlyTheHolderTakesAStep() {
        assertThat(moved(step(at(ShipmentStatus.PLANNED, 0, "DON"), CustodyKind.DEPARTED, "DON", null, null)).status())
                .isEqualTo(ShipmentStatus.IN_TRANSIT);
        assertThat(refused(step(at(ShipmentStatus.PLANNED, 0, "DON"), CustodyKind.DEPARTED, "CAR", null, null)))
                .isEqualTo("not-holder");
    }

    @Test
    void handOversHappenAtStopsToSomeoneElse() {
        assertThat(moved(step(at(ShipmentStatus.AT_HUB, 1, "CAR"), CustodyKind.HANDED_OVER, "CAR", "CAR2", null)).holder())
                .isEqualTo("CAR2");
        assertThat(refused(step(at(ShipmentStatus.IN_TRANSIT, 1, "CAR"), CustodyKind.HANDED_OVER, "CAR", "CAR2", null)))
                .isEqualTo("illegal-order");
        assertThat(refused(step(at(ShipmentStatus.AT_HUB, 1, "CAR"), CustodyKind.HANDED_OVER, "CAR", "CAR", null)))
                .isEqualTo("illegal-order");
        assertThat(refused(step(at(ShipmentStatus.AT_HUB, 1, "CAR"), CustodyKind.HANDED_OVER, "CAR", null, null)))
                .isEqualTo("illegal-order");
    }

    @Test
    void hubsAreReachedInRouteOrder() {
        Position p = moved(step(at(ShipmentStatus.IN_TRANSIT, 0, "CAR"), CustodyKind.ARRIVED_AT_HUB, "CAR", null, "HUB-1"));
        assertThat(p).isEqualTo(at(ShipmentStatus.AT_HUB, 1, "CAR"));
        assertThat(refused(step(at(ShipmentStatus.IN_TRANSIT, 0, "CAR"), CustodyKind.ARRIVED_AT_HUB, "CAR", null, "HUB-2")))
                .isEqualTo("wrong-stop");
        assertThat(refused(step(at(ShipmentStatus.IN_TRANSIT, 2, "CAR"), CustodyKind.ARRIVED_AT_HUB, "CAR", null, null)))
                .as("after the last hub comes the destination").isEqualTo("illegal-order");
        assertThat(refused(step(at(ShipmentStatus.AT_HUB, 1, "CAR"), CustodyKind.ARRIVED_AT_HUB, "CAR", null, null)))
                .as("an arrival needs a departure first").isEqualTo("illegal-order");
    }

    @Test
    void theDestinationComesAfterTheLastHubOnly() {
        assertThat(moved(step(at(ShipmentStatus.IN_TRANSIT, 2, "CAR"), CustodyKind.ARRIVED, "CAR", null, null)))
                .isEqualTo(at(ShipmentStatus.ARRIVED, 3, "CAR"));
        assertThat(refused(step(at(ShipmentStatus.IN_TRANSIT, 1, "CAR"), CustodyKind.ARRIVED, "CAR", null, null)))
                .isEqualTo("illegal-order");
        assertThat(refused(step(at(ShipmentStatus.ARRIVED, 3, "CAR"), CustodyKind.DEPARTED, "CAR", null, null)))
                .as("nothing departs from the destination").isEqualTo("illegal-order");
    }

    @Test
    void onlyTheReceiverHoldingTheGoodsReceivesAndThenTheChainIsClosed() {
        assertThat(moved(step(at(ShipmentStatus.ARRIVED, 3, "REC"), CustodyKind.RECEIVED, "REC", null, null)).status())
                .isEqualTo(ShipmentStatus.RECEIVED);
        assertThat(refused(step(at(ShipmentStatus.ARRIVED, 3, "CAR"), CustodyKind.RECEIVED, "CAR", null, null)))
                .isEqualTo("not-holder");
        assertThat(refused(step(at(ShipmentStatus.AT_HUB, 1, "REC"), CustodyKind.RECEIVED, "REC", null, null)))
                .isEqualTo("illegal-order");
        assertThat(refused(step(at(ShipmentStatus.RECEIVED, 3, "REC"), CustodyKind.HANDED_OVER, "REC", "X", null)))
                .isEqualTo("custody-closed");
    }

    @Test
    void receiptFiguresFitWhatWasShipped() {
        assertThat(ReceiptRules.check(10, 7, List.of(2L, 1L))).isNull();
        assertThat(ReceiptRules.check(10, 11, List.of())).contains("at most");
        assertThat(ReceiptRules.check(10, 7, List.of(2L, 2L))).contains("exceed");
        assertThat(ReceiptRules.check(10, 7, List.of(0L))).contains("greater than zero");
    }

    @Test
    void receivedUnitsGoToNeedsInOrderUpToEachShare() {
        var shares = List.of(new Shares.Share("N-1", 5), new Shares.Share("N-2", 10));
        assertThat(Shares.split(12, shares)).containsExactly(new Shares.Share("N-1", 5), new Shares.Share("N-2", 7));
        assertThat(Shares.split(3, shares)).containsExactly(new Shares.Share("N-1", 3), new Shares.Share("N-2", 0));
        assertThat(Shares.split(20, shares)).as("units beyond every share count for no need")
                .containsExactly(new Shares.Share("N-1", 5), new Shares.Share("N-2", 10));
    }

    @Test
    void receiptSignaturesVerifyWithThePublicKeyOnly() {
        String[] pair = ReceiptSignatures.generate();
        String sig = ReceiptSignatures.sign(pair[1], "{\"received\":90}");
        assertThat(ReceiptSignatures.verify(pair[0], "{\"received\":90}", sig)).isTrue();
        assertThat(ReceiptSignatures.verify(pair[0], "{\"received\":91}", sig)).isFalse();
        assertThat(ReceiptSignatures.verify(ReceiptSignatures.generate()[0], "{\"received\":90}", sig)).isFalse();
        assertThat(ReceiptSignatures.verify("not base64!", "{}", sig)).isFalse();
    }
}
