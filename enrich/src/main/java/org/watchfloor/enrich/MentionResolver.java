package org.watchfloor.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.watchfloor.model.Entity;

/**
 * Turns token tags into entity mentions (runs of tokens with the same non-O tag) and resolves each
 * against the gazetteer. Unknown names are kept with no canonical id, never dropped.
 *
 * <p>A person named once in full and later by surname alone ("Lloyd Austin ... Austin said") is
 * resolved within the same text only: a bare surname is too ambiguous to be a global alias.
 */
final class MentionResolver {
    private final Gazetteer gazetteer;

    MentionResolver(Gazetteer gazetteer) {
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
    }

    List<Mention> resolve(AnnotatedText text) {
        List<Mention> mentions = new ArrayList<>();
        for (AnnotatedSentence sentence : text.sentences()) {
            List<Token> tokens = sentence.tokens();
            int i = 0;
            while (i < tokens.size()) {
                Token token = tokens.get(i);
                if (!token.isEntity()) {
                    i++;
                    continue;
                }
                int end = i + 1;
                while (end < tokens.size() && tokens.get(end).ner().equals(token.ner())) {
                    end++;
                }
                mentions.add(mention(text.text(), sentence.index(), tokens, i, end));
                i = end;
            }
        }
        return resolveSurnames(mentions);
    }

    private Mention mention(String text, int sentence, List<Token> tokens, int first, int end) {
        int begin = tokens.get(first).begin();
        int stop = tokens.get(end - 1).end();
        String surface = text.substring(begin, stop);
        Gazetteer.SurfaceForm form = gazetteer.lookup(surface).orElse(null);
        if (form == null && NerTypes.PERSON.equals(tokens.get(first).ner()) && end - first > 1) {
            // "Volodymyr Oleksandrovych Zelensky": a full name ending in a known person's surname.
            form = gazetteer.lookup(tokens.get(end - 1).word())
                    .filter(f -> f.entry().kind() == GazetteerEntry.Kind.PERSON)
                    .orElse(null);
        }
        String canonical = form == null ? null : form.entry().id();
        Entity entity = new Entity(surface, tokens.get(first).ner(), begin, stop, canonical);
        return new Mention(entity, sentence, first, end, form);
    }

    private static List<Mention> resolveSurnames(List<Mention> mentions) {
        List<GazetteerEntry> people = mentions.stream()
                .filter(m -> m.known() && m.entry().kind() == GazetteerEntry.Kind.PERSON)
                .map(Mention::entry).distinct().toList();
        if (people.isEmpty()) {
            return mentions;
        }
        List<Mention> resolved = new ArrayList<>(mentions.size());
        for (Mention m : mentions) {
            // Any tag: the 3-class model often reads a lone surname as a place ("Austin").
            GazetteerEntry person = m.known() ? null : bySurname(people, m.entity().text());
            if (person == null) {
                resolved.add(m);
            } else {
                Entity e = m.entity();
                resolved.add(new Mention(new Entity(e.text(), NerTypes.PERSON, e.start(), e.end(), person.id()),
                        m.sentence(), m.first(), m.end(), new Gazetteer.SurfaceForm(person, false)));
            }
        }
        return resolved;
    }

    private static GazetteerEntry bySurname(List<GazetteerEntry> people, String surface) {
        String wanted = TextNormaliser.normalise(surface);
        List<GazetteerEntry> matches = people.stream().filter(p -> {
            String[] words = TextNormaliser.normalise(p.name()).split(" ");
            return words[words.length - 1].equals(wanted);
        }).toList();
        return matches.size() == 1 ? matches.get(0) : null;
    }
}
