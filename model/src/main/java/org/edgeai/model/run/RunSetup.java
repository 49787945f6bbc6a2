package org.edgeai.model.run;

import java.util.Objects;

import org.edgeai.model.learning.LearningState;
import org.edgeai.model.learning.compress.CompressionScheme;

/**
 * What the run hands an algorithm besides the engine: the learning state and the compression, found by
 * algorithms through {@code ctx.extension(RunSetup.class)}.
 *
 * <h2>Who holds data</h2>
 * The learning state has one row per data-holding node. For a centralized algorithm the holders are the
 * devices (servers and clouds aggregate); for a decentralized one every node of the topology is a peer
 * and holds data. {@link #holderNode}[k] is the topology index (in {@code ctx.graph()}) of row k, and
 * {@link #rowOf}[i] the row of topology node i, or -1.
 *
 * <h2>Compression</h2>
 * Centralized algorithms compress device-to-server messages, and server-to-device messages too when
 * {@link #compressDownlink} (the file's {@code compression.direction: "both"}); decentralized algorithms
 * compress every model/update message they send. Message bits are {@code compression.bits(d)} for a
 * compressed message of d values and {@code 32·d} for an uncompressed one.
 *
 * <h2>Metrics</h2>
 * The run writes round 0 (the initial state) itself, from {@code learning.metrics()} before the first
 * round. Algorithms report each finished round through {@code ctx.finishRound(round, values)} with the
 * keys {@link #LOSS}, {@link #ACCURACY}, {@link #CONSENSUS_ERROR}; a NaN or absent value is an empty cell.
 * Engine round r is the file's round r + 1.
 *
 * @param learning         the replicas (one row per data holder), data, gradients and metrics
 * @param holderNode       topology node index of each row
 * @param rowOf            row of each topology node, or -1 for a node that holds no data
 * @param compression      the configured compressor (never null: {@code none} when the file has none)
 * @param compressDownlink whether server-to-device messages are compressed as well
 */
public record RunSetup(LearningState learning, int[] holderNode, int[] rowOf, CompressionScheme compression,
                       boolean compressDownlink) {

    public static final String LOSS = "loss";
    public static final String ACCURACY = "accuracy";
    public static final String CONSENSUS_ERROR = "consensus_error";

    public RunSetup {
        Objects.requireNonNull(learning, "learning");
        Objects.requireNonNull(compression, "compression");
        if (holderNode.length != learning.nodes()) {
            throw new IllegalArgumentException("one holder node per learning row expected: " + holderNode.length
                    + " vs " + learning.nodes());
        }
    }

    /** Number of data-holding rows. */
    public int rows() {
        return holderNode.length;
    }

    /** Bits of a message of {@code d} values, compressed or not. */
    public long bits(int d, boolean compressed) {
        return compressed ? compression.bits(d) : Math.max(1L, 32L * d);
    }
}
