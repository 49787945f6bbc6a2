package org.edgeai.model.learning.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void readsIntegerLabelsInTheLastColumnRelativeToTheBase() throws IOException {
        write("data/x.csv", "1.5,2,0\n# a comment\n\n-3,4e-1,1\n0,0,1\n");
        Dataset d = CsvDatasetReader.read(dir, "data/x.csv", -1, false);
        assertEquals("x", d.name());
        assertEquals(3, d.size());
        assertEquals(2, d.featureCount());
        assertArrayEquals(new float[] {1.5f, 2f, -3f, 0.4f, 0f, 0f}, d.features());
        assertArrayEquals(new int[] {0, 1, 1}, d.labels());
        assertEquals(List.of("0", "1"), d.classNames());
        assertEquals(List.of(), d.featureNames());
    }

    @Test
    void integerLabelsAreOrderedNumerically() throws IOException {
        write("n.csv", "10,1\n2,2\n-1,3\n2,4\n+10,5\n");
        Dataset d = CsvDatasetReader.read(dir, "n.csv", 0, false);
        assertEquals(List.of("-1", "2", "10"), d.classNames());
        assertArrayEquals(new int[] {2, 1, 0, 1, 2}, d.labels());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5}, d.features());
    }

    @Test
    void stringLabelsAreOrderedAlphabeticallyWithHeaderNames() throws IOException {
        write("s.csv", "w,species,h\n1,versicolor,2\n3,setosa,4\n5,virginica,6\n7,setosa,8\n");
        Dataset d = CsvDatasetReader.read(dir, "s.csv", 1, true);
        assertEquals(List.of("setosa", "versicolor", "virginica"), d.classNames());
        assertArrayEquals(new int[] {1, 0, 2, 0}, d.labels());
        assertEquals(List.of("w", "h"), d.featureNames());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, d.features());
        // The same from the end.
        assertArrayEquals(d.labels(), CsvDatasetReader.read(dir, "s.csv", -2, true).labels());
    }

    @Test
    void quotedFieldsSemicolonsAndGzip() throws IOException {
        write("q.csv", "\"a, b\";lbl\n\"1.0\";\"x \"\"y\"\"\"\n2;z\n");
        Dataset d = CsvDatasetReader.read(dir, "q.csv", 1, true);
        assertEquals(List.of("a, b"), d.featureNames());
        assertEquals(List.of("x \"y\"", "z"), d.classNames());
        Path gz = dir.resolve("g.csv.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write("1,0\n2,1\n".getBytes(StandardCharsets.UTF_8));
        }
        Dataset g = CsvDatasetReader.read(dir, "g.csv.gz", -1, false);
        assertEquals("g", g.name());
        assertArrayEquals(new float[] {1, 2}, g.features());
    }

    @Test
    void wrongColumnCountNamesFileLineAndCounts() throws IOException {
        write("bad.csv", "1,2,0\n3,4,1\n5,6\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> CsvDatasetReader.read(dir, "bad.csv", -1, false));
        assertEquals("bad.csv:3: expected 3 fields like line 1, got 2", e.getMessage());
        assertEquals(3, e.line());
        assertEquals("bad.csv", e.source());
    }

    @Test
    void nonNumericValueNamesFieldAndValue() throws IOException {
        write("nn.csv", "x,y,label\n1,2,a\n3,oops,b\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> CsvDatasetReader.read(dir, "nn.csv", -1, true));
        assertEquals("nn.csv:3: field 2 ('y'): expected a number, got 'oops'", e.getMessage());
        write("inf.csv", "1,a\nInfinity,b\n");
        DatasetFormatException e2 = assertThrows(DatasetFormatException.class, () -> CsvDatasetReader.read(dir, "inf.csv", -1, false));
        assertTrue(e2.getMessage().startsWith("inf.csv:2: field 1: expected a finite number"), e2.getMessage());
    }

    @Test
    void otherProblemsAreReportedClearly() throws IOException {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> CsvDatasetReader.read(dir, "nope.csv", -1, false));
        assertTrue(missing.getMessage().contains("file not found") && missing.getMessage().contains("nope.csv"), missing.getMessage());

        write("one.csv", "1,0\n2,0\n");
        DatasetFormatException single = assertThrows(DatasetFormatException.class, () -> CsvDatasetReader.read(dir, "one.csv", -1, false));
        assertTrue(single.getMessage().contains("at least 2 distinct labels"), single.getMessage());

        write("lc.csv", "1,2,0\n3,4,1\n");
        IllegalArgumentException col = assertThrows(IllegalArgumentException.class, () -> CsvDatasetReader.read(dir, "lc.csv", 3, false));
        assertEquals("dataset.labelColumn: expected an index in [-3, 2] for lc.csv with 3 fields per line, got 3", col.getMessage());

        write("empty.csv", "# nothing\n\n");
        DatasetFormatException empty = assertThrows(DatasetFormatException.class, () -> CsvDatasetReader.read(dir, "empty.csv", -1, false));
        assertTrue(empty.getMessage().contains("at least one data line"), empty.getMessage());

        write("quote.csv", "\"1,0\n");
        DatasetFormatException quote = assertThrows(DatasetFormatException.class, () -> CsvDatasetReader.read(dir, "quote.csv", -1, false));
        assertTrue(quote.getMessage().startsWith("quote.csv:1: field 1: expected a closing double quote"), quote.getMessage());

        write("lbl.csv", "1,a\n2, \n");
        DatasetFormatException lbl = assertThrows(DatasetFormatException.class, () -> CsvDatasetReader.read(dir, "lbl.csv", -1, false));
        assertTrue(lbl.getMessage().startsWith("lbl.csv:2: field 2 (the label)"), lbl.getMessage());
    }
}
