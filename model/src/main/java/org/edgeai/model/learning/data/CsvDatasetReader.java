package org.edgeai.model.learning.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Reads a classification data set from delimited text: one sample per line, numeric features and one
 * label column.
 *
 * <ul>
 *   <li>Delimiter: a comma; when the first line holds no comma outside double quotes but a tab or a
 *       semicolon, that character.
 *       Fields may be wrapped in double quotes (a doubled quote inside stands for one quote); spaces around
 *       fields are ignored. Blank lines and lines starting with {@code #} are skipped.</li>
 *   <li>{@code labelColumn} counts from 0, or from the end when negative ({@code -1} is the last column).</li>
 *   <li>{@code header}: the first non-skipped line holds column names; feature names are taken from it.</li>
 *   <li>Labels are integers or strings. When every label parses as an integer, classes are the distinct
 *       values in increasing numeric order (labels 0..9 stay 0..9; labels -1, 1 become 0, 1); otherwise
 *       the distinct strings in increasing {@link String#compareTo} order. The order therefore does not
 *       depend on the order of the rows. {@link Dataset#classNames()} holds the labels as written
 *       (integers in canonical form).</li>
 *   <li>Features must be finite numbers in Java's {@link Double#parseDouble} syntax; they are stored as float.</li>
 *   <li>A path ending in {@code .gz} is decompressed.</li>
 * </ul>
 *
 * <p>Every problem is reported as a {@link DatasetFormatException} naming the file, the line and what was
 * expected (e.g. "expected 65 fields like line 1, got 64", "field 3: expected a number, got 'abc'").
 * Time and memory O(file size).
 */
public final class CsvDatasetReader {

    private CsvDatasetReader() {
    }

    /**
     * Reads {@code path} resolved against {@code baseDirectory} (an absolute {@code path} is used as is).
     *
     * @throws IllegalArgumentException naming the resolved path when the file does not exist
     * @throws DatasetFormatException   for malformed content
     */
    public static Dataset read(Path baseDirectory, String path, int labelColumn, boolean header) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("dataset.path: expected a file name, got nothing");
        }
        Path p = baseDirectory == null ? Path.of(path) : baseDirectory.resolve(path);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("dataset.path: file not found: " + p.toAbsolutePath().normalize()
                    + (baseDirectory == null ? "" : " ('" + path + "' relative to " + baseDirectory.toAbsolutePath().normalize() + ")"));
        }
        try (InputStream in = Files.newInputStream(p)) {
            return read(p.getFileName().toString(), in, labelColumn, header);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads from a stream; {@code sourceName} names the data set and appears in error messages (a name
     * ending in {@code .gz} is decompressed). The stream is not closed.
     */
    public static Dataset read(String sourceName, InputStream in, int labelColumn, boolean header) throws IOException {
        InputStream src = sourceName.endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
        BufferedReader r = new BufferedReader(new InputStreamReader(src, StandardCharsets.UTF_8), 1 << 16);
        String name = sourceName.replaceFirst("\\.gz$", "").replaceFirst("\\.(csv|tsv|txt)$", "");

        char delim = 0;
        int columns = -1;
        int labelIndex = -1;
        int firstDataLine = 0;
        List<String> headerNames = null;
        float[] x = new float[1 << 12];
        int xLen = 0;
        List<String> rawLabels = new ArrayList<>();
        String line;
        int lineNo = 0;
        boolean expectHeader = header;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1); // byte-order mark
            }
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (delim == 0) {
                delim = detectDelimiter(t);
            }
            List<String> fields = split(t, delim, sourceName, lineNo);
            if (columns < 0) {
                columns = fields.size();
                firstDataLine = lineNo;
                if (columns < 2) {
                    throw new DatasetFormatException(sourceName, lineNo, "expected at least 2 fields (features and a label)"
                            + " separated by '" + printable(delim) + "', got " + columns);
                }
                labelIndex = labelColumn < 0 ? columns + labelColumn : labelColumn;
                if (labelIndex < 0 || labelIndex >= columns) {
                    throw new IllegalArgumentException("dataset.labelColumn: expected an index in [" + (-columns) + ", "
                            + (columns - 1) + "] for " + sourceName + " with " + columns + " fields per line, got " + labelColumn);
                }
            } else if (fields.size() != columns) {
                throw new DatasetFormatException(sourceName, lineNo, "expected " + columns + " fields like line "
                        + firstDataLine + ", got " + fields.size());
            }
            if (expectHeader) {
                expectHeader = false;
                headerNames = new ArrayList<>(fields);
                continue;
            }
            if (xLen + columns - 1 > x.length) {
                x = java.util.Arrays.copyOf(x, Math.max(x.length * 2, xLen + columns));
            }
            for (int c = 0; c < columns; c++) {
                String v = fields.get(c);
                if (c == labelIndex) {
                    if (v.isEmpty()) {
                        throw new DatasetFormatException(sourceName, lineNo, "field " + (c + 1) + " (the label): expected a label, got an empty field");
                    }
                    rawLabels.add(v);
                    continue;
                }
                double d;
                try {
                    d = Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    throw new DatasetFormatException(sourceName, lineNo, "field " + (c + 1)
                            + (headerNames != null ? " ('" + headerNames.get(c) + "')" : "")
                            + ": expected a number, got '" + v + "'");
                }
                if (!Double.isFinite(d) || Math.abs(d) > Float.MAX_VALUE) {
                    throw new DatasetFormatException(sourceName, lineNo, "field " + (c + 1)
                            + ": expected a finite number, got '" + v + "'");
                }
                x[xLen++] = (float) d;
            }
        }
        if (columns < 0 || rawLabels.isEmpty()) {
            throw new DatasetFormatException(sourceName, 0, "expected at least one data line, found none");
        }
        int n = rawLabels.size();
        int f = columns - 1;

        // Class indices: numeric order when all labels are integers, else string order.
        boolean allInts = true;
        for (String s : rawLabels) {
            if (!isInteger(s)) {
                allInts = false;
                break;
            }
        }
        int[] labels = new int[n];
        List<String> classNames = new ArrayList<>();
        if (allInts) {
            TreeMap<Long, Integer> ids = new TreeMap<>();
            for (String s : rawLabels) {
                ids.put(Long.parseLong(stripPlus(s)), 0);
            }
            int k = 0;
            for (var e : ids.entrySet()) {
                e.setValue(k++);
                classNames.add(Long.toString(e.getKey()));
            }
            for (int i = 0; i < n; i++) {
                labels[i] = ids.get(Long.parseLong(stripPlus(rawLabels.get(i))));
            }
        } else {
            TreeMap<String, Integer> ids = new TreeMap<>();
            for (String s : rawLabels) {
                ids.put(s, 0);
            }
            int k = 0;
            for (var e : ids.entrySet()) {
                e.setValue(k++);
                classNames.add(e.getKey());
            }
            for (int i = 0; i < n; i++) {
                labels[i] = ids.get(rawLabels.get(i));
            }
        }
        if (classNames.size() < 2) {
            throw new DatasetFormatException(sourceName, 0, "expected at least 2 distinct labels in field "
                    + (labelIndex + 1) + ", found only '" + classNames.get(0) + "'");
        }
        List<String> featureNames = null;
        if (headerNames != null) {
            featureNames = new ArrayList<>(headerNames);
            featureNames.remove(labelIndex);
        }
        return Dataset.classification(name, java.util.Arrays.copyOf(x, xLen), f, labels, classNames.size(),
                featureNames, classNames);
    }

    /** A comma, unless the line holds none outside double quotes but a tab or a semicolon. */
    static char detectDelimiter(String line) {
        boolean quoted = false;
        int tabs = 0;
        int semis = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == ',') {
                    return ',';
                }
                tabs += c == '\t' ? 1 : 0;
                semis += c == ';' ? 1 : 0;
            }
        }
        return tabs > 0 ? '\t' : semis > 0 ? ';' : ',';
    }

    private static String stripPlus(String s) {
        return s.startsWith("+") ? s.substring(1) : s;
    }

    private static boolean isInteger(String s) {
        int i = (s.startsWith("-") || s.startsWith("+")) ? 1 : 0;
        if (i == s.length() || s.length() - i > 18) {
            return false;
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String printable(char c) {
        return c == '\t' ? "\\t" : String.valueOf(c);
    }

    /** Splits one line; fields are stripped; double-quoted fields may contain the delimiter. */
    static List<String> split(String line, char delim, String source, int lineNo) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int len = line.length();
        while (true) {
            while (i < len && line.charAt(i) == ' ') {
                i++;
            }
            if (i < len && line.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < len) {
                    char c = line.charAt(i);
                    if (c == '"') {
                        if (i + 1 < len && line.charAt(i + 1) == '"') {
                            sb.append('"');
                            i += 2;
                            continue;
                        }
                        closed = true;
                        i++;
                        break;
                    }
                    sb.append(c);
                    i++;
                }
                if (!closed) {
                    throw new DatasetFormatException(source, lineNo, "field " + (out.size() + 1)
                            + ": expected a closing double quote, got the end of the line");
                }
                while (i < len && line.charAt(i) == ' ') {
                    i++;
                }
                if (i < len && line.charAt(i) != delim) {
                    throw new DatasetFormatException(source, lineNo, "field " + (out.size() + 1)
                            + ": expected '" + printable(delim) + "' after a quoted value, got '" + line.charAt(i) + "'");
                }
                out.add(sb.toString().strip());
            } else {
                int j = line.indexOf(delim, i);
                int end = j < 0 ? len : j;
                out.add(line.substring(i, end).strip());
                i = end;
            }
            if (i >= len) {
                break;
            }
            i++; // the delimiter
            if (i == len) {
                out.add(""); // trailing delimiter: an empty last field
                break;
            }
        }
        return out;
    }
}
