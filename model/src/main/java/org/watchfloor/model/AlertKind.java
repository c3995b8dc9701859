package org.watchfloor.model;

/** NEW: first item of a story on a topic; UPDATE: a later item that adds facts; SURGE: volume spike. */
public enum AlertKind {
    NEW, UPDATE, SURGE
}
