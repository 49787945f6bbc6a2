package org.edgeai.model.experiment;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A parsed JSON document: an ordered tree (Jackson {@link ObjectNode}s keep member order) that can say
 * where each value was written. Built with Jackson's streaming {@link JsonParser}; strict JSON (no
 * comments, no trailing commas, no NaN, no duplicate keys).
 *
 * <p>Every error about the document is an {@link ExperimentFileException} of the form
 * {@code file:line:col: json.path: what was expected, what was got}; syntax errors carry Jackson's
 * location and the path of the value being read.
 *
 * <p>The tree is mutable only through {@link JsonOverrides}, which records where each replaced value came
 * from. Not thread-safe.
 */
public final class JsonDocument {

    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final ObjectNode root;
    private Locator locator;

    private JsonDocument(ObjectNode root, Locator locator) {
        this.root = root;
        this.locator = locator;
    }

    /**
     * Reads and parses a file (UTF-8). The origin used in messages is the file's name.
     *
     * @throws ExperimentFileException when the file cannot be read or is not a JSON object
     */
    public static JsonDocument parse(Path file) {
        String origin = String.valueOf(file.getFileName());
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new ExperimentFileException(origin, 0, 0, "", "cannot read the file: no such file " + file, e);
        } catch (CharacterCodingException e) {
            throw new ExperimentFileException(origin, 0, 0, "", "cannot read the file: it is not UTF-8 text", e);
        } catch (IOException e) {
            throw new ExperimentFileException(origin, 0, 0, "", "cannot read the file: " + e, e);
        }
        return parse(text, origin);
    }

    /**
     * Parses JSON text whose top level must be an object.
     *
     * @param origin the name used in messages (a file name, or e.g. {@code <clipboard>})
     * @throws ExperimentFileException for syntax errors and for a top level that is not an object
     */
    public static JsonDocument parse(String text, String origin) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte order mark is not JSON, but editors write it
        }
        Builder b = new Builder(origin);
        JsonNode root;
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new ExperimentFileException(origin, 1, 1, "", "expected a JSON object, got an empty file");
            }
            if (t != JsonToken.START_OBJECT) {
                JsonLocation l = p.currentTokenLocation();
                throw new ExperimentFileException(origin, l.getLineNr(), l.getColumnNr(), "",
                        "expected a JSON object ({ ... }), got " + describeToken(t, p));
            }
            root = b.read(p, t);
            if (p.nextToken() != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new ExperimentFileException(origin, l.getLineNr(), l.getColumnNr(), "",
                        "unexpected text after the end of the JSON object");
            }
        } catch (JsonParseException | StreamConstraintsException e) {
            JsonLocation l = e.getLocation();
            String message = e.getOriginalMessage();
            int nl = message.indexOf('\n');
            if (nl >= 0) {
                message = message.substring(0, nl);
            }
            String path = e instanceof JsonParseException jpe && jpe.getProcessor() != null
                    ? pathOf(jpe.getProcessor().getParsingContext()) : b.currentPath();
            throw new ExperimentFileException(origin, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(),
                    path, "invalid JSON: " + message, e);
        } catch (IOException e) {
            throw new ExperimentFileException(origin, 0, 0, "", "cannot read the JSON: " + e.getMessage(), e);
        }
        return new JsonDocument((ObjectNode) root, new Locator(origin, text));
    }

    /** A document over a tree made in code (no positions: errors name only the origin and the path). */
    public static JsonDocument of(ObjectNode root, String origin) {
        return new JsonDocument(root, Locator.none(origin));
    }

    /** The name used in messages: the file name, or the origin given to {@link #parse(String, String)}. */
    public String origin() {
        return locator.origin();
    }

    /** The document's top-level object. Change it only through {@link JsonOverrides}, so locations stay right. */
    public ObjectNode root() {
        return root;
    }

    /** The whole document as a {@link Section} at the empty path. */
    public Section rootSection() {
        return new Section("", root, locator);
    }

    /** The top-level member {@code key} as a section, if it is an object; {@code null} when absent or null. */
    public Section section(String key) {
        return rootSection().section(key).orElse(null);
    }

    /** Where the value at {@code path} was written (or its nearest ancestor, for a missing value). */
    public SourceLocation location(String path) {
        return locator.value(path);
    }

    /** An error about the value at {@code path}, located. */
    public ExperimentFileException error(String path, String problem) {
        return new ExperimentFileException(locator.value(path), path, problem);
    }

    Locator locator() {
        return locator;
    }

    void recordOverride(String path, SourceLocation at) {
        locator = locator.withOverride(path, at);
    }

    /** Builds the tree while tracking the path of the value being read (for syntax-error messages). */
    private static final class Builder {
        private final String origin;
        private final Deque<String> paths = new ArrayDeque<>();

        Builder(String origin) {
            this.origin = origin;
        }

        String currentPath() {
            return paths.isEmpty() ? "" : paths.peek();
        }

        JsonNode read(JsonParser p, JsonToken t) throws IOException {
            JsonNodeFactory f = JsonNodeFactory.instance;
            switch (t) {
                case START_OBJECT: {
                    ObjectNode o = f.objectNode();
                    String base = currentPath();
                    JsonToken k;
                    while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        paths.push(JsonPath.key(base, name));
                        o.set(name, read(p, p.nextToken()));
                        paths.pop();
                    }
                    return o;
                }
                case START_ARRAY: {
                    ArrayNode a = f.arrayNode();
                    String base = currentPath();
                    JsonToken e;
                    int i = 0;
                    while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                        paths.push(JsonPath.index(base, i++));
                        a.add(read(p, e));
                        paths.pop();
                    }
                    return a;
                }
                case VALUE_STRING:
                    return f.textNode(p.getText());
                case VALUE_NUMBER_INT:
                    return switch (p.getNumberType()) {
                        case INT, LONG -> LongNode.valueOf(p.getLongValue());
                        default -> BigIntegerNode.valueOf(p.getBigIntegerValue());
                    };
                case VALUE_NUMBER_FLOAT: {
                    double d = p.getDoubleValue();
                    if (!Double.isFinite(d)) {
                        JsonLocation l = p.currentTokenLocation();
                        throw new ExperimentFileException(origin, l.getLineNr(), l.getColumnNr(), currentPath(),
                                "number out of range: " + p.getText());
                    }
                    return DoubleNode.valueOf(d);
                }
                case VALUE_TRUE:
                    return f.booleanNode(true);
                case VALUE_FALSE:
                    return f.booleanNode(false);
                case VALUE_NULL:
                    return f.nullNode();
                default:
                    JsonLocation l = p.currentTokenLocation();
                    throw new ExperimentFileException(origin, l.getLineNr(), l.getColumnNr(), currentPath(),
                            "invalid JSON: unexpected " + t);
            }
        }
    }

    private static String pathOf(JsonStreamContext ctx) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String s : parts) {
            sb.append(s);
        }
        return sb.length() > 0 && sb.charAt(0) == '.' ? sb.substring(1) : sb.toString();
    }

    private static String describeToken(JsonToken t, JsonParser p) throws IOException {
        return switch (t) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
            case VALUE_TRUE, VALUE_FALSE -> p.getText();
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }
}
