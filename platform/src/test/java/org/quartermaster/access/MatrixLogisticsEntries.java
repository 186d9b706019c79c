package org.quartermaster.access;

import static org.quartermaster.access.AccessMatrixTest.own;
import static org.quartermaster.access.AccessMatrixTest.readable;
import static org.quartermaster.access.AccessMatrixTest.signedIn;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.quartermaster.Quartermaster;
import org.quartermaster.access.AccessMatrixTest.Caller;
import org.quartermaster.access.AccessMatrixTest.Entry;
import org.quartermaster.access.model.Role;
import org.quartermaster.logistics.ConfirmReceipt;
import org.quartermaster.logistics.PlanShipment;
import org.quartermaster.logistics.RecordCustody;
import org.quartermaster.logistics.ReportDiscrepancy;
import org.quartermaster.logistics.model.Shipment;
import org.quartermaster.logistics.model.ShipmentStatus;
import org.quartermaster.oversight.AskQuestion;
import org.quartermaster.oversight.model.Question;
import org.quartermaster.parties.AddLocation;
import org.quartermaster.parties.model.LocationKind;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.Page;
import org.quartermaster.testing.AccessWorld;
import org.quartermaster.testing.TestServer.Reply;

/**
 * The access matrix's record-level entries for logistics (shipments, custody, receipts,
 * discrepancies, ratings, signing keys, absorption, the shipment pages) and oversight
 * (questions). The records under test are the owner's consignments to the partner, released to
 * the group they share; every write cell acts on a consignment made for it. The reference, written
 * here from the contexts' rules (LogisticsAccessTest, DESIGN.md's Access section) and not from
 * the policy's code:
 * <ul>
 *   <li>a consignment is seen by its owner, its receiver and whoever it is released to (by name or group);
 *   <li>each custody step is recorded by a logistician of the organisation holding the goods;
 *   <li>the receipt, discrepancies and ratings are the receiving organisation's logisticians';
 *   <li>a destination's absorption capacity is set by a logistician of the organisation holding it;
 *   <li>planned arrivals, board counts and open-question counts are over what the caller may see;
 *   <li>signing keys are public;
 *   <li>a question is asked (not by a viewer) about a record the asker may see, seen by the asking
 *       and the assigned organisation, and answered (not by a viewer) by the assigned one.
 * </ul>
 */
final class MatrixLogisticsEntries {
    static final String OWN = AccessWorld.OWN;
    static final String PARTNER = AccessWorld.PARTNER;
    static final String UNRELATED = AccessWorld.UNRELATED;
    static final String ORIGIN = "MX-ORIGIN";
    static final String DESTINATION = "MX-DEST";
    /** The consignments under test: the owner's, to the partner, released to the group (and so to the receiver). */
    static final Set<String> SHIPMENT_RELEASE = Set.of(AccessWorld.GROUP, PARTNER);
    static final Instant DEPARTURE = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant ARRIVAL = Instant.parse("2026-01-09T00:00:00Z");
    static final long QUANTITY = 5;
    static final Pattern SHIPMENT_ID = Pattern.compile("\\b(" + Shipment.ID_PREFIX + "-\\d{6,})\\b");
    static final byte[] PHOTO = "a photo of a dented crate".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final Quartermaster app;
    private final AtomicInteger unique;
    private final Shipment received;
    private final String photoSha256;
    private final String need;
    private final Question question;

    private MatrixLogisticsEntries(AccessMatrixTest matrix) {
        this.app = matrix.server.app();
        this.unique = matrix.unique;
        for (String code : List.of(ORIGIN, DESTINATION)) {
            app.parties().addLocation(new AddLocation(code, code, "POL", LocationKind.DEPOT, null), Actor.SYSTEM);
        }
        // Consignments of every organisation under every marking, so that lists show any leak.
        for (String org : List.of(OWN, PARTNER, UNRELATED)) {
            for (Set<String> marking : AccessWorld.MARKINGS) plan(org, org, marking);
        }
        received = receive(arrived(), 4, true);
        photoSha256 = app.logistics().discrepancies(Actor.SYSTEM, received.publicId()).getFirst().attachments()
                .getFirst().sha256();
        need = AccessWorld.need(app, OWN, AccessMatrixTest.RELEASED, true).publicId();
        // Questions of every organisation, assigned to itself and to another, for the lists and counts.
        for (String org : List.of(OWN, PARTNER, UNRELATED)) {
            String own = AccessWorld.need(app, org, Set.of(), true).publicId();
            for (String to : List.of(org, org.equals(UNRELATED) ? OWN : UNRELATED)) {
                app.oversight().ask(new AskQuestion(own, "Is it on time?", to, org, "mx-asker"), Actor.SYSTEM);
            }
        }
        question = ask();
    }

