package org.edgeai.model.pipeline.schedule;

import java.util.Arrays;
import java.util.List;

/** The pipeline schedules. */
public enum ScheduleKind {
    /** Fill-drain (GPipe): all M forwards, then all M backwards (last micro-batch first), one synchronous update. */
    GPIPE("gpipe"),
    /** PipeDream-Flush (1F1B): K - s - 1 warm-up forwards on stage s, then one forward one backward, flush. */
    ONE_F_ONE_B("1f1b"),
    /** Asynchronous 1F1B with weight stashing (PipeDream): no flush, an update after every backward. */
    PIPEDREAM("pipedream"),
    /** Naive model parallelism: the whole minibatch as one micro-batch, stages strictly one after another. */
    SEQUENTIAL("sequential");

    private final String id;

    ScheduleKind(String id) {
        this.id = id;
    }

    /** The name in files: {@code gpipe}, {@code 1f1b}, {@code pipedream}, {@code sequential}. */
    public String id() {
        return id;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(ScheduleKind::id).toList();
    }

    /** @throws IllegalArgumentException listing the names when {@code id} is none of them */
    public static ScheduleKind fromId(String id) {
        for (ScheduleKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown schedule '" + id + "'; expected one of " + String.join(", ", ids()));
    }
}
