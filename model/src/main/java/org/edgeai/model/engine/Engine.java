package org.edgeai.model.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.edgeai.model.engine.core.EventHandler;
import org.edgeai.model.engine.core.SeedStreams;
import org.edgeai.model.engine.core.Simulator;
import org.edgeai.model.engine.net.Network;
import org.edgeai.model.engine.trace.RoundMetrics;
import org.edgeai.model.engine.trace.SimEvent;
import org.edgeai.model.engine.trace.SimObserver;
import org.edgeai.model.engine.trace.TraceSink;
import org.edgeai.model.engine.trace.TraceSinks;
import org.edgeai.model.spi.Parameters;
import org.edgeai.model.topology.IndexedGraph;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.LinkKey;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.Topology;

/**
 * One run: a {@link Simulator}, the {@link Network} and {@link ComputeUnits} built from a topology, the
 * {@link Faults} drawn from the seed, a trace sink, an optional observer, and the algorithm plugged in.
 * It is the algorithm's {@link SimulationContext}.
 *
 * <p>Driving: {@link #start(Algorithm)} once, then any mix of {@link #runRound()} (until the next round
 * finishes), {@link #run()} (all rounds), {@link #step()} (one event) and {@link #runUntil(double)}. Every one
 * returns when a stop is requested ({@link #requestStop()}, safe from any thread, checked between events).
 * The run never reads the wall clock; the same topology, seed, effects and algorithm give the same events,
 * trace bytes and metrics every time.
 *
 * <p>Not thread-safe apart from {@link #requestStop()}: drive it from one thread (the engine thread).
 */
public final class Engine implements SimulationContext {

    /** Why a driving call returned. */
    public enum Status {
        /** A round finished (more are due). */
        ROUND_FINISHED,
        /** The last round finished; the run is complete. */
        ALL_ROUNDS_DONE,
        /** A stop was requested. */
        STOPPED,
        /** No event is pending although rounds are due: the algorithm stalled (e.g. it waits for a dropped device). */
        IDLE,
        /** {@link #runUntil(double)} reached its time. */
        TIME_REACHED
    }

    private static final int EV_ROUND_START = 0;

    private final Topology topology;
    private final IndexedGraph graph;
    private final long seed;
    private final SeedStreams streams;
    private final Simulator sim;
    private final Network network;
    private final Faults faults;
    private final ComputeUnits compute;
    private final TraceSink trace;
    private final SimObserver observer;
    private final int rounds;
    private final Map<Class<?>, Object> extensions;
    private final EventHandler internal = this::onInternalEvent;

    private Algorithm algorithm;
    private int roundsFinished;
    private double[] roundStart = new double[16];
    private int roundsStarted;
    private final List<RoundMetrics> history = new ArrayList<>();
    private boolean closed;

    private Engine(Builder b) {
        this.topology = b.topology;
        this.graph = topology.indexed();
        this.seed = b.seed;
        this.streams = new SeedStreams(b.seed);
        this.sim = new Simulator();
        this.trace = b.trace;
        this.observer = b.observer;
        this.rounds = b.rounds;
        this.extensions = new LinkedHashMap<>(b.extensions);
        this.faults = new Faults(graph, b.effects, streams);

        Network.Builder nb = Network.builder(sim, topology).trace(trace).observer(observer);
        if (!b.effects.linkEvents().isEmpty()) {
            Map<LinkKey, Integer> linkIndex = new LinkedHashMap<>();
            int e = 0;
            for (Link l : topology.links()) {
                linkIndex.put(l.key(), e++);
            }
            int k = 0;
            for (LinkEvent ev : b.effects.linkEvents()) {
                Integer idx = linkIndex.get(LinkKey.of(ev.source(), ev.target()));
                if (idx == null) {
                    throw new IllegalArgumentException("network.linkEvents[" + k + "]: no link " + LinkKey.of(ev.source(), ev.target())
                            + " in the topology");
                }
                nb.linkEvent(idx, ev.timeS(), ev.up());
                k++;
            }
        }
        this.network = nb.build();
        double[] gflops = new double[graph.nodeCount()];
        int i = 0;
        for (Node node : topology.nodes()) {
            gflops[i++] = node.computeGflops();
        }
        this.compute = new ComputeUnits(sim, gflops, faults);
        compute.setObserver(observer);
    }

