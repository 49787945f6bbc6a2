package org.edgeai.model.engine.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.edgeai.model.engine.core.EventHandler;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.engine.core.Simulator;
import org.edgeai.model.engine.net.MessageHandler;
import org.edgeai.model.engine.net.Network;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;
import org.junit.jupiter.api.Test;

class MessageTraceCsvTest {

    @Test
    void secondsAreWrittenAsNanosecondDecimalsWithoutTrailingZerosWhateverTheLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY); // decimal comma: must not leak into the trace
            assertEquals("0", MessageTraceCsv.formatSeconds(0));
            assertEquals("3", MessageTraceCsv.formatSeconds(3));
            assertEquals("0.0016", MessageTraceCsv.formatSeconds(0.0016));
            assertEquals("12.5", MessageTraceCsv.formatSeconds(12.5));
            assertEquals("0", MessageTraceCsv.formatSeconds(1e-10));
            assertEquals("0.000000001", MessageTraceCsv.formatSeconds(5e-10));
            assertEquals("0.105", MessageTraceCsv.formatSeconds(0.1 + 0.005));
            assertEquals("1234567.123456789", MessageTraceCsv.formatSeconds(1234567.123456789));
            assertEquals("10.00000001", MessageTraceCsv.formatSeconds(10.00000001));
            assertEquals("-2", MessageTraceCsv.formatSeconds(-2));
            assertEquals("-0.25", MessageTraceCsv.formatSeconds(-0.25));
        } finally {
            Locale.setDefault(saved);
        }
        assertThrows(IllegalArgumentException.class, () -> MessageTraceCsv.formatSeconds(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> MessageTraceCsv.formatSeconds(1e10));
    }

    @Test
    void headerRowsAndQuotingAreExactly() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MessageTraceCsv csv = new MessageTraceCsv(out, List.of("n0", "edge,1", "q\"x"), false);
        csv.hop(3, 0.0, 0.105, 0, 1, 1_000_000, MessageKind.MODEL);
        csv.hop(12, 1.25, 2.5, 2, 0, 1, MessageKind.SCALAR);
        csv.close();
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals("round,t_send_s,t_arrive_s,src,dst,bits,kind\n"
                + "3,0,0.105,n0,\"edge,1\",1000000,model\n"
                + "12,1.25,2.5,\"q\"\"x\",n0,1,scalar\n", text);
        assertEquals(2, csv.rows());
        assertEquals(out.size(), csv.bytes());
    }

    private static MessageTraceCsv manyRows(ByteArrayOutputStream out, boolean background) {
        MessageTraceCsv csv = new MessageTraceCsv(out, List.of("a", "b"), false, background);
        // Enough rows to cross many 64 KiB buffers (and the writer's queue of 4).
        for (int i = 0; i < 100_000; i++) {
            csv.hop(i / 100, i * 1e-3, i * 1e-3 + 0.0101, i % 2, 1 - i % 2, 32L * i + 1, MessageKind.ofOrdinal(i % 6));
        }
        return csv;
    }

    @Test
    void theFingerprintIsTheSha256OfTheBytesWrittenOnEitherThread() throws Exception {
        ByteArrayOutputStream direct = new ByteArrayOutputStream();
        MessageTraceCsv a = manyRows(direct, false);
        assertThrows(IllegalStateException.class, a::fingerprint);
        a.close();
        String independent = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(direct.toByteArray()));
        assertEquals(independent, a.fingerprint());
        assertTrue(direct.size() > 20 * 65536);

        ByteArrayOutputStream async = new ByteArrayOutputStream();
        MessageTraceCsv b = manyRows(async, true);
        b.close();
        assertArrayEquals(direct.toByteArray(), async.toByteArray());
        assertEquals(a.fingerprint(), b.fingerprint());
        assertEquals(direct.size(), b.bytes());
        b.close(); // idempotent
    }

    @Test
    void aWriteErrorOnTheWriterThreadSurfacesOnTheEngineThread() {
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int x) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }
        };
        MessageTraceCsv csv = new MessageTraceCsv(failing, List.of("a", "b"), false, true);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> {
            for (int i = 0; i < 200_000; i++) {
                csv.hop(0, i, i + 1, 0, 1, 1, MessageKind.MODEL);
            }
            csv.close();
        });
        assertTrue(e.getMessage().contains("disk full"), e.getMessage());
    }

    /** A small deterministic workload: every node sends to every neighbour for three rounds, plus a routed message. */
    private static byte[][] run(double bandwidthOfFirstLink) {
        Topology t = new Topology();
        for (String id : List.of("n0", "n1", "n2", "n3")) {
            t.putNode(new Node(id, NodeKind.DEVICE, 5, 4096, 0, 0, "", null));
        }
        t.putLink(new Link("n0", "n1", bandwidthOfFirstLink, 2, null));
        t.putLink(new Link("n1", "n2", 10, 3, null));
        t.putLink(new Link("n2", "n3", 20, 1, null));
        t.putLink(new Link("n3", "n0", 5, 4, null));
        Simulator sim = new Simulator();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MessageTraceCsv csv = new MessageTraceCsv(out, t.indexed().ids(), false);
        Network net = Network.builder(sim, t).trace(csv).build();
        MessageHandler sink = (msg, src, dst, tag) -> { };
        EventHandler round = (code, a, b) -> {
            for (int d = 0; d < net.directionCount(); d++) {
                net.sendVia(d, 20_800 + 32L * d, MessageKind.MODEL, a, sink, 0);
            }
            net.send(0, 2, 1000, MessageKind.CONTROL, a, sink, 0);
        };
        for (int r = 0; r < 3; r++) {
            sim.scheduleAt(r * 0.05, round, 0, r, 0);
        }
        sim.run();
        csv.close();
        return new byte[][] {out.toByteArray(), csv.fingerprint().getBytes(StandardCharsets.US_ASCII)};
    }

    @Test
    void identicalRunsGiveIdenticalBytesAndABandwidthChangeChangesTheFingerprint() {
        byte[][] a = run(10);
        byte[][] b = run(10);
        byte[][] c = run(11);
        assertArrayEquals(a[0], b[0]);
        assertArrayEquals(a[1], b[1]);
        assertEquals(64, a[1].length);
        assertNotEquals(new String(a[1], StandardCharsets.US_ASCII), new String(c[1], StandardCharsets.US_ASCII));
        assertTrue(!Arrays.equals(a[0], c[0]));
        // 3 rounds x (8 neighbour messages + 2 hops of the routed one)
        long lines = new String(a[0], StandardCharsets.UTF_8).lines().count();
        assertEquals(1 + 3 * 10, lines);
    }
}
