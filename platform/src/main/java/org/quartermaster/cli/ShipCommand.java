package org.quartermaster.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.quartermaster.Quartermaster;
import org.quartermaster.logistics.model.CustodyEvent;
import org.quartermaster.logistics.model.ReceiptSignatures;
import org.quartermaster.logistics.model.Shipment;
import org.quartermaster.server.Json;
import org.quartermaster.shared.Actor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code qm ship ...}: the shipment board, one shipment's custody chain, and offline receipt verification. */
@Command(name = "ship", mixinStandardHelpOptions = true, description = "Shipments: board, show, verify-receipt.",
        subcommands = {ShipCommand.Board.class, ShipCommand.Show.class, ShipCommand.VerifyReceipt.class})
final class ShipCommand implements Runnable {
    static final Path DATA = Path.of("qm-data");
    /** A receipt file is a small JSON document; anything larger is not one. */
    static final long RECEIPT_BYTES_MAX = 1 << 20;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** {@code qm ship board}: shipments per status and overdue. */
    @Command(name = "board", mixinStandardHelpOptions = true, description = "Print shipments per status and overdue.")
    static final class Board implements Callable<Integer> {
        @Mixin StoreOptions store;

        @Override
        public Integer call() {
            try (Quartermaster app = store.platform(DATA)) {
                app.logistics().board(Actor.SYSTEM).forEach((status, count) -> System.out.printf("%-11s %8d%n", status, count));
            }
            return 0;
        }
    }

    /** {@code qm ship show SH-000001}: route, lines and custody chain. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print a shipment and its custody chain.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "shipment id, e.g. SH-000001") String id;
        @Mixin StoreOptions store;

        @Override
        public Integer call() {
            try (Quartermaster app = store.platform(DATA)) {
                Shipment s = app.logistics().get(Actor.SYSTEM, id);
                System.out.printf("%s %s -> %s, %s, held by %s: %s%n", s.publicId(), s.owner(), s.receiver(), s.status(),
                        s.position().holder(), String.join(" -> ", s.stopCodes()));
                for (Shipment.Line l : s.lines()) {
                    System.out.printf("  line %d: %d x %s for %s (shipped %d, received %d)%n", l.no(), l.quantity(),
                            l.item(), l.fulfils(), l.shippedQuantity(), l.receivedQuantity());
                }
                for (CustodyEvent e : app.logistics().custody(Actor.SYSTEM, id)) {
                    System.out.printf("  %2d %s %-14s %-10s %s (%s)%s%n", e.seq(), e.occurredAt(), e.kind(), e.location(),
                            e.person(), e.organisation(), e.to() == null ? "" : " -> " + e.to());
                }
            }
            return 0;
        }
    }

    /**
     * {@code qm ship verify-receipt --receipt R.json --key KEY}: checks a receipt as served by
     * {@code GET /api/v1/shipments/{id}/receipt} against the receiver's public key (base64, as
     * served by {@code GET /api/v1/signing-keys/{org}}), with no database and no network.
     */
    @Command(name = "verify-receipt", mixinStandardHelpOptions = true,
            description = "Verify a signed receipt offline with the receiver's public key. Exit 0 valid, 1 not.")
    static final class VerifyReceipt implements Callable<Integer> {
        @Option(names = "--receipt", required = true, paramLabel = "FILE.json", description = "the receipt JSON")
        Path receipt;

        @Option(names = "--key", required = true, paramLabel = "KEY",
                description = "the receiver's public key: base64 X.509 DER, or a file holding it or the key JSON")
        String key;

        @Override
        public Integer call() throws Exception {
            JsonNode r = readJson(receipt, "--receipt");
            String document = text(r, "document", "--receipt");
            String signature = text(r, "signature", "--receipt");
            String publicKey = key;
            Path keyFile = Path.of(key.length() < 4096 ? key : ".");
            if (key.length() < 4096 && Files.isRegularFile(keyFile)) {
                String content = Files.readString(keyFile).strip();
                publicKey = content.startsWith("{") ? text(Json.MAPPER.readTree(content), "publicKey", "--key") : content;
            }
            boolean valid = ReceiptSignatures.verify(publicKey, document, signature);
            JsonNode doc = Json.MAPPER.readTree(document);
            System.out.printf("%s: receipt of %s signed by %s (%s) at %s%n", valid ? "VALID" : "INVALID",
                    doc.path("shipment").asText("?"), doc.path("person").asText("?"), doc.path("receiver").asText("?"),
                    doc.path("signedAt").asText("?"));
            return valid ? 0 : 1;
        }

        static JsonNode readJson(Path file, String option) throws java.io.IOException {
            if (!Files.isRegularFile(file)) throw new IllegalArgumentException(option + ": no such file " + file);
            if (Files.size(file) > RECEIPT_BYTES_MAX) throw new IllegalArgumentException(option + ": file too large");
            try {
                return Json.MAPPER.readTree(Files.readString(file));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(option + ": not JSON: " + e.getOriginalMessage());
            }
        }

        static String text(JsonNode node, String field, String option) {
            JsonNode v = node.get(field);
            if (v == null || !v.isTextual()) throw new IllegalArgumentException(option + ": has no \"" + field + "\" text");
            return v.asText();
        }
    }
}
