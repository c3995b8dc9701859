package org.watchfloor.model;

/** How urgently a watch officer should look, highest first. */
public enum Severity {
    FLASH, URGENT, ROUTINE;

    /** One level more urgent, or the same at the top. */
    public Severity raised() {
        return this == ROUTINE ? URGENT : FLASH;
    }
}
