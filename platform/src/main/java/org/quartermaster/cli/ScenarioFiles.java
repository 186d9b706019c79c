package org.quartermaster.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.quartermaster.planner.PlanInput;
import org.quartermaster.server.Json;

/**
 * Scenario files: the planner's whole input as one JSON object (the format is documented in
 * the README, "Scenario files"). Read strictly: an unknown field or a wrong type names itself.
 */
final class ScenarioFiles {
    private ScenarioFiles() {}

    static PlanInput read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("no scenario file at " + file);
        try (InputStream in = Files.newInputStream(file)) {
            com.fasterxml.jackson.databind.JsonNode tree = Json.MAPPER.readTree(in);
            if (tree == null || !tree.isObject()) throw new IllegalArgumentException("scenario " + file + " must be a JSON object");
            java.util.Set<String> fields = new java.util.TreeSet<>();
            for (var c : PlanInput.class.getRecordComponents()) fields.add(c.getName());
            for (var it = tree.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!fields.contains(name)) {
                    throw new IllegalArgumentException("scenario " + file + ": unknown field " + name + " (known: " + fields + ")");
                }
            }
            for (String name : fields) {
                if (!tree.has(name)) throw new IllegalArgumentException("scenario " + file + ": field " + name + " is missing");
            }
            return Json.MAPPER.treeToValue(tree, PlanInput.class);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new IllegalArgumentException("scenario " + file + " is not valid: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("scenario " + file + " is not valid: " + e.getMessage(), e);
        }
    }

    static void write(PlanInput input, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            Json.MAPPER.writeValue(out, input);
        }
    }
}
