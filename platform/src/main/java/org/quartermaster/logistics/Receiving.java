package org.quartermaster.logistics;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quartermaster.access.Permissions;
import org.quartermaster.access.model.Action;
import org.quartermaster.logistics.ShipmentEvents.DiscrepancyReported;
import org.quartermaster.logistics.ShipmentEvents.LineRated;
import org.quartermaster.logistics.ShipmentEvents.ShipmentReceived;
import org.quartermaster.logistics.model.Discrepancy;
import org.quartermaster.logistics.model.DiscrepancyKind;
import org.quartermaster.logistics.model.Receipt;
import org.quartermaster.logistics.model.ReceiptRules;
import org.quartermaster.logistics.model.Shares;
import org.quartermaster.logistics.model.Shipment;
import org.quartermaster.logistics.model.ShipmentStatus;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.Checks;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.Limits;
import org.quartermaster.shared.Refused;
import org.quartermaster.store.Tx;

/** The receiving end: signed receipts, discrepancies with their files, ratings. Used by {@link Logistics}. */
final class Receiving {
    private final Logistics l;
    private final List<DeliveryListener> listeners;

    Receiving(Logistics logistics, List<DeliveryListener> listeners) {
        this.l = logistics;
        this.listeners = listeners;
    }

    /** A discrepancy checked and decoded, ready to store. */
    private record Checked(ReportDiscrepancy given, int line, DiscrepancyKind kind, long quantity, String note,
                           List<File> files) {}

    private record File(String name, String mediaType, byte[] content, String sha256) {}

    Receipt receive(String id, ConfirmReceipt c, Actor actor) {
        return l.db().write(actor, tx -> {
            Shipment s = l.loadVisible(tx, id);
            String org = l.organisation(tx, "organisation", c.organisation(), tx.actor());
            String person = Logistics.person(c.person(), tx.actor());
            Permissions.requireWrite(tx.actor(), org, Set.of(), Action.RECEIVE);
            if (!org.equals(s.receiver())) {
                throw new Refused("not-receiver", "organisation", org + " is not the receiver (" + s.receiver() + ")");
            }
            if (s.status() == ShipmentStatus.RECEIVED) {
                throw new Refused("already-received", null, "shipment " + s.publicId() + " is already received");
            }
            // the custody rules first (a receipt out of order is a 409 whatever it says); all rolls back on a later refusal
            l.moveForReceipt(tx, s, org, person);
            Map<Integer, Long> received = receivedLines(s, c.lines());
            List<ReportDiscrepancy> given = c.discrepancies() == null ? List.of() : c.discrepancies();
            Checks.sizeAtMost("discrepancies", given, Logistics.DISCREPANCIES_MAX);
            List<Checked> checked = new ArrayList<>();
            for (int i = 0; i < given.size(); i++) checked.add(check("discrepancies[" + i + "]", s, given.get(i)));
            for (int i = 0; i < s.lines().size(); i++) {
                Shipment.Line line = s.lines().get(i);
                List<Long> reported = checked.stream().filter(d -> d.line() == line.no()).map(Checked::quantity).toList();
                String broken = ReceiptRules.check(line.shippedQuantity(), received.get(line.no()), reported);
                if (broken != null) throw new InvalidField("lines[" + i + "].received", broken);
            }
            List<Map<String, Object>> docLines = new ArrayList<>();
            for (Shipment.Line line : s.lines()) {
                long q = received.get(line.no());
                countOnce(tx, s, line, q);
                docLines.add(Map.of("line", line.no(), "item", line.item(), "fulfils",
                        Map.of("kind", line.fulfils().kind().name(), "id", line.fulfils().id()),
                        "shipped", line.shippedQuantity(), "received", q));
            }
            List<Map<String, Object>> docDiscrepancies = new ArrayList<>();
            for (Checked d : checked) {
                store(tx, s, d, org, person);
                docDiscrepancies.add(Map.of("line", d.line(), "kind", d.kind().name(), "quantity", d.quantity(),
                        "sha256", d.files().stream().map(File::sha256).toList()));
            }
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("shipment", s.publicId());
            document.put("receiver", org);
            document.put("person", person);
            document.put("signedAt", tx.now().toString());
            document.put("lines", docLines);
            document.put("discrepancies", docDiscrepancies);
            String text = Logistics.canonical(document);
            String[] signed = l.sign(tx, org, text);
            Receipt receipt = new Receipt(s.publicId(), org, person, text, signed[0], tx.now());
            l.table.insertReceipt(tx.handle(), s.key(), receipt);
            l.journal().record(tx, "ShipmentReceived", s.publicId(), new ShipmentReceived(s.publicId(), org, person,
                    text, signed[0], Receipt.ALGORITHM, signed[1]));
            return receipt;
        });
    }

