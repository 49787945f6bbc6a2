package org.edgeai.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The {@code bench} command's interface. The benchmarks themselves take minutes and are not timed in tests
 * (HELPERS.md: speed is checked by benchmarks, never by timed unit tests); here: names, options, the end-to-end
 * runs' report while their algorithms are missing, and the memory line.
 */
class BenchCommandTest {

    @Test
    void endToEndRunsReportAMissingAlgorithmCleanly() {
        RunCommandTest.Result r = RunCommandTest.cli("bench", "dsgd-er1000", "gossip-1m", "--reps", "1", "--warmup", "0");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("benchmarks: dsgd-er1000, gossip-1m; median of 1 after 0 warm-up"), r.out());
        assertTrue(lines.get(1).matches("BENCH +CASE +MEDIAN +UNIT +NOTE"), lines.get(1));
        for (String[] want : new String[][] {{"dsgd-er1000", "dsgd"}, {"gossip-1m", "gossip-avg"}}) {
            String row = lines.stream().filter(l -> l.startsWith(want[0] + " ")).findFirst().orElseThrow();
            // unless the algorithm is installed, the row says so instead of a figure
            boolean installed = Workspace.standard().algorithms().find(want[1]).isPresent();
            assertTrue(installed ? row.contains("rounds/s") : row.contains("algorithm not available: '" + want[1] + "'"), row);
        }
        assertTrue(lines.get(lines.size() - 1).matches("peak memory: (max resident \\d+\\.\\d\\d GB \\(VmHWM\\), )?"
                + "heap pools' peaks summed \\d+\\.\\d\\d GB"), lines.get(lines.size() - 1));
    }

    @Test
    void unknownNamesAndBadCountsAreUserErrors() {
        RunCommandTest.Result r = RunCommandTest.cli("bench", "gossip");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown benchmark 'gossip'") && r.err().contains("generators, topology-info, engine, "
                + "learning, dsgd-er1000, gossip-1m"), r.err());
        r = RunCommandTest.cli("bench", "engine", "--reps", "0");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--reps"), r.err());
        r = RunCommandTest.cli("bench", "engine", "--warmup", "-1");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--warmup"), r.err());
    }

    @Test
    void mediansOfOddAndEvenCounts() {
        assertEquals(2.0, BenchCommand.median(new double[] {3, 1, 2}));
        assertEquals(2.5, BenchCommand.median(new double[] {4, 1, 3, 2}));
        assertEquals(7.0, BenchCommand.median(new double[] {7}));
    }
}
