package org.edgeai.model.engine.trace;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.edgeai.model.engine.core.MessageKind;

/**
 * Writes {@code messages.csv} and fingerprints it on the fly.
 *
 * <h2>Format (stable; tests and scripts rely on it)</h2>
 * <ul>
 *   <li>UTF-8, lines end with {@code \n} (no carriage return), no byte-order mark;</li>
 *   <li>header, exactly: {@code round,t_send_s,t_arrive_s,src,dst,bits,kind};</li>
 *   <li>{@code round} and {@code bits}: decimal integers;</li>
 *   <li>{@code t_send_s}, {@code t_arrive_s}: seconds with exactly 9 digits after the point (nanoseconds),
 *       no exponent, no grouping, independent of the locale: see {@link #formatSeconds(double)};</li>
 *   <li>{@code src}, {@code dst}: node ids, quoted RFC-4180 style only when they contain a comma, a double
 *       quote, CR or LF;</li>
 *   <li>{@code kind}: {@link MessageKind#id()}.</li>
 * </ul>
 * One row per hop, in the order the hops arrive ({@link TraceSink}).
 *
 * <h2>Fingerprint</h2>
 * {@link #fingerprint()} is the lowercase hex SHA-256 of exactly the bytes written (header included), computed
 * by a streaming {@link MessageDigest} fed with every chunk as it goes to the stream: no second pass.
 *
 * <p>Rows are formatted straight into a 64 KiB byte buffer (no String per row); the cost is a few hundred
 * nanoseconds per row. Not thread-safe: the engine thread writes.
 */
public final class MessageTraceCsv implements TraceSink {

    /** The header line, without its line end. */
    public static final String HEADER = "round,t_send_s,t_arrive_s,src,dst,bits,kind";

    private static final int BUFFER = 1 << 16;
    private static final int MAX_ROW_NUMBERS = 3 * 20 + 2 * 21 + 16; // round, bits, two times, separators

    private final OutputStream out;
    private final boolean closeStream;
    private final byte[][] ids;
    private final int maxIdBytes;
    private final byte[][] kinds;
    private final MessageDigest digest;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private long rows;
    private long bytes;
    private String fingerprint;