    /** Counts a line's received units once and rolls them up to the needs and the fulfilled commitment. */
    private void countOnce(Tx tx, Shipment s, Shipment.Line line, long received) {
        l.table.received(tx.handle(), s.key(), line.no(), received);
        List<Shares.Share> split = Shares.split(received, line.needs().stream()
                .map(n -> new Shares.Share(n.need(), n.quantity())).toList());
        List<DeliveryListener.NeedDelivery> deliveries = new ArrayList<>();
        for (Shares.Share share : split) {
            l.table.needDelivered(tx.handle(), s.key(), line.no(), share.need(), share.quantity());
            if (share.quantity() > 0) deliveries.add(new DeliveryListener.NeedDelivery(share.need(), share.quantity()));
        }
        if (received == 0) return;
        for (DeliveryListener listener : listeners) {
            listener.received(tx, s.publicId(), line.no(), line.fulfils(), received, deliveries);
        }
    }

    private static Map<Integer, Long> receivedLines(Shipment s, List<ConfirmReceipt.Received> given) {
        Checks.required("lines", given);
        Checks.sizeAtMost("lines", given, Logistics.LINES_MAX);
        Map<Integer, Long> out = new HashMap<>();
        Set<Integer> known = new java.util.HashSet<>();
        for (Shipment.Line line : s.lines()) known.add(line.no());
        for (int i = 0; i < given.size(); i++) {
            String field = "lines[" + i + "]";
            ConfirmReceipt.Received r = Checks.required(field, given.get(i));
            int no = Checks.required(field + ".line", r.line());
            if (!known.contains(no)) throw new InvalidField(field + ".line", "names no line of this shipment");
            if (out.containsKey(no)) throw new InvalidField(field + ".line", "is listed twice");
            out.put(no, Checks.notNegative(field + ".received", Checks.required(field + ".received", r.received())));
        }
        for (Shipment.Line line : s.lines()) {
            if (!out.containsKey(line.no())) {
                throw new InvalidField("lines", "must confirm every line; line " + line.no() + " is missing");
            }
        }
        return out;
    }