    /** Adds the entries of logistics and oversight to {@code e}. */
    static void addTo(AccessMatrixTest matrix, Map<String, Entry> e) {
        new MatrixLogisticsEntries(matrix).add(e);
    }

    // ---- the reference --------------------------------------------------------------------------

    /** May {@code c} see the consignment with {@code id}? From its stored owner and marking. */
    private boolean seesShipment(Caller c, String id) {
        Shipment s = app.logistics().get(Actor.SYSTEM, id);
        return signedIn(c) && readable(c, s.owner(), s.releasableTo());
    }

    private static boolean seesOne(Caller c) {
        return signedIn(c) && readable(c, OWN, SHIPMENT_RELEASE);
    }

    /** The receiving organisation's logisticians. */
    private static boolean receiver(Caller c) {
        return own(c, PARTNER, Role.LOGISTICIAN);
    }

    private static boolean seesQuestion(Caller c, Question q) {
        return signedIn(c) && readable(c, q.owner(), Set.of(q.assignedTo()));
    }

    // ---- the entries ----------------------------------------------------------------------------

    private void add(Map<String, Entry> e) {
        String id = received.publicId();
        String base = "/api/v1/shipments";
        e.put("GET " + base, MatrixCells.read(base + "?limit=500", AccessMatrixTest::signedIn, this::foreignShipments));
        e.put("GET /api/v1/shipment-board", MatrixCells.read("/api/v1/shipment-board", AccessMatrixTest::signedIn,
                this::wrongBoard));
        e.put("GET " + base + "/{id}", MatrixCells.read(base + "/" + id, MatrixLogisticsEntries::seesOne, null));
        e.put("GET " + base + "/{id}/custody", MatrixCells.read(base + "/" + id + "/custody",
                MatrixLogisticsEntries::seesOne, null));
        e.put("GET " + base + "/{id}/receipt", MatrixCells.read(base + "/" + id + "/receipt",
                MatrixLogisticsEntries::seesOne, null));
        e.put("GET " + base + "/{id}/discrepancies", MatrixCells.read(base + "/" + id + "/discrepancies",
                MatrixLogisticsEntries::seesOne, null));
        e.put("GET " + base + "/{id}/attachments/{sha256}", MatrixCells.read(base + "/" + id + "/attachments/"
                + photoSha256, MatrixLogisticsEntries::seesOne, null));
        // Planned in the owner's name: its logisticians only.
        e.put("POST " + base, MatrixCells.json("POST", c -> base, c -> planBody(), c -> own(c, OWN, Role.LOGISTICIAN)));
        // The holder (the owner, before any hand-over) records the departure, naming itself.
        e.put("POST " + base + "/{id}/custody", MatrixCells.json("POST",
                c -> base + "/" + plan(OWN, PARTNER, AccessMatrixTest.RELEASED).publicId() + "/custody",
                c -> "{\"kind\":\"DEPARTED\",\"organisation\":\"" + OWN + "\"}", c -> own(c, OWN, Role.LOGISTICIAN)));
        // The receiver confirms an arrived consignment handed over to it, naming itself.
        e.put("POST " + base + "/{id}/receipt", MatrixCells.json("POST",
                c -> base + "/" + arrived().publicId() + "/receipt",
                c -> "{\"organisation\":\"%s\",\"lines\":[{\"line\":1,\"received\":%d}]}".formatted(PARTNER, QUANTITY),
                MatrixLogisticsEntries::receiver));
        e.put("POST " + base + "/{id}/discrepancies", MatrixCells.json("POST",
                c -> base + "/" + receive(arrived(), 4, false).publicId() + "/discrepancies",
                c -> "{\"organisation\":\"%s\",\"line\":1,\"kind\":\"DAMAGED\",\"quantity\":1}".formatted(PARTNER),
                MatrixLogisticsEntries::receiver));
        e.put("POST " + base + "/{id}/lines/{line}/rating", MatrixCells.json("POST",
                c -> base + "/" + receive(arrived(), 4, false).publicId() + "/lines/1/rating",
                c -> "{\"organisation\":\"%s\",\"rating\":4,\"comment\":\"works\"}".formatted(PARTNER),
                MatrixLogisticsEntries::receiver));
        // Receipt verification keys are public by design.
        e.put("GET /api/v1/signing-keys", MatrixCells.read("/api/v1/signing-keys", c -> true, null));
        e.put("GET /api/v1/signing-keys/{organisation}", MatrixCells.read("/api/v1/signing-keys/" + PARTNER,
                c -> true, null));
        e.put("GET /api/v1/absorption", MatrixCells.read("/api/v1/absorption", AccessMatrixTest::signedIn,
                this::wrongAbsorption));
        // A destination held by the owner: its logisticians set what it takes in.
        e.put("PUT /api/v1/absorption", MatrixCells.json("PUT", c -> "/api/v1/absorption",
                c -> "{\"destination\":\"%s\",\"item\":\"%s\",\"unitsPerWeek\":10}".formatted(heldLocation(OWN),
                        AccessWorld.ITEM), c -> own(c, OWN, Role.LOGISTICIAN)));
        pages(e, id);
        questions(e);
    }

