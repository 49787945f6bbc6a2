package org.edgeai.model.engine.trace;

import java.io.BufferedOutputStream;
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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.edgeai.model.engine.core.MessageKind;

/**
 * Writes {@code messages.csv} and fingerprints it on the fly.
 *
 * <h2>Format (stable; tests and scripts rely on it)</h2>
 * <ul>
 *   <li>UTF-8, lines end with {@code \n} (no carriage return), no byte-order mark;</li>
 *   <li>header, exactly: {@code round,t_send_s,t_arrive_s,src,dst,bits,kind};</li>
 *   <li>{@code round} and {@code bits}: decimal integers;</li>
 *   <li>{@code t_send_s}, {@code t_arrive_s}: seconds rounded to whole nanoseconds, written as plain decimals
 *       without trailing zeros, no exponent, no grouping, independent of the locale: see
 *       {@link #formatSeconds(double)};</li>
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
 * <h2>Threads and cost</h2>
 * Rows are formatted by the calling (engine) thread straight into 64 KiB byte buffers (no String per row,
 * about 100 ns per row). With {@code background = true} each full buffer is handed to one writer thread that
 * updates the digest and writes it, in order, so hashing (about 2.8 ns per byte on machines without SHA
 * instructions) and I/O overlap the simulation; the engine waits only when the writer is 4 buffers behind.
 * The bytes and the fingerprint are the same either way. An I/O error in the writer is rethrown (as
 * {@link UncheckedIOException}) by the next {@link #hop} or by {@link #close()}. Not thread-safe: one
 * thread writes rows.
 */
public final class MessageTraceCsv implements TraceSink {

    /** The header line, without its line end. */
    public static final String HEADER = "round,t_send_s,t_arrive_s,src,dst,bits,kind";

    private static final int BUFFER = 1 << 16;
    private static final int QUEUED_BUFFERS = 4;
    private static final int MAX_ROW_NUMBERS = 3 * 20 + 2 * 21 + 16; // round, bits, two times, separators
    private static final byte[] END = new byte[0];

    private final OutputStream out;
    private final boolean closeStream;
    private final byte[][] ids;
    private final int maxIdBytes;
    private final byte[][] kinds;
    private final MessageDigest digest;
    private byte[] buf = new byte[BUFFER];
    private int pos;
    private long rows;
    private long bytes;
    private String fingerprint;

    // Background writer (null when writing on the caller's thread).
    private final BlockingQueue<byte[]> full;
    private final BlockingQueue<byte[]> empty;
    private final int[] fullLengths = new int[QUEUED_BUFFERS + 2];
    private long handedOver;
    private Thread writer;
    private volatile Throwable writerFailure;

    /**
     * A writer over {@code out}, hashing and writing on the caller's thread; the header is written at once.
     *
     * @param out         the destination (closed by {@link #close()} when {@code closeStream})
     * @param nodeIds     the id of each node index, in topology order
     * @param closeStream whether {@link #close()} closes {@code out}
     */
    public MessageTraceCsv(OutputStream out, List<String> nodeIds, boolean closeStream) {
        this(out, nodeIds, closeStream, false);
    }

