package org.edgeai.model.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The providers of one family found with {@link ServiceLoader} on a class loader, keyed by id, sorted by
 * id for a stable order. A provider that fails to load or to describe itself is recorded in
 * {@link #failures()} with its id or class and left out; it never takes the caller down.
 *
 * <p>No global instance: callers build a registry for the class loader they use (the app's, or one over a
 * plugin folder) and pass it on.
 */
public final class ProviderRegistry<P extends Provider> {

    private final String family;
    private final Map<String, P> byId;
    private final List<String> failures;

    private ProviderRegistry(String family, Map<String, P> byId, List<String> failures) {
        this.family = family;
        this.byId = Collections.unmodifiableMap(byId);
        this.failures = List.copyOf(failures);
    }

    public static <P extends Provider> ProviderRegistry<P> load(String family, Class<P> type, ClassLoader loader) {
        Map<String, P> byId = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        ServiceLoader<P> sl = ServiceLoader.load(type, loader);
        var it = sl.iterator();
        while (true) {
            P p;
            try {
                if (!it.hasNext()) {
                    break;
                }
                p = it.next();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                failures.add(family + " plugin failed to load: " + e.getMessage());
                continue;
            }
            String id;
            try {
                id = p.id();
                p.displayName();
                p.parameters();
            } catch (RuntimeException | LinkageError e) {
                failures.add(family + " plugin " + p.getClass().getName() + " disabled: " + e);
                continue;
            }
            if (byId.containsKey(id)) {
                failures.add(family + " plugin '" + id + "' from " + p.getClass().getName()
                        + " disabled: the id is already taken by " + byId.get(id).getClass().getName());
                continue;
            }
            byId.put(id, p);
        }
        return new ProviderRegistry<>(family, byId, failures);
    }

    /** A registry over explicitly given providers (tests, and callers that assemble their own). */
    public static <P extends Provider> ProviderRegistry<P> of(String family, List<P> providers) {
        Map<String, P> byId = new TreeMap<>();
        for (P p : providers) {
            if (byId.put(p.id(), p) != null) {
                throw new IllegalArgumentException(family + ": duplicate id '" + p.id() + "'");
            }
        }
        return new ProviderRegistry<>(family, byId, List.of());
    }

    public Optional<P> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * @throws IllegalArgumentException naming the ids that exist when {@code id} is unknown
     */
    public P get(String id) {
        P p = byId.get(id);
        if (p == null) {
            throw new IllegalArgumentException("unknown " + family + " '" + id + "'; expected one of " + String.join(", ", ids()));
        }
        return p;
    }

    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    public List<P> all() {
        List<P> l = new ArrayList<>(byId.values());
        l.sort(Comparator.comparing(Provider::id));
        return l;
    }

    public String family() {
        return family;
    }

    /** Messages about providers that were found but disabled. */
    public List<String> failures() {
        return failures;
    }
}
