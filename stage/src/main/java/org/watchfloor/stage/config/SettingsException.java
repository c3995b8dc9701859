package org.watchfloor.stage.config;

/** A setting that is unknown or has a bad value; the message names the key and where it came from. */
public final class SettingsException extends IllegalArgumentException {
    public SettingsException(String message) {
        super(message);
    }
}