    private static Checked check(String field, Shipment s, ReportDiscrepancy d) {
        Checks.required(field, d);
        int no = Checks.required(at(field, "line"), d.line());
        if (s.lines().stream().noneMatch(x -> x.no() == no)) {
            throw new InvalidField(at(field, "line"), "names no line of this shipment");
        }
        DiscrepancyKind kind;
        try {
            kind = DiscrepancyKind.valueOf(d.kind() == null ? "" : d.kind());
        } catch (IllegalArgumentException e) {
            throw new InvalidField(at(field, "kind"), "must be one of SHORT, DAMAGED, WRONG_ITEM, UNSERVICEABLE");
        }
        long quantity = Checks.atMost(at(field, "quantity"), Checks.positive(at(field, "quantity"),
                Checks.required(at(field, "quantity"), d.quantity())), Limits.QUANTITY_MAX);
        String note = Checks.optionalText(at(field, "note"), d.note(), Limits.TEXT_LENGTH_MAX);
        List<ReportDiscrepancy.Attachment> given = d.attachments() == null ? List.of() : d.attachments();
        Checks.sizeAtMost(at(field, "attachments"), given, Logistics.ATTACHMENTS_MAX);
        List<File> files = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) files.add(file(at(field, "attachments[" + i + "]"), given.get(i)));
        return new Checked(d, no, kind, quantity, note, files);
    }

    private static File file(String field, ReportDiscrepancy.Attachment a) {
        Checks.required(field, a);
        String name = Checks.text(at(field, "name"), a.name(), Limits.NAME_LENGTH_MAX);
        String type = Checks.matches(at(field, "mediaType"), a.mediaType(),
                java.util.regex.Pattern.compile("[a-z]+/[a-z0-9.+-]{1,100}"), "image/jpeg");
        byte[] content;
        try {
            content = Base64.getDecoder().decode(Checks.required(at(field, "contentBase64"), a.contentBase64()));
        } catch (IllegalArgumentException e) {
            throw new InvalidField(at(field, "contentBase64"), "must be base64");
        }
        if (content.length == 0) throw new InvalidField(at(field, "contentBase64"), "must not be empty");
        if (content.length > Logistics.ATTACHMENT_BYTES_MAX) {
            throw new InvalidField(at(field, "contentBase64"), "must be at most " + Logistics.ATTACHMENT_BYTES_MAX + " bytes");
        }
        return new File(name, type, content, sha256(content));
    }

    private static String at(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private Discrepancy store(Tx tx, Shipment s, Checked d, String org, String person) {
        Discrepancy draft = new Discrepancy(0, d.line(), d.kind(), d.quantity(), d.note(), org, person, tx.now(), List.of());
        long key = l.table.insertDiscrepancy(tx.handle(), s.key(), draft);
        for (File f : d.files()) l.table.insertAttachment(tx.handle(), key, f.name(), f.mediaType(), f.content(), f.sha256());
        l.journal().record(tx, "DiscrepancyReported", s.publicId(), new DiscrepancyReported(s.publicId(), d.line(),
                d.kind().name(), d.quantity(), d.note(), d.files().stream().map(File::sha256).toList()));
        return l.table.discrepancies(tx.handle(), s.key()).stream().filter(x -> x.key() == key).findFirst().orElseThrow();
    }

    Discrepancy report(String id, ReportDiscrepancy c, Actor actor) {
        return l.db().write(actor, tx -> {
            Shipment s = l.loadVisible(tx, id);
            String org = l.organisation(tx, "organisation", c.organisation(), tx.actor());
            String person = Logistics.person(c.person(), tx.actor());
            Permissions.requireWrite(tx.actor(), org, Set.of(), Action.RECEIVE);
            if (!org.equals(s.receiver())) {
                throw new Refused("not-receiver", "organisation", org + " is not the receiver (" + s.receiver() + ")");
            }
            if (s.status() != ShipmentStatus.RECEIVED) {
                throw new Refused("not-received", null, "report discrepancies with the receipt, or after it");
            }
            Checked d = check("", s, c);
            Shipment.Line line = s.lines().stream().filter(x -> x.no() == d.line()).findFirst().orElseThrow();
            long before = l.table.discrepancies(tx.handle(), s.key()).stream().filter(x -> x.line() == d.line())
                    .mapToLong(Discrepancy::quantity).sum();
            List<Long> reported = List.of(before, d.quantity()).stream().filter(q -> q > 0).toList();
            String broken = ReceiptRules.check(line.shippedQuantity(), line.receivedQuantity(), reported);
            if (broken != null) throw new InvalidField("quantity", broken);
            return store(tx, s, d, org, person);
        });
    }

    Shipment rate(String id, int lineNo, RateLine c, Actor actor) {
        return l.db().write(actor, tx -> {
            Shipment s = l.loadVisible(tx, id);
            String org = l.organisation(tx, "organisation", c.organisation(), tx.actor());
            String person = Logistics.person(c.person(), tx.actor());
            Permissions.requireWrite(tx.actor(), org, Set.of(), Action.RECEIVE);
            if (!org.equals(s.receiver())) {
                throw new Refused("not-receiver", "organisation", "only the receiver " + s.receiver() + " rates the goods");
            }
            if (s.status() != ShipmentStatus.RECEIVED) throw new Refused("not-received", null, "rate a line after its receipt");
            if (s.lines().stream().noneMatch(x -> x.no() == lineNo)) throw new org.quartermaster.shared.NotFound("line", lineNo);
            int rating = Checks.required("rating", c.rating());
            if (rating < 1 || rating > 5) throw new InvalidField("rating", "must be 1 to 5");
            String comment = Checks.optionalText("comment", c.comment(), Limits.TEXT_LENGTH_MAX);
            if (!l.table.rate(tx.handle(), s.key(), lineNo, rating, comment, person, tx.now())) {
                throw new Refused("already-rated", null, "line " + lineNo + " is already rated");
            }
            l.journal().record(tx, "LineRated", s.publicId(), new LineRated(s.publicId(), lineNo, rating, comment, person));
            return l.table.byKey(tx.handle(), s.key()).orElseThrow();
        });
    }
}