    private void pages(Map<String, Entry> e, String id) {
        e.put("GET /shipments", MatrixCells.read("/shipments", AccessMatrixTest::signedIn, this::foreignShipmentIds));
        e.put("GET /shipments/{id}", MatrixCells.read("/shipments/" + id, MatrixLogisticsEntries::seesOne,
                this::foreignShipmentIds));
        e.put("POST /shipments/{id}/receipt", MatrixCells.form(c -> new String[] {
                "/shipments/" + arrived().publicId() + "/receipt", "organisation=" + PARTNER + "&received_1=" + QUANTITY},
                MatrixLogisticsEntries::receiver));
        e.put("POST /shipments/{id}/discrepancies", MatrixCells.form(c -> new String[] {
                "/shipments/" + receive(arrived(), 4, false).publicId() + "/discrepancies",
                "organisation=" + PARTNER + "&line=1&kind=SHORT&quantity=1"}, MatrixLogisticsEntries::receiver));
    }

    private void questions(Map<String, Entry> e) {
        String base = "/api/v1/questions";
        e.put("GET " + base, MatrixCells.read(base + "?limit=500", AccessMatrixTest::signedIn, this::foreignQuestions));
        e.put("GET /api/v1/open-questions", MatrixCells.read("/api/v1/open-questions", AccessMatrixTest::signedIn,
                this::wrongOpenCounts));
        e.put("GET " + base + "/{id}", MatrixCells.read(base + "/" + question.publicId(),
                c -> seesQuestion(c, question), null));
        // Asked for the caller's own organisation about the owner's need released to the group.
        e.put("POST " + base, MatrixCells.json("POST", c -> base,
                c -> "{\"record\":\"%s\",\"text\":\"When does it arrive?\",\"assignedTo\":\"%s\"}".formatted(need, OWN),
                c -> AccessMatrixTest.holds(c, MatrixCells.ACTING_ROLES)
                        && readable(c, OWN, AccessMatrixTest.RELEASED)));
        // The owner's question assigned to the partner: the partner answers.
        e.put("POST " + base + "/{id}/answer", MatrixCells.json("POST", c -> base + "/" + ask().publicId() + "/answer",
                c -> "{\"text\":\"Next week.\",\"version\":1}",
                c -> AccessMatrixTest.holds(c, MatrixCells.ACTING_ROLES) && c.org().equals(PARTNER)));
    }

