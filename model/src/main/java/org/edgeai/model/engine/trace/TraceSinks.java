package org.edgeai.model.engine.trace;

import java.util.List;
import java.util.Objects;

import org.edgeai.model.engine.core.MessageKind;

/** Ready-made sinks: the one that records nothing, and a tee. */
public final class TraceSinks {

    private static final TraceSink NONE = new TraceSink() {
        @Override
        public void hop(int round, double tSendS, double tArriveS, int src, int dst, long bits, MessageKind kind) {
        }

        @Override
        public boolean discardsHops() {
            return true;
        }

        @Override
        public String toString() {
            return "TraceSinks.none()";
        }
    };

    private TraceSinks() {
    }

    /** The sink for {@code --trace none}: records nothing, costs nothing (the network skips it). */
    public static TraceSink none() {
        return NONE;
    }

    /**
     * A sink that passes every record to each of {@code sinks}, in the given order; it discards hops only
     * when all of them do. Closing it closes each, in order.
     */
    public static TraceSink tee(TraceSink... sinks) {
        List<TraceSink> list = List.of(sinks);
        list.forEach(s -> Objects.requireNonNull(s, "sink"));
        if (list.size() == 1) {
            return list.get(0);
        }
        TraceSink[] arr = list.toArray(new TraceSink[0]);
        boolean allNone = list.stream().allMatch(TraceSink::discardsHops);
        return new TraceSink() {
            @Override
            public void hop(int round, double tSendS, double tArriveS, int src, int dst, long bits, MessageKind kind) {
                for (TraceSink s : arr) {
                    if (!s.discardsHops()) {
                        s.hop(round, tSendS, tArriveS, src, dst, bits, kind);
                    }
                }
            }

            @Override
            public void roundFinished(RoundMetrics metrics) {
                for (TraceSink s : arr) {
                    s.roundFinished(metrics);
                }
            }

            @Override
            public boolean discardsHops() {
                return allNone;
            }

            @Override
            public void close() {
                RuntimeException first = null;
                for (TraceSink s : arr) {
                    try {
                        s.close();
                    } catch (Exception e) {
                        if (first == null) {
                            first = e instanceof RuntimeException re ? re : new IllegalStateException(e);
                        }
                    }
                }
                if (first != null) {
                    throw first;
                }
            }
        };
    }
}
