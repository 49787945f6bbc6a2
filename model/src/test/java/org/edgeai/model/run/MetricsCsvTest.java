package org.edgeai.model.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCsvTest {

    @TempDir
    Path dir;

    @Test
    void numbersAreShortestRoundTripTextAndNaNIsEmpty() {
        assertEquals("0.1", MetricsCsv.number(0.1));
        assertEquals("2.302585092994046", MetricsCsv.number(Math.log(10)));
        assertEquals("1e-5", MetricsCsv.number(1e-5));
        assertEquals("1.5e10", MetricsCsv.number(1.5e10));
        assertEquals("4.0", MetricsCsv.number(4));
        assertEquals("", MetricsCsv.number(Double.NaN));
        assertEquals("inf", MetricsCsv.number(Double.POSITIVE_INFINITY));
        assertEquals("-inf", MetricsCsv.number(Double.NEGATIVE_INFINITY));
        for (double v : new double[] {Math.PI, 1e-300, 123456.789, -0.5}) {
            assertEquals(v, Double.parseDouble(MetricsCsv.number(v)));
        }
    }

    @Test
    void extraColumnsAppearInFirstSeenOrderAndEarlierRowsGetEmptyCells() throws IOException {
        Path f = dir.resolve("metrics.csv");
        try (MetricsCsv m = MetricsCsv.open(f)) {
            assertEquals(List.of(MetricsCsv.HEADER), Files.readAllLines(f));
            m.add(0, 0, 0, Map.of("loss", 2.0, "accuracy", 0.5, "consensus_error", 0.0));
            Map<String, Double> v = new LinkedHashMap<>();
            v.put("skipped", 3.0);
            v.put("loss", 1.0);
            m.add(1, 0.25, 640, v);
            // rows are on disk as soon as they are added
            assertEquals(List.of(MetricsCsv.HEADER + ",skipped", "0,0,0,2.0,0.5,0.0,", "1,0.25,640,1.0,,,3.0"),
                    Files.readAllLines(f));
            Map<String, Double> w = new LinkedHashMap<>();
            w.put("z", 1.0);
            w.put("a", Double.NaN);
            w.put("skipped", 4.0);
            m.add(2, 1e-9, 1280, w);
            assertEquals(List.of("skipped", "z", "a"), m.extraColumns());
        }
        assertEquals(List.of(MetricsCsv.HEADER + ",skipped,z,a", "0,0,0,2.0,0.5,0.0,,,", "1,0.25,640,1.0,,,3.0,,",
                "2,0.000000001,1280,,,,4.0,1.0,"), Files.readAllLines(f));
        assertEquals('\n', Files.readString(f).charAt(Files.readString(f).length() - 1));
        assertEquals(-1, Files.readString(f).indexOf('\r'));
    }

    @Test
    void metricNamesThatWouldBreakTheCsvAreRefused() {
        try (MetricsCsv m = MetricsCsv.open(dir.resolve("m.csv"))) {
            assertThrows(IllegalArgumentException.class, () -> m.add(0, 0, 0, Map.of("a,b", 1.0)));
        }
    }
}
