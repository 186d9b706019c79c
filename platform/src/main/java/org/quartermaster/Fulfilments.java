package org.quartermaster;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.quartermaster.logistics.Commitments;
import org.quartermaster.logistics.ContractLookup;
import org.quartermaster.logistics.DeliveryListener;
import org.quartermaster.logistics.Fulfilment;
import org.quartermaster.needs.Needs;
import org.quartermaster.needs.model.Need;
import org.quartermaster.needs.model.NeedStatus;
import org.quartermaster.offers.Offers;
import org.quartermaster.offers.model.Offer;
import org.quartermaster.offers.model.OfferRules;
import org.quartermaster.offers.model.OfferStatus;
import org.quartermaster.planning.Planning;
import org.quartermaster.planning.PlannedAllocation;
import org.quartermaster.procurement.Procurement;
import org.quartermaster.procurement.model.CallOff;
import org.quartermaster.procurement.model.Contract;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.NotFound;
import org.quartermaster.store.Tx;

/**
 * The wiring between logistics and the contexts whose commitments it ships: what an offer, a
 * planned allocation, a contract or a call-off commits, and how deliveries roll up into needs,
 * offers and contracts.
 */
final class Fulfilments implements Commitments {
    private final Offers offers;
    private final Planning planning;

    Fulfilments(Offers offers, Planning planning) {
        this.offers = offers;
        this.planning = planning;
    }

    @Override
    public Optional<Commitment> of(Tx tx, String field, Fulfilment ref) {
        return switch (ref.kind()) {
            case OFFER -> Optional.of(offer(tx, field, ref.id()));
            case ALLOCATION -> Optional.of(allocation(field, ref.id()));
            case CONTRACT, CALL_OFF -> Optional.empty();
        };
    }

    private Commitment offer(Tx tx, String field, String id) {
        Offer o;
        try {
            o = offers.get(tx, id);
        } catch (NotFound e) {
            throw new InvalidField(field, "names no offer: " + id);
        }
        if (!(o.status() instanceof OfferStatus.Pledged)) {
            throw new InvalidField(field, "offer " + id + " is " + o.status().name()
                    + "; only an ACCEPTED, COMMITTED or SHIPPED offer can be shipped");
        }
        return new Commitment(o.item(), o.quantity(), o.need(), o.donor());
    }