    /**
     * A writer over {@code out}; the header is written at once.
     *
     * @param background whether full buffers are hashed and written by a writer thread (see the class comment)
     */
    public MessageTraceCsv(OutputStream out, List<String> nodeIds, boolean closeStream, boolean background) {
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
        if (background) {
            full = new ArrayBlockingQueue<>(QUEUED_BUFFERS + 1);
            empty = new ArrayBlockingQueue<>(QUEUED_BUFFERS + 1);
            for (int i = 0; i < QUEUED_BUFFERS; i++) {
                empty.add(new byte[BUFFER]);
            }
        } else {
            full = null;
            empty = null;
        }
        byte[] header = (HEADER + "\n").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, buf, 0, header.length);
        pos = header.length;
    }

    /**
     * Opens (creates or truncates) {@code file} and writes the header; hashing and writing run on a background
     * writer thread; {@link #close()} closes the file.
     */
    public static MessageTraceCsv open(Path file, List<String> nodeIds) {
        try {
            return new MessageTraceCsv(new BufferedOutputStream(Files.newOutputStream(file), BUFFER), nodeIds, true, true);
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
        if (writer != null) {
            putFull(END);
            boolean interrupted = false;
            while (true) {
                try {
                    writer.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        fingerprint = HexFormat.of().formatHex(digest.digest());
        rethrowWriterFailure();
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
        bytes += pos;
        if (full == null) {
            digest.update(buf, 0, pos);
            try {
                out.write(buf, 0, pos);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write message trace: " + e.getMessage(), e);
            }
            pos = 0;
            return;
        }
        rethrowWriterFailure();
        if (writer == null) {
            writer = new Thread(this::writeLoop, "messages.csv writer");
            writer.setDaemon(true);
            writer.start();
        }
        fullLengths[(int) (handedOver % fullLengths.length)] = pos;
        handedOver++;
        putFull(buf);
        buf = takeEmpty();
        pos = 0;
    }

    /** The writer thread: hashes and writes buffers in the order they were handed over. */
    private void writeLoop() {
        long taken = 0;
        try {
            while (true) {
                byte[] b = full.take();
                if (b == END) {
                    return;
                }
                int len = fullLengths[(int) (taken % fullLengths.length)];
                taken++;
                if (writerFailure == null) {
                    digest.update(b, 0, len);
                    out.write(b, 0, len);
                }
                empty.put(b);
            }
        } catch (IOException | RuntimeException e) {
            writerFailure = e;
            drainAfterFailure();
        } catch (InterruptedException e) {
            writerFailure = e;
        }
    }

    /** After a failure keep returning buffers so that the engine never waits forever. */
    private void drainAfterFailure() {
        try {
            while (true) {
                byte[] b = full.take();
                if (b == END) {
                    return;
                }
                empty.put(b);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hands a buffer to the writer; waits if it is behind. Interrupts are kept for the caller, not lost. */
    private void putFull(byte[] b) {
        boolean interrupted = false;
        while (true) {
            try {
                full.put(b);
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the buffer must still reach the writer, or the file would have a hole
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private byte[] takeEmpty() {
        boolean interrupted = false;
        byte[] b;
        while (true) {
            try {
                b = empty.take();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return b;
    }

    private void rethrowWriterFailure() {
        Throwable f = writerFailure;
        if (f != null) {
            throw new UncheckedIOException("cannot write message trace: " + f.getMessage(),
                    f instanceof IOException io ? io : new IOException(f));
        }
    }

    // ------------------------------------------------------------------ formatting

    /**
     * The trace's text for a time in seconds: {@code ns = Math.round(seconds * 1e9)} (the product in double
     * arithmetic, then rounded half up to a long), written as the whole seconds, then, when the nanoseconds are
     * not a whole number of seconds, a point and the nine fraction digits without their trailing zeros; a minus
     * sign when negative. Examples: 0 → {@code 0}, 0.0016 → {@code 0.0016}, 12.5 → {@code 12.5},
     * 0.1 + 0.005 → {@code 0.105}, 5e-10 → {@code 0.000000001}, 1e-10 → {@code 0}, 3 → {@code 3}.
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
        long whole = ns / 1_000_000_000L;
        int frac = (int) (ns - whole * 1_000_000_000L);
        p = appendLong(b, p, whole);
        if (frac == 0) {
            return p;
        }
        b[p++] = '.';
        int digits = 9;
        while (frac % 10 == 0) {
            frac /= 10;
            digits--;
        }
        for (int i = p + digits - 1; i >= p; i--) {
            b[i] = (byte) ('0' + frac % 10);
            frac /= 10;
        }
        return p + digits;
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
