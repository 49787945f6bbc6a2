/**
 * The discrete-event simulation engine that algorithms plug into (DESIGN.md "Engine", "Network timing",
 * "Determinism", "Threading").
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link org.edgeai.model.engine.core.Simulator}: virtual clock and event queue; equal times run in
 *       scheduling order.</li>
 *   <li>{@link org.edgeai.model.engine.net.Network}: link FIFO timing, latency, store-and-forward routing,
 *       shared access capacity (processor sharing), link down/up.</li>
 *   <li>{@link org.edgeai.model.engine.ComputeUnits}: FIFO processors with speed factors and stragglers.</li>
 *   <li>{@link org.edgeai.model.engine.Faults}: per-node speed factors, per-round stragglers and dropouts,
 *       round deadline, all from the seed.</li>
 *   <li>{@link org.edgeai.model.engine.core.SeedStreams}: named random streams split from the experiment
 *       seed.</li>
 *   <li>{@link org.edgeai.model.engine.trace}: {@code messages.csv} with its SHA-256 fingerprint, per-round
 *       metrics, and the observer records the GUI draws from.</li>
 *   <li>{@link org.edgeai.model.engine.Engine}: one run, the {@link org.edgeai.model.engine.SimulationContext}
 *       handed to an {@link org.edgeai.model.engine.Algorithm} created by an
 *       {@link org.edgeai.model.engine.AlgorithmProvider}.</li>
 * </ul>
 *
 * <h2>Decisions (and why)</h2>
 * <ol>
 *   <li><b>Events are (owner id, code, a, b), not objects.</b> No allocation per event or message on the hot
 *       path; owners decode their own codes. Lambdas are accepted but are registered once by identity and must
 *       be long-lived.</li>
 *   <li><b>Queue = FIFO lanes + 4-ary heap.</b> Network events are overwhelmingly "now + fixed delay", which
 *       arrive in time order; appending them to sorted ring buffers costs O(1). The heap takes the rest. The
 *       merge is exact in (time, sequence).</li>
 *   <li><b>Routing tables per destination.</b> Hop-by-hop store-and-forward needs "next hop from u towards
 *       d"; a Dijkstra rooted at d gives it for every u at once, and the tie-break by smallest node index at
 *       each step equals the lexicographically smallest optimal path (see {@code net.Routes}). Latencies are
 *       compared in whole nanoseconds so that equal sums compare equal.</li>
 *   <li><b>Trace rows at arrival.</b> A hop's row needs its arrival time, which is known at once only on the
 *       fast path; writing every row at arrival keeps one rule (rows in arrival order).</li>
 *   <li><b>Link FIFO before sharing.</b> A hop queued behind another hop of the same direction is not active;
 *       only hops on the wire share a node's access capacity, each at min(link bandwidth, capacity / active
 *       hops at each capped endpoint); unused share is not redistributed.</li>
 *   <li><b>Link down.</b> Committed bits complete; queued hops wait for the link; new hops route around it;
 *       messages with no path wait at their node until a link comes up.</li>
 *   <li><b>Counter-based faults.</b> Straggling and dropout of (round, device) are hashes of the seed, round and
 *       node: identical for equal seeds, and independent of the order and number of queries.</li>
 *   <li><b>Portable randomness.</b> Variates come from {@link org.edgeai.model.engine.core.Draws} (SplitMix64
 *       plus StrictMath), not from JDK methods whose algorithms may change between versions.</li>
 *   <li><b>Trace time format.</b> Seconds rounded to whole nanoseconds, trailing zeros dropped: exact at the
 *       resolution that matters, locale- and JDK-independent (JDK 17's {@code Double.toString} is not the
 *       shortest representation and changed in JDK 19), and short (fewer bytes to hash).</li>
 *   <li><b>The GUI never slows the engine.</b> Observer records go to a bounded buffer that drops animation
 *       records when full (and keeps every round); the engine never waits.</li>
 * </ol>
 */
package org.edgeai.model.engine;