    /**
     * A builder for a run on {@code topology} (read once: later edits do not reach the run) with the
     * experiment seed {@code seed}.
     */
    public static Builder builder(Topology topology, long seed) {
        return new Builder(topology, seed);
    }

    /** Collects a run's settings. */
    public static final class Builder {
        private final Topology topology;
        private final long seed;
        private NetworkEffects effects = NetworkEffects.DEFAULTS;
        private int rounds = 100;
        private TraceSink trace = TraceSinks.none();
        private SimObserver observer;
        private final Map<Class<?>, Object> extensions = new LinkedHashMap<>();

        private Builder(Topology topology, long seed) {
            this.topology = Objects.requireNonNull(topology, "topology").copy();
            this.seed = seed;
        }

        public Builder effects(NetworkEffects fx) {
            this.effects = Objects.requireNonNull(fx, "effects");
            return this;
        }

        /** Number of rounds, &ge; 1 (default 100). */
        public Builder rounds(int r) {
            if (r < 1) {
                throw new IllegalArgumentException("run.rounds: expected an integer >= 1, got " + r);
            }
            this.rounds = r;
            return this;
        }

        public Builder trace(TraceSink sink) {
            this.trace = Objects.requireNonNull(sink, "trace");
            return this;
        }

        public Builder observer(SimObserver obs) {
            this.observer = obs;
            return this;
        }

        /** Makes {@code value} available to the algorithm through {@link SimulationContext#extension(Class)}. */
        public <T> Builder extension(Class<T> type, T value) {
            extensions.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Engine build() {
            if (topology.nodeCount() == 0) {
                throw new IllegalArgumentException("engine: the topology has no nodes");
            }
            return new Engine(this);
        }
    }

    // ================================================================ driving

    /** Creates the algorithm through its provider with this engine as context, and starts it. */
    public Algorithm start(AlgorithmProvider provider, Parameters params) {
        Algorithm a = provider.create(params, this);
        start(a);
        return a;
    }

    /**
     * Plugs the algorithm in, calls its {@link Algorithm#start()} and schedules round 0's start at time 0.
     *
     * @throws IllegalStateException when an algorithm was already started
     */
    public void start(Algorithm a) {
        if (algorithm != null) {
            throw new IllegalStateException("engine: an algorithm is already running (" + algorithm.getClass().getName() + ")");
        }
        algorithm = Objects.requireNonNull(a, "algorithm");
        a.start();
        sim.scheduleAt(sim.now(), internal, EV_ROUND_START, 0, 0);
    }

    /** Runs events until the next round finishes, the run completes, a stop is requested or nothing is pending. */
    public Status runRound() {
        requireStarted();
        if (roundsFinished >= rounds) {
            return Status.ALL_ROUNDS_DONE;
        }
        int target = roundsFinished + 1;
        while (roundsFinished < target) {
            if (!sim.step()) {
                return sim.stopRequested() ? Status.STOPPED : Status.IDLE;
            }
        }
        return roundsFinished >= rounds ? Status.ALL_ROUNDS_DONE : Status.ROUND_FINISHED;
    }

    /** Runs every remaining round (or until a stop or a stall). */
    public Status run() {
        while (true) {
            Status s = runRound();
            if (s != Status.ROUND_FINISHED) {
                return s;
            }
        }
    }

    /** Runs one event (none once the run is complete). @return true when an event ran */
    public boolean step() {
        requireStarted();
        return roundsFinished < rounds && sim.step();
    }