    /**
     * A writer over {@code out}; the header is written at once.
     *
     * @param out         the destination (closed by {@link #close()} when {@code closeStream})
     * @param nodeIds     the id of each node index, in topology order
     * @param closeStream whether {@link #close()} closes {@code out}
     */
    public MessageTraceCsv(OutputStream out, List<String> nodeIds, boolean closeStream) {
        this.out = Objects.requireNonNull(out, "out");
        this.closeStream = closeStream;
        this.ids = new byte[nodeIds.size()][];
        int max = 0;
        for (int i = 0; i < ids.length; i++) {
            ids[i] = csvField(nodeIds.get(i)).getBytes(StandardCharsets.UTF_8);
            max = Math.max(max, ids[i].length);
        }
        this.maxIdBytes = max;
        MessageKind[] all = MessageKind.values();
        this.kinds = new byte[all.length][];
        for (MessageKind k : all) {
            kinds[k.ordinal()] = k.id().getBytes(StandardCharsets.US_ASCII);
        }
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        byte[] header = (HEADER + "\n").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, buf, 0, header.length);
        pos = header.length;
    }

    /** Opens (creates or truncates) {@code file} and writes the header; {@link #close()} closes the file. */
    public static MessageTraceCsv open(Path file, List<String> nodeIds) {
        try {
            return new MessageTraceCsv(Files.newOutputStream(file), nodeIds, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open message trace " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void hop(int round, double tSendS, double tArriveS, int src, int dst, long bits, MessageKind kind) {
        if (fingerprint != null) {
            throw new IllegalStateException("message trace already closed");
        }
        if (pos + MAX_ROW_NUMBERS + 2 * maxIdBytes + 16 > BUFFER) {
            flushBuffer();
        }
        byte[] b = buf;
        int p = pos;
        p = appendLong(b, p, round);
        b[p++] = ',';
        p = appendSeconds(b, p, tSendS);
        b[p++] = ',';
        p = appendSeconds(b, p, tArriveS);
        b[p++] = ',';
        byte[] s = ids[src];
        System.arraycopy(s, 0, b, p, s.length);
        p += s.length;
        b[p++] = ',';
        byte[] d = ids[dst];
        System.arraycopy(d, 0, b, p, d.length);
        p += d.length;
        b[p++] = ',';
        p = appendLong(b, p, bits);
        b[p++] = ',';
        byte[] k = kinds[kind.ordinal()];
        System.arraycopy(k, 0, b, p, k.length);
        p += k.length;
        b[p++] = '\n';
        pos = p;
        rows++;
    }

    /** Number of hop rows written. */
    public long rows() {
        return rows;
    }

    /** Number of bytes written so far, header included (buffered bytes count). */
    public long bytes() {
        return bytes + pos;
    }

    /**
     * The lowercase hex SHA-256 of every byte written.
     *
     * @throws IllegalStateException before {@link #close()}
     */
    public String fingerprint() {
        if (fingerprint == null) {
            throw new IllegalStateException("the fingerprint is known once the trace is closed");
        }
        return fingerprint;
    }

    /** Flushes, finishes the fingerprint, and closes the stream if this writer owns it. Idempotent. */
    @Override
    public void close() {
        if (fingerprint != null) {
            return;
        }
        flushBuffer();
        fingerprint = HexFormat.of().formatHex(digest.digest());
        try {
            out.flush();
            if (closeStream) {
                out.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close message trace: " + e.getMessage(), e);
        }
    }

    private void flushBuffer() {
        if (pos == 0) {
            return;
        }
        digest.update(buf, 0, pos);
        try {
            out.write(buf, 0, pos);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write message trace: " + e.getMessage(), e);
        }
        bytes += pos;
        pos = 0;
    }

    // ------------------------------------------------------------------ formatting

    /**
     * The trace's text for a time in seconds: {@code ns = Math.round(seconds * 1e9)} (the product in double
     * arithmetic, then rounded half up to a long), written as the integer seconds, a point and exactly nine
     * digits; a minus sign when negative. Examples: 0 → {@code 0.000000000}, 0.0016 → {@code 0.001600000},
     * 12.5 → {@code 12.500000000}, 1e-10 → {@code 0.000000000}.
     *
     * @throws IllegalArgumentException for NaN, infinities and |seconds| &ge; 9.2e9
     */
    public static String formatSeconds(double seconds) {
        byte[] b = new byte[32];
        int n = appendSeconds(b, 0, seconds);
        return new String(b, 0, n, StandardCharsets.US_ASCII);
    }

    static int appendSeconds(byte[] b, int p, double seconds) {
        if (!(Math.abs(seconds) < 9.2e9)) {
            throw new IllegalArgumentException("trace time must be finite and below 9.2e9 s, got " + seconds);
        }
        long ns = Math.round(seconds * 1e9);
        if (ns < 0) {
            b[p++] = '-';
            ns = -ns;
        }
        p = appendLong(b, p, ns / 1_000_000_000L);
        b[p++] = '.';
        long frac = ns % 1_000_000_000L;
        for (int i = p + 8; i >= p; i--) {
            b[i] = (byte) ('0' + (int) (frac % 10));
            frac /= 10;
        }
        return p + 9;
    }

    static int appendLong(byte[] b, int p, long v) {
        if (v == Long.MIN_VALUE) {
            byte[] s = Long.toString(v).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(s, 0, b, p, s.length);
            return p + s.length;
        }
        if (v < 0) {
            b[p++] = '-';
            v = -v;
        }
        if (v < 10) {
            b[p++] = (byte) ('0' + v);
            return p;
        }
        int digits = 0;
        for (long t = v; t > 0; t /= 10) {
            digits++;
        }
        for (int i = p + digits - 1; i >= p; i--) {
            b[i] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        }
        return p + digits;
    }

    private static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
