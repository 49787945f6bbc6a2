package org.edgeai.app.gui.vm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

import org.edgeai.app.gui.DocumentStore;
import org.edgeai.app.gui.doc.EditorDocumentData;

/**
 * Recovery files: every 30 s the workbench writes each unsaved experiment to {@code recovery/KEY.json}
 * (through the {@link DocumentStore}) with a {@code KEY.properties} beside it (title and original path).
 * A session marker file exists while the workbench runs; if it is found at start, the last session
 * crashed and its recovery files are offered for restoring. A clean exit deletes both.
 */
public final class RecoveryStore {

    /**
     * One recoverable experiment.
     *
     * @param key      file stem in the recovery directory
     * @param title    the tab title it had
     * @param original where it was saved before, or {@code null}
     */
    public record Entry(String key, String title, Path original) {
    }

    private final WorkbenchHome home;
    private final DocumentStore store;

    public RecoveryStore(WorkbenchHome home, DocumentStore store) {
        this.home = Objects.requireNonNull(home);
        this.store = Objects.requireNonNull(store);
    }

    /**
     * Marks the start of a session.
     *
     * @return true when the previous session did not end cleanly (its marker was still there)
     */
    public boolean startSession() throws IOException {
        Files.createDirectories(home.dir());
        boolean crashed = Files.exists(home.sessionMarker());
        Files.writeString(home.sessionMarker(), Long.toString(ProcessHandle.current().pid()), StandardCharsets.UTF_8);
        return crashed;
    }

    /** Ends the session cleanly: deletes the recovery files and the marker. */
    public void endSession() throws IOException {
        clear();
        Files.deleteIfExists(home.sessionMarker());
    }

    /** Writes (replaces) the recovery file of one experiment. Call on a background thread. */
    public void write(String key, String title, Path original, EditorDocumentData data) throws IOException {
        Path dir = home.recoveryDir();
        Files.createDirectories(dir);
        store.save(data, dir.resolve(key + ".json"));
        Properties p = new Properties();
        p.setProperty("title", title);
        if (original != null) {
            p.setProperty("original", original.toAbsolutePath().toString());
        }
        Path tmp = dir.resolve(key + ".properties.tmp");
        try (var w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "Edge AI Workbench recovery entry");
        }
        Files.move(tmp, dir.resolve(key + ".properties"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes the recovery file of one experiment (it was saved or closed). */
    public void delete(String key) throws IOException {
        Files.deleteIfExists(home.recoveryDir().resolve(key + ".json"));
        Files.deleteIfExists(home.recoveryDir().resolve(key + ".properties"));
    }

    /** The recoverable experiments, by key order. */
    public List<Entry> entries() throws IOException {
        List<Entry> out = new ArrayList<>();
        Path dir = home.recoveryDir();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> props = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.properties")) {
            ds.forEach(props::add);
        }
        props.sort(null);
        for (Path f : props) {
            String key = f.getFileName().toString().replaceFirst("\\.properties$", "");
            if (!Files.isRegularFile(dir.resolve(key + ".json"))) {
                continue;
            }
            Properties p = new Properties();
            try (var r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            String orig = p.getProperty("original");
            out.add(new Entry(key, p.getProperty("title", key), orig == null ? null : Path.of(orig)));
        }
        return out;
    }

    public EditorDocumentData read(Entry e) throws IOException {
        return store.load(home.recoveryDir().resolve(e.key() + ".json"));
    }

    /** Deletes every recovery file. */
    public void clear() throws IOException {
        Path dir = home.recoveryDir();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                Files.deleteIfExists(p);
            }
        }
    }
}
