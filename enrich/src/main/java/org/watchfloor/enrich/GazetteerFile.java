package org.watchfloor.enrich;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Reads the tab-separated gazetteer format; failures name the source and line so a user can fix their file. */
record GazetteerFile(List<GazetteerEntry> entries, String version) {
    private static final String VERSION_PREFIX = "# version:";
    /** Required columns; an eighth, {@code wikidata}, may follow. */
    private static final List<String> COLUMNS =
            List.of("id", "kind", "name", "state", "metonymFor", "aliases", "demonyms");

    static GazetteerFile parse(String content, String source) {
        List<GazetteerEntry> entries = new ArrayList<>();
        String version = null;
        boolean header = false;
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.toLowerCase(Locale.ROOT).startsWith(VERSION_PREFIX)) {
                version = line.substring(VERSION_PREFIX.length()).strip();
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (!header) {
                if (!Arrays.asList(cells).subList(0, Math.min(cells.length, COLUMNS.size())).equals(COLUMNS)) {
                    throw error(source, i, "expected the header line " + String.join("<TAB>", COLUMNS));
                }
                header = true;
                continue;
            }
            entries.add(entry(cells, source, i));
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("gazetteer " + source + ": no entries");
        }
        return new GazetteerFile(entries, version == null || version.isEmpty() ? null : version);
    }

    private static GazetteerEntry entry(String[] cells, String source, int line) {
        if (cells.length < COLUMNS.size()) {
            throw error(source, line, "expected " + COLUMNS.size() + " tab-separated cells, found " + cells.length);
        }
        String id = cells[0].strip();
        if (id.isEmpty()) {
            throw error(source, line, "empty id");
        }
        GazetteerEntry.Kind kind;
        try {
            kind = GazetteerEntry.Kind.valueOf(cells[1].strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(source, line, "kind must be state, person, organization or location, was '" + cells[1] + "'");
        }
        String name = cells[2].strip().isEmpty() ? id : cells[2].strip();
        // The wikidata column is optional so that files written before it existed still load.
        String wikidata = cells.length > COLUMNS.size() ? blankToNull(cells[COLUMNS.size()]) : null;
        try {
            return new GazetteerEntry(id, kind, name, blankToNull(cells[3]), blankToNull(cells[4]),
                    list(cells[5]), list(cells[6]), wikidata);
        } catch (IllegalArgumentException e) {
            throw error(source, line, e.getMessage());
        }
    }

    private static List<String> list(String cell) {
        return Arrays.stream(cell.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String cell) {
        return cell.strip().isEmpty() ? null : cell.strip();
    }

    private static IllegalArgumentException error(String source, int index, String message) {
        return new IllegalArgumentException("gazetteer " + source + " line " + (index + 1) + ": " + message);
    }
}