    /** An allocation is named {@code <plan id>/<line>}, e.g. {@code P-000003/2}. */
    private Commitment allocation(String field, String id) {
        int slash = id.indexOf('/');
        if (slash < 1) throw new InvalidField(field, "an allocation is named <plan>/<line>, e.g. P-000003/2");
        int line;
        try {
            line = Integer.parseInt(id.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new InvalidField(field, "an allocation is named <plan>/<line>, e.g. P-000003/2");
        }
        try {
            PlannedAllocation a = planning.allocations(id.substring(0, slash), null).stream()
                    .filter(x -> x.line() == line).findFirst()
                    .orElseThrow(() -> new InvalidField(field, "names no allocation: " + id));
            return new Commitment(a.suppliedItem(), a.quantity(), a.need(), a.source());
        } catch (NotFound e) {
            throw new InvalidField(field, "names no plan: " + id.substring(0, slash));
        }
    }

    /** Received units count on the needs they serve, never beyond a need's quantity or after it is closed. */
    static DeliveryListener needsRollUp(Needs needs) {
        return (tx, shipment, line, ref, quantity, deliveries) -> {
            for (DeliveryListener.NeedDelivery d : deliveries) {
                Need n = needs.load(tx, d.need());
                if (!(n.status() instanceof NeedStatus.Coverable)) continue;
                long counted = Math.min(d.quantity(), n.quantity() - n.deliveredQuantity());
                if (counted > 0) needs.deliver(tx, d.need(), counted, "shipment line for " + ref);
            }
        };
    }

    /** An offer is SHIPPED when its first line departs and DELIVERED at the first signed receipt. */
    static DeliveryListener offersRollUp(Offers offers) {
        return new DeliveryListener() {
            @Override
            public void dispatched(Tx tx, Fulfilment ref, long quantity) {
                if (ref.kind() != Fulfilment.Kind.OFFER) return;
                OfferStatus s = offers.get(tx, ref.id()).status();
                if (s instanceof OfferStatus.Accepted) offers.advance(tx, ref.id(), OfferRules.Action.COMMIT);
                s = offers.get(tx, ref.id()).status();
                if (s instanceof OfferStatus.Committed) offers.advance(tx, ref.id(), OfferRules.Action.SHIP);
            }

            @Override
            public void received(Tx tx, String shipment, int line, Fulfilment ref, long quantity,
                                 List<NeedDelivery> needs) {
                if (ref.kind() != Fulfilment.Kind.OFFER) return;
                if (offers.get(tx, ref.id()).status() instanceof OfferStatus.Shipped) {
                    offers.advance(tx, ref.id(), OfferRules.Action.DELIVER);
                }
            }
        };
    }

    /**
     * Contracts and call-offs as procurement states them: who may ship against one (its buyer and
     * supplier; for a call-off also the framework's buyer), and what draws on the same units.
     */
    static ContractLookup contractLookup(Procurement procurement) {
        return (tx, ref) -> {
            try {
                return Optional.of(switch (ref.kind()) {
                    case CONTRACT -> contracted(procurement.contract(tx, ref.id()), procurement.callOffs(tx, ref.id()));
                    case CALL_OFF -> contracted(tx, procurement.callOff(tx, ref.id()), procurement);
                    case OFFER, ALLOCATION ->
                            throw new IllegalArgumentException(ref + " is not a contract or call-off");
                });
            } catch (NotFound e) {
                return Optional.empty();
            }
        };
    }

    private static ContractLookup.Contracted contracted(Contract k, List<CallOff> callOffs) {
        Fulfilment ref = new Fulfilment(Fulfilment.Kind.CONTRACT, k.publicId());
        return new ContractLookup.Contracted(ref, k.item(), k.quantity(), k.deliveredQuantity(),
                new TreeSet<>(List.of(k.buyer(), k.supplier())), ref,
                callOffs.stream().map(o -> new Fulfilment(Fulfilment.Kind.CALL_OFF, o.publicId())).toList());
    }

    private static ContractLookup.Contracted contracted(Tx tx, CallOff o, Procurement procurement) {
        Contract k = procurement.contract(tx, o.contract());
        return new ContractLookup.Contracted(new Fulfilment(Fulfilment.Kind.CALL_OFF, o.publicId()), k.item(),
                o.quantity(), o.deliveredQuantity(), new TreeSet<>(List.of(o.buyer(), k.buyer(), k.supplier())),
                new Fulfilment(Fulfilment.Kind.CONTRACT, k.publicId()), List.of());
    }

    /**
     * Received units count on the contract or call-off the line names (a call-off's on its
     * contract too), dated the day of the receipt, so that the schedule and its lateness follow
     * the consignments. Never beyond what is still undelivered: units that came on top of the
     * order (another delivery was recorded meanwhile) are not counted twice, and the receipt is
     * never refused for them.
     */
    static DeliveryListener contractsRollUp(Procurement procurement) {
        return (tx, shipment, line, ref, quantity, needs) -> {
            if (ref.kind() != Fulfilment.Kind.CONTRACT && ref.kind() != Fulfilment.Kind.CALL_OFF) return;
            long room;
            if (ref.kind() == Fulfilment.Kind.CALL_OFF) {
                CallOff o = procurement.callOff(tx, ref.id());
                Contract k = procurement.contract(tx, o.contract());
                room = Math.min(o.quantity() - o.deliveredQuantity(), k.quantity() - k.deliveredQuantity());
            } else {
                Contract k = procurement.contract(tx, ref.id());
                room = k.quantity() - k.deliveredQuantity();
            }
            long counted = Math.min(quantity, room);
            if (counted <= 0) return;
            procurement.recordDelivery(tx, ref.id(), counted, LocalDate.ofInstant(tx.now(), ZoneOffset.UTC),
                    "shipment " + shipment + " line " + line);
        };
    }
}
