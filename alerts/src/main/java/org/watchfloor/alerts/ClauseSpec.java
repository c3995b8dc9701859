package org.watchfloor.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One clause of a topic's {@code when} as written by a user (see {@link Clause}); not validated here.
 * {@code role} is {@code agent} or {@code any} (default); {@code near} is a number of tokens;
 * {@code within} is {@code sentence}
 * (default) or {@code item}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ClauseSpec(List<String> actor, String role, List<String> with, List<String> without,
                         List<String> concepts, Integer near, List<String> troops,
                         List<String> casualties, List<String> places, String within) {
}