    /** Runs the events up to virtual time {@code timeS} (or until the run completes, a stop, or a stall). */
    public Status runUntil(double timeS) {
        requireStarted();
        while (roundsFinished < rounds) {
            if (sim.stopRequested()) {
                return Status.STOPPED;
            }
            if (sim.pending() == 0) {
                if (timeS < Double.POSITIVE_INFINITY && timeS > sim.now()) {
                    sim.runUntil(timeS);
                }
                return Status.IDLE;
            }
            if (sim.nextEventTime() > timeS) {
                sim.runUntil(timeS);
                return Status.TIME_REACHED;
            }
            sim.step();
        }
        return Status.ALL_ROUNDS_DONE;
    }

    /** Asks the driving call to return before its next event; safe from any thread. */
    public void requestStop() {
        sim.requestStop();
    }

    /** Clears a stop request, so driving calls run events again. */
    public void resume() {
        sim.clearStop();
    }

    public boolean isComplete() {
        return roundsFinished >= rounds;
    }

    /** Closes the trace sink and the algorithm. Idempotent. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (algorithm != null) {
                algorithm.close();
            }
        } finally {
            trace.close();
        }
    }

    private void requireStarted() {
        if (algorithm == null) {
            throw new IllegalStateException("engine: no algorithm started; call start(...) first");
        }
    }

    private void onInternalEvent(int code, int a, int b) {
        if (code == EV_ROUND_START) {
            if (roundsStarted == roundStart.length) {
                roundStart = Arrays.copyOf(roundStart, roundsStarted * 2);
            }
            roundStart[roundsStarted++] = sim.now();
            algorithm.onRoundStart(a);
        }
    }

    // ================================================================ SimulationContext

    @Override
    public void finishRound(int round, Map<String, Double> values) {
        if (round != roundsFinished) {
            throw new IllegalArgumentException("finishRound: expected round " + roundsFinished + " (rounds finish in order), got "
                    + round);
        }
        RoundMetrics m = new RoundMetrics(round, sim.now(), network.messagesSent(), network.messageBits(),
                network.hopsCommitted(), network.linkBits(), compute.busySeconds(), values);
        roundsFinished++;
        history.add(m);
        trace.roundFinished(m);
        if (observer != null) {
            observer.onSimEvent(new SimEvent.RoundFinished(m));
        }
        if (roundsFinished < rounds && roundsStarted == roundsFinished) {
            sim.scheduleAt(sim.now(), internal, EV_ROUND_START, roundsFinished, 0);
        }
    }

    @Override
    public double scheduleRoundDeadline(int round, EventHandler handler, int code) {
        if (!faults.hasRoundDeadline()) {
            return Double.POSITIVE_INFINITY;
        }
        double t = roundStartTime(round) + faults.roundDeadlineS();
        sim.scheduleAt(Math.max(t, sim.now()), handler, code, round, 0);
        return t;
    }

    @Override
    public double roundStartTime(int round) {
        if (round < 0 || round >= roundsStarted) {
            throw new IllegalArgumentException("roundStartTime: round " + round + " has not started (" + roundsStarted
                    + " rounds started)");
        }
        return roundStart[round];
    }

    @Override
    public <T> Optional<T> extension(Class<T> type) {
        return Optional.ofNullable(type.cast(extensions.get(type)));
    }

    @Override
    public Topology topology() {
        return topology;
    }

    @Override
    public IndexedGraph graph() {
        return graph;
    }

    @Override
    public Simulator simulator() {
        return sim;
    }

    @Override
    public Network network() {
        return network;
    }

    @Override
    public ComputeUnits compute() {
        return compute;
    }

    @Override
    public Faults faults() {
        return faults;
    }

    @Override
    public SeedStreams streams() {
        return streams;
    }

    @Override
    public int rounds() {
        return rounds;
    }

    @Override
    public int roundsFinished() {
        return roundsFinished;
    }

    /** The experiment seed. */
    public long seed() {
        return seed;
    }

    /** Metrics of every finished round, in order (unmodifiable view). */
    public List<RoundMetrics> history() {
        return java.util.Collections.unmodifiableList(history);
    }

    public TraceSink trace() {
        return trace;
    }
}