    // ---- records --------------------------------------------------------------------------------

    private Shipment plan(String owner, String receiver, Set<String> marking) {
        return app.logistics().plan(new PlanShipment(owner, receiver, ORIGIN, DESTINATION, "ROAD", DEPARTURE, ARRIVAL,
                List.of(), List.of(new PlanShipment.Line(AccessWorld.ITEM, QUANTITY, "OFFER", offer(), List.of())),
                marking), Actor.SYSTEM);
    }

    /**
     * A fresh accepted offer of the owner for one consignment to carry (a receipt delivers the
     * offer, and a delivered offer cannot be shipped again).
     */
    private String offer() {
        String id = app.offers().make(new org.quartermaster.offers.MakeOffer(OWN, AccessWorld.ITEM, QUANTITY, "NEW",
                AccessWorld.DEPOT, AccessWorld.DUE.minusMonths(3), "DONATION", false, null, false, null,
                AccessMatrixTest.RELEASED), Actor.SYSTEM).publicId();
        app.offers().act(id, org.quartermaster.offers.model.OfferRules.Action.ACCEPT, 1, Actor.SYSTEM);
        return id;
    }

    private String planBody() {
        return """
                {"owner":"%s","receiver":"%s","origin":"%s","destination":"%s","mode":"ROAD",
                 "plannedDeparture":"%s","plannedArrival":"%s",
                 "lines":[{"item":"%s","quantity":%d,"kind":"OFFER","fulfils":"%s"}],"releasableTo":["%s"]}"""
                .formatted(OWN, PARTNER, ORIGIN, DESTINATION, DEPARTURE, ARRIVAL, AccessWorld.ITEM, QUANTITY, offer(),
                        AccessWorld.GROUP);
    }

    /** A fresh consignment of the owner, arrived and handed over to the receiving partner. */
    private Shipment arrived() {
        String id = plan(OWN, PARTNER, AccessMatrixTest.RELEASED).publicId();
        for (String kind : List.of("DEPARTED", "ARRIVED")) {
            app.logistics().record(id, new RecordCustody(kind, OWN, "mx-driver", null, null, null, null), Actor.SYSTEM);
        }
        return app.logistics().record(id, new RecordCustody("HANDED_OVER", OWN, "mx-driver", PARTNER, null, null,
                null), Actor.SYSTEM);
    }

    /** Confirms {@code s}'s receipt by the partner: {@code units} of its line, one unit short (with a photo). */
    private Shipment receive(Shipment s, long units, boolean shortWithPhoto) {
        List<ReportDiscrepancy> problems = shortWithPhoto ? List.of(new ReportDiscrepancy(1, "SHORT", QUANTITY - units,
                "one crate missing", null, null, List.of(new ReportDiscrepancy.Attachment("crate.jpg", "image/jpeg",
                        Base64.getEncoder().encodeToString(PHOTO))))) : List.of();
        app.logistics().receive(s.publicId(), new ConfirmReceipt(PARTNER, "mx-receiver",
                List.of(new ConfirmReceipt.Received(1, units)), problems), Actor.SYSTEM);
        return app.logistics().get(Actor.SYSTEM, s.publicId());
    }

    /** A fresh question of the owner about its need, assigned to the partner. */
    private Question ask() {
        return app.oversight().ask(new AskQuestion(need, "Can you deliver earlier?", PARTNER, OWN, "mx-asker"),
                Actor.SYSTEM);
    }

    /** A fresh destination held by {@code org}. */
    private String heldLocation(String org) {
        String code = "MX-HELD-" + unique.incrementAndGet();
        app.parties().addLocation(new AddLocation(code, code, "UKR", LocationKind.DEPOT, org), Actor.SYSTEM);
        return code;
    }

    private List<Shipment> allShipments() {
        List<Shipment> out = new ArrayList<>();
        String after = null;
        do {
            Page<Shipment> p = app.logistics().list(Actor.SYSTEM, null, null, null, after, 500);
            out.addAll(p.items());
            after = p.next();
        } while (after != null);
        return out;
    }

