package org.watchfloor.stage.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads a settings file: YAML, nested sections or dotted keys alike ({@code alerts: {story.threshold: 0.3}}
 * is {@code alerts.story.threshold}), every value remembered with its file and line. Lists become
 * comma-separated text; {@code null} values are left out.
 */
public final class YamlLayer {
    private static final YAMLFactory YAML = new YAMLFactory();

    private YamlLayer() {
    }

    public static Layer read(Path file) {
        Layer layer = new Layer();
        try (JsonParser parser = YAML.createParser(Files.newBufferedReader(file))) {
            if (parser.nextToken() == null) {
                return layer;
            }
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw new SettingsException(at(file, parser) + ": a settings file is a map of keys to values");
            }
            Deque<String> path = new ArrayDeque<>();
            readObject(file, parser, path, layer);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SettingsException(file + ":" + e.getLocation().getLineNr() + ": not valid YAML: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SettingsException("cannot read settings file " + file + ": " + e.getMessage());
        }
        return layer;
    }

    private static void readObject(Path file, JsonParser parser, Deque<String> path, Layer layer) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            path.addLast(parser.currentName());
            JsonToken value = parser.nextToken();
            String key = String.join(".", path);
            String origin = at(file, parser);
            if (value == JsonToken.START_OBJECT) {
                readObject(file, parser, path, layer);
            } else if (value == JsonToken.START_ARRAY) {
                List<String> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (!parser.currentToken().isScalarValue()) {
                        throw new SettingsException(at(file, parser) + ": " + key + " must be a list of plain values");
                    }
                    items.add(parser.getText());
                }
                layer.put(key, String.join(",", items), origin);
            } else if (value != JsonToken.VALUE_NULL) {
                layer.put(key, parser.getText(), origin);
            }
            path.removeLast();
        }
    }

    private static String at(Path file, JsonParser parser) {
        return file + ":" + parser.currentTokenLocation().getLineNr();
    }
}
