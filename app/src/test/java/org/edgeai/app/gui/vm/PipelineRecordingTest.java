package org.edgeai.app.gui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.edgeai.app.gui.doc.EditorDocument;
import org.edgeai.app.gui.doc.EditorDocumentData;
import org.edgeai.app.gui.doc.ExperimentSettings;
import org.edgeai.app.gui.run.RunRecording;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.pipeline.PipelineResult;
import org.edgeai.model.pipeline.PipelineSpec;
import org.edgeai.model.pipeline.schedule.Phase;
import org.edgeai.model.pipeline.schedule.PhaseRow;
import org.edgeai.model.pipeline.schedule.Transfer;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;
import org.junit.jupiter.api.Test;

/** A pipeline's schedule turned into a recording for the animation and the timeline, without a toolkit. */
class PipelineRecordingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A chain s0 - s1 - ... of 1-GFLOP/s devices with links of {@code mbps} and {@code latencyMs}. */
    static Topology chain(int k, double mbps, double latencyMs) {
        Topology t = new Topology();
        for (int i = 0; i < k; i++) {
            t.putNode(new Node("s" + i, NodeKind.DEVICE, 1, 1024, 100 * i, 0, "", null));
        }
        for (int i = 0; i + 1 < k; i++) {
            t.putLink(new Link("s" + i, "s" + (i + 1), mbps, latencyMs, null));
        }
        return t;
    }

    /** K custom layers of 1e9 forward FLOPs per sample (1 s on a node, backward 2 s), 10 output elements each. */
    static Map<String, Object> section(int k, List<String> nodes, String schedule, int m) {
        List<Object> layers = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("type", "custom");
            l.put("forwardFlops", 1e9);
            l.put("params", 1000);
            l.put("outputElements", 10);
            layers.add(l);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("input", List.of(10));
        model.put("layers", layers);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("model", model);
        p.put("nodes", nodes);
        p.put("partitioner", "uniform");
        p.put("schedule", schedule);
        p.put("microBatches", m);
        p.put("microBatchSize", 1);
        return p;
    }

    static PipelineSpec spec(Map<String, Object> section) {
        return PipelineSpec.parse(JSON.valueToTree(section), "pipeline");
    }

    @Test
    void computationsCarryTheScheduleTimesMicroBatchAndPhase() {
        Topology t = chain(3, 100, 1);
        PipelineRecording p = PipelineRecording.run(spec(section(3, List.of("s0", "s1", "s2"), "gpipe", 4)), t);
        RunRecording rec = p.recording();
        PipelineResult r = p.result();
        List<PhaseRow> computeRows = r.rows().stream().filter(x -> x.phase() != Phase.SEND).toList();
        assertEquals(computeRows.size(), rec.computations());
        int[] k = new int[3];
        for (PhaseRow row : computeRows) {
            int v = Integer.parseInt(row.node().substring(1));
            int i = k[v]++;
            assertEquals(row.start(), rec.computeStart(v, i), 0);
            assertEquals(row.end(), rec.computeEnd(v, i), 0);
            assertEquals(row.microbatch(), p.computeMicrobatch(v, i));
            assertEquals(row.phase(), p.computePhase(v, i));
            assertEquals(row.stage(), p.computeStage(v, i));
        }
        // the GPipe closed form of the first stage's first forward and the last stage's first backward
        assertEquals(0, rec.computeStart(0, 0), 0);
        assertEquals(1, rec.computeEnd(0, 0), 0);
        assertEquals(Phase.FORWARD, p.computePhase(0, 0));
        assertEquals(0, p.computeMicrobatch(0, 0));
        assertEquals(9, rec.computeCount(0), "4 forwards, 4 backwards and 1 update on s0");
        assertEquals(List.of(0, 1, 2), java.util.Arrays.stream(p.rowNodes()).boxed().toList());
        assertEquals(1, rec.rounds().size(), "one round per minibatch");
        assertEquals(r.schedule().minibatchEnds()[0], rec.rounds().get(0).timeS(), 0);
        assertEquals(r.totalSeconds(), rec.frontier(), 0);
    }

    @Test
    void activationsAndGradientsBecomeHopsWithTheirExactTimes() {
        Topology t = chain(3, 100, 1);
        PipelineRecording p = PipelineRecording.run(spec(section(3, List.of("s0", "s1", "s2"), "gpipe", 4)), t);
        RunRecording rec = p.recording();
        List<Transfer> transfers = p.result().schedule().transfers();
        assertEquals(16, transfers.size(), "2 boundaries x 4 micro-batches x (activation + gradient)");
        assertEquals(transfers.size(), rec.hopCount(), "neighbours: one hop per message");
        int activations = 0;
        for (int h = 0; h < rec.hopCount(); h++) {
            Transfer x = transfers.get(p.hopTransfer(h));
            assertEquals(Integer.parseInt(x.from().substring(1)), rec.hopSrc(h));
            assertEquals(Integer.parseInt(x.to().substring(1)), rec.hopDst(h));
            assertEquals(320, rec.hopBits(h), "10 elements x 1 sample x 32 bits");
            assertEquals(x.start(), rec.hopSend(h), 0);
            assertEquals(x.arrival(), rec.hopArrive(h), 0);
            assertEquals(x.start() + 320 / 1e8 + 0.001, rec.hopArrive(h), 1e-15, "bits / bandwidth + latency");
            assertEquals(x.microbatch(), p.hopMicrobatch(h));
            if (x.kind() == Transfer.Kind.ACTIVATION) {
                activations++;
                assertEquals(MessageKind.ACTIVATION, rec.hopKind(h));
                assertEquals(rec.hopSrc(h) + 1, rec.hopDst(h));
                // sent when the sender's forward of that micro-batch ends: forward m of stage s ends at
                // s + m + 1 plus s boundary crossings of (bits / bandwidth + latency)
                assertEquals(x.fromStage() + x.microbatch() + 1.0 + x.fromStage() * (320 / 1e8 + 0.001), rec.hopSend(h), 1e-9);
            } else {
                assertEquals(MessageKind.GRADIENT, rec.hopKind(h));
                assertEquals(rec.hopSrc(h) - 1, rec.hopDst(h));
            }
            if (h > 0) {
                assertTrue(rec.hopQueued(h) >= rec.hopQueued(h - 1), "hops in queueing order");
            }
        }
        assertEquals(8, activations);
    }

    @Test
    void messagesBetweenNonNeighboursHopThroughTheRelay() {
        // stages on s0 and s2 only; s1 forwards: two hops per message, the second queued when the first arrives
        Topology t = chain(3, 1, 10);
        PipelineRecording p = PipelineRecording.run(spec(section(2, List.of("s0", "s2"), "1f1b", 2)), t);
        RunRecording rec = p.recording();
        assertEquals(2 * p.result().schedule().transfers().size(), rec.hopCount());
        assertEquals(List.of(0, 2, 1), java.util.Arrays.stream(p.rowNodes()).boxed().toList(), "stages, then the relay");
        for (int h = 0; h < rec.hopCount(); h++) {
            if (rec.hopDst(h) == 1) {
                int id = p.hopTransfer(h);
                boolean found = false;
                for (int g = 0; g < rec.hopCount(); g++) {
                    if (g != h && p.hopTransfer(g) == id) {
                        assertEquals(1, rec.hopSrc(g));
                        assertEquals(rec.hopArrive(h), rec.hopQueued(g), 0, "stored, then forwarded");
                        assertEquals(p.result().schedule().transfers().get(id).arrival(), rec.hopArrive(g), 0);
                        found = true;
                    }
                }
                assertTrue(found, "the second hop of message " + id);
            }
        }
    }

    @Test
    void bubbleTextIsTheCommandLinesFormatAndTheClosedFormWithoutCommunication() {
        // near-ideal links: K = 3, M = 4 gives (K - 1) / (M + K - 1) = 1/3
        Topology t = chain(3, 1e9, 0);
        PipelineRecording p = PipelineRecording.run(spec(section(3, List.of("s0", "s1", "s2"), "gpipe", 4)), t);
        assertEquals(1.0 / 3, p.result().bubbleFraction(), 1e-9);
        assertEquals("bubble fraction 0.3333", p.bubbleText());
        assertEquals(String.format(Locale.ROOT, "bubble fraction %.4f", p.result().bubbleFraction()), p.bubbleText());
    }

    @Test
    void runningFromAnEditorShowsTheRecordingInTheSession() {
        Topology t = chain(3, 100, 1);
        ExperimentSettings s = ExperimentSettings.defaults("pipe").withSection("pipeline",
                section(3, List.of("s0", "s1", "s2"), "gpipe", 4));
        TopologyEditorViewModel ed = editor(s, t);
        RunSession session = new RunSession();
        ConsoleViewModel console = new ConsoleViewModel();
        PipelineRunViewModel run = new PipelineRunViewModel(session, UiExecutors.synchronous(), console, new SplitViewModel());
        assertTrue(PipelineRunViewModel.handles(ed));
        run.run(ed);
        assertFalse(run.busyProperty().get());
        assertSame(run.current().recording(), session.recording());
        assertSame(ed, session.editorProperty().get());
        PipelineRecording direct = PipelineRecording.run(spec(section(3, List.of("s0", "s1", "s2"), "gpipe", 4)), t);
        assertEquals(direct.result().bubbleFraction(), run.current().result().bubbleFraction(), 0);

        // a bad spec: a message naming the path, nothing shown
        ExperimentSettings bad = s.withSection("pipeline", with(section(3, List.of("s0", "s1", "x9"), "gpipe", 4)));
        RunSession other = new RunSession();
        new PipelineRunViewModel(other, UiExecutors.synchronous(), console, new SplitViewModel()).run(editor(bad, t));
        assertEquals(null, other.recording());
        String last = console.lines().get(console.lines().size() - 1).text();
        assertTrue(last.contains("pipeline.nodes[2]") && last.contains("x9"), last);
    }

    private static Map<String, Object> with(Map<String, Object> m) {
        return m;
    }

    static TopologyEditorViewModel editor(ExperimentSettings s, Topology t) {
        EditorDocument doc = new EditorDocument(new EditorDocumentData(s, t), null);
        return new TopologyEditorViewModel(doc, UiExecutors.synchronous(), new ConsoleViewModel(), new TopologyClipboard());
    }
}