    private List<Question> allQuestions() {
        List<Question> out = new ArrayList<>();
        String after = null;
        do {
            Page<Question> p = app.oversight().list(Actor.SYSTEM, null, null, null, after, 500);
            out.addAll(p.items());
            after = p.next();
        } while (after != null);
        return out;
    }

    // ---- row checks -----------------------------------------------------------------------------

    private List<String> foreignShipments(Caller c, Reply reply) {
        List<String> out = new ArrayList<>();
        for (JsonNode row : reply.json().get("items")) {
            String id = row.get("id").asText();
            if (!seesShipment(c, id)) out.add("shipment " + id);
        }
        return out;
    }

    private List<String> foreignShipmentIds(Caller c, Reply reply) {
        return MatrixCells.foreignIds(SHIPMENT_ID, reply.body(), id -> {
            try {
                return seesShipment(c, id);
            } catch (org.quartermaster.shared.NotFound unknown) {
                return true;  // an id-shaped text that names no consignment
            }
        });
    }

    /** Each status's count equals the caller's visible consignments in it. */
    private List<String> wrongBoard(Caller c, Reply reply) {
        Map<String, Long> expected = new TreeMap<>();
        for (ShipmentStatus s : ShipmentStatus.values()) expected.put(s.name(), 0L);
        for (Shipment s : allShipments()) {
            if (readable(c, s.owner(), s.releasableTo())) expected.merge(s.status().name(), 1L, Long::sum);
        }
        List<String> out = new ArrayList<>();
        JsonNode counts = reply.json().get("counts");
        expected.forEach((status, n) -> {
            long got = counts.has(status) ? counts.get(status).asLong() : -1;
            if (got != n) out.add(status + " counts " + got + " but the caller may see " + n);
        });
        return out;
    }

    /**
     * Each destination and item's planned units equal the units still to arrive on the consignments
     * the caller may see (all of them arrive within the weeks shown); a row with neither a capacity
     * nor such units should not be there.
     */
    private List<String> wrongAbsorption(Caller c, Reply reply) {
        Map<String, Long> visible = new TreeMap<>();
        for (Shipment s : allShipments()) {
            if (s.status() == ShipmentStatus.RECEIVED || !readable(c, s.owner(), s.releasableTo())) continue;
            for (Shipment.Line l : s.lines()) {
                visible.merge(s.destination() + "/" + l.item(), l.quantity() - l.receivedQuantity(), Long::sum);
            }
        }
        List<String> out = new ArrayList<>();
        for (JsonNode row : reply.json().get("items")) {
            String key = row.get("destination").asText() + "/" + row.get("item").asText();
            long planned = 0;
            for (JsonNode w : row.get("weeks")) planned += w.get("plannedUnits").asLong();
            long expected = visible.getOrDefault(key, 0L);
            boolean capacity = row.hasNonNull("unitsPerWeek");
            if (planned != expected || (!capacity && expected == 0)) {
                out.add(key + " plans " + planned + " units but the caller may see " + expected);
            }
        }
        return out;
    }

    private List<String> foreignQuestions(Caller c, Reply reply) {
        Map<String, Question> all = new java.util.HashMap<>();
        for (Question q : allQuestions()) all.put(q.publicId(), q);
        List<String> out = new ArrayList<>();
        for (JsonNode row : reply.json().get("items")) {
            Question q = all.get(row.get("id").asText());
            if (q == null || !seesQuestion(c, q)) out.add("question " + row.get("id").asText());
        }
        return out;
    }

    /** Open questions per assigned organisation: exactly those the caller may see. */
    private List<String> wrongOpenCounts(Caller c, Reply reply) {
        Map<String, Long> expected = new TreeMap<>();
        for (Question q : allQuestions()) {
            if (q.status() == Question.Status.OPEN && seesQuestion(c, q)) expected.merge(q.assignedTo(), 1L, Long::sum);
        }
        Map<String, Long> got = new TreeMap<>();
        for (JsonNode row : reply.json().get("items")) got.put(row.get("organisation").asText(), row.get("count").asLong());
        return got.equals(expected) ? List.of() : List.of("open questions " + got + " but the caller may see " + expected);
    }

}
