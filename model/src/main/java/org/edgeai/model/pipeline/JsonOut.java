package org.edgeai.model.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes JSON deterministically: keys in the order they were put (Jackson's {@code ObjectNode} keeps it),
 * two-space indentation, {@code \n} line ends on every platform, a final newline.
 */
public final class JsonOut {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonOut() {
    }

    /** The pretty-printed text. */
    public static String text(JsonNode node) {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(pp).writeValueAsString(node) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code node} to {@code file} in UTF-8. */
    public static void write(Path file, JsonNode node) throws IOException {
        Files.writeString(file, text(node), StandardCharsets.UTF_8);
    }
}
