package org.watchfloor.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The known actors and places, read from a data file (tab-separated, see {@code gazetteer/actors.tsv}
 * for the columns) so that a deployment can bring its own list without a code change.
 *
 * <p>Lookups are by normalised surface form ({@link TextNormaliser}); a surface form that names two
 * entries is a data error and fails the load, because a silent choice would mis-attribute troops.
 */
public final class Gazetteer {
    /** The list shipped with Watchfloor. */
    public static final String BUNDLED_RESOURCE = "/gazetteer/actors.tsv";
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}.]+");

    private final List<GazetteerEntry> entries;
    private final Map<String, GazetteerEntry> byId;
    private final Map<String, SurfaceForm> bySurface;
    // Entry id -> its name, aliases and demonyms as whole words (padded), for namesState.
    private final Map<String, List<String>> wordForms;
    private final String version;
    private final String fingerprint;

    Gazetteer(List<GazetteerEntry> entries, String declaredVersion, String fingerprint) {
        this.entries = List.copyOf(entries);
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
        this.version = declaredVersion != null ? declaredVersion : "sha256:" + fingerprint.substring(0, 12);
        this.byId = new LinkedHashMap<>();
        this.bySurface = new LinkedHashMap<>();
        for (GazetteerEntry entry : this.entries) {
            if (byId.put(entry.id(), entry) != null) {
                throw new IllegalArgumentException("gazetteer: duplicate id '" + entry.id() + "'");
            }
            index(entry.name(), new SurfaceForm(entry, false));
            entry.aliases().forEach(alias -> index(alias, new SurfaceForm(entry, false)));
            entry.demonyms().forEach(demonym -> index(demonym, new SurfaceForm(entry, true)));
        }
        this.entries.forEach(this::checkStateReferences);
        this.wordForms = new LinkedHashMap<>();
        for (GazetteerEntry entry : this.entries) {
            wordForms.put(entry.id(), Stream.of(List.of(entry.name()), entry.aliases(), entry.demonyms())
                    .flatMap(List::stream).map(Gazetteer::asWords).toList());
        }
    }

    // " north korea s " for "North Korea's": normalised, every run of other characters than letters, digits and dots
    // one space, padded, so that contains() finds whole words.
    private static String asWords(String text) {
        return " " + NON_WORD.matcher(TextNormaliser.normalise(text)).replaceAll(" ") + " ";
    }

    // Troop owners and claimants resolve through these references, so a typo must fail the load.
    private void checkStateReferences(GazetteerEntry entry) {
        for (String ref : new String[] {entry.state(), entry.metonymFor()}) {
            if (ref != null && (!byId.containsKey(ref) || byId.get(ref).kind() != GazetteerEntry.Kind.STATE)) {
                throw new IllegalArgumentException("gazetteer: '" + entry.id() + "' refers to '" + ref
                        + "', which is not a state in the same file");
            }
        }
    }

    private void index(String surface, SurfaceForm form) {
        String key = TextNormaliser.normalise(surface);
        SurfaceForm previous = bySurface.putIfAbsent(key, form);
        if (previous != null && !previous.entry().id().equals(form.entry().id())) {
            throw new IllegalArgumentException("gazetteer: '" + surface + "' names both '"
                    + previous.entry().id() + "' and '" + form.entry().id() + "'");
        }
    }

    /** The gazetteer shipped in this module's resources. */
    public static Gazetteer bundled() {
        try (InputStream in = Gazetteer.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no gazetteer on the classpath at " + BUNDLED_RESOURCE);
            }
            return parse(in.readAllBytes(), "classpath:" + BUNDLED_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED_RESOURCE, e);
        }
    }

    /** A gazetteer from a user's file in the same format as the bundled one. */
    public static Gazetteer load(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gazetteer " + file, e);
        }
    }

    /**
     * The {@code base} gazetteer with a user's file merged over it: an entry with the same id replaces
     * the base entry, new ids are added. This is how a deployment adds actors without a code change.
     * The version names both files, so enriched items record which list tagged them.
     */
    public static Gazetteer load(Gazetteer base, Path userFile) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(userFile, "userFile");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(userFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gazetteer " + userFile, e);
        }
        // Parsed, not built alone: a user's person may refer to a state that only the base file defines.
        GazetteerFile user = GazetteerFile.parse(new String(bytes, StandardCharsets.UTF_8), userFile.toString());
        String userFingerprint = sha256(bytes);
        String userVersion = user.version() != null ? user.version() : "sha256:" + userFingerprint.substring(0, 12);
        Map<String, GazetteerEntry> merged = new LinkedHashMap<>(base.byId);
        user.entries().forEach(e -> merged.put(e.id(), e));
        return new Gazetteer(List.copyOf(merged.values()), base.version + "+" + userVersion,
                sha256((base.fingerprint + "+" + userFingerprint).getBytes(StandardCharsets.UTF_8)));
    }

    static Gazetteer parse(byte[] bytes, String source) {
        GazetteerFile file = GazetteerFile.parse(new String(bytes, StandardCharsets.UTF_8), source);
        return new Gazetteer(file.entries(), file.version(), sha256(bytes));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    /** The entry a mention names, by its normalised text; empty for names the gazetteer does not know. */
    public Optional<SurfaceForm> lookup(String mention) {
        return Optional.ofNullable(bySurface.get(TextNormaliser.normalise(mention)));
    }

    /** True when {@code surface} contains a name or demonym of state {@code stateId} as whole words. */
    boolean namesState(String surface, String stateId) {
        List<String> forms = wordForms.get(stateId);
        if (forms == null) {
            return false;
        }
        String words = asWords(surface);
        for (String form : forms) {
            if (words.contains(form)) {
                return true;
            }
        }
        return false;
    }

    public Optional<GazetteerEntry> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** True when {@code id} is an entry's id: an actor or a place that topic rules may name. */
    public boolean knows(String id) {
        return byId.containsKey(id);
    }

    public List<GazetteerEntry> entries() {
        return entries;
    }

    /** The file's declared {@code # version:} header, else {@code sha256:} and the first 12 hex digits of its hash. */
    public String version() {
        return version;
    }

    /** SHA-256 of the file's bytes: two gazetteers with the same fingerprint tag text identically. */
    public String fingerprint() {
        return fingerprint;
    }

    /** What a surface form resolves to; {@code demonym} is true for "North Korean", false for "North Korea". */
    public record SurfaceForm(GazetteerEntry entry, boolean demonym) {
    }
}
