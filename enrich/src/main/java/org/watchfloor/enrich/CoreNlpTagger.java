package org.watchfloor.enrich;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only class that touches Stanford CoreNLP. Runs tokenize, ssplit, pos, lemma and ner with the
 * settings measured fastest (English 3-class CRF only; no fine-grained NER, SUTime or numeric
 * classifiers) and the gazetteer applied inside {@code ner}, then copies token-level tags into
 * enrich's own records. Token tags are read rather than CoreNLP's entity mentions, which keep the
 * types from before the gazetteer ran.
 *
 * <p>Loading costs seconds and hundreds of MB, so a JVM builds one pipeline per gazetteer
 * ({@link #shared(Gazetteer)}); one {@code StanfordCoreNLP} is safe to share between stream threads.
 */
public final class CoreNlpTagger implements EntityTagger {
    public static final String VERSION = "4.5.10";
    public static final List<String> ANNOTATORS = List.of("tokenize", "ssplit", "pos", "lemma", "ner");
    /**
     * Longer sentences are tokenised but not tagged (tags {@code X}, no entities): a "sentence" of
     * thousands of tokens, such as a list of words without a full stop, made the tagger run out of
     * 1.5 GB of heap. Real sentences stay far below.
     */
    static final int MAX_SENTENCE_TOKENS = 300;
    /**
     * CoreNLP's tokenizer is quadratic in the length of some runs without a space ({@code &&&},
     * {@code a&a&}, {@code '''}: 20,000 ampersands took 24 s): such runs are broken by a space every
     * this many characters before tagging. No word or link is that long; offsets do not move.
     */
    static final int MAX_RUN = 100;
    static final String NER_MODEL = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

    private static final Logger log = LoggerFactory.getLogger(CoreNlpTagger.class);
    // Keyed by the gazetteer's content hash: one pipeline per distinct gazetteer, never rebuilt.
    private static final ConcurrentMap<String, CoreNlpTagger> SHARED = new ConcurrentHashMap<>();

    private final StanfordCoreNLP pipeline;

    private CoreNlpTagger(Gazetteer gazetteer) {
        long started = System.nanoTime();
        Path mapping = writeMapping(gazetteer);
        this.pipeline = new StanfordCoreNLP(properties(mapping));
        log.info("CoreNLP {} pipeline {} loaded in {} ms (gazetteer {}, {} entries)", VERSION, ANNOTATORS,
                (System.nanoTime() - started) / 1_000_000, gazetteer.version(), gazetteer.entries().size());
    }

    /** The JVM's pipeline for this gazetteer, built on first use. */
    public static CoreNlpTagger shared(Gazetteer gazetteer) {
        Objects.requireNonNull(gazetteer, "gazetteer");
        return SHARED.computeIfAbsent(gazetteer.fingerprint(), key -> new CoreNlpTagger(gazetteer));
    }

    private static Properties properties(Path mapping) {
        Properties props = new Properties();
        props.setProperty("annotators", String.join(",", ANNOTATORS));
        props.setProperty("tokenize.language", "en");
        // Title and summary are joined by a blank line: never run a headline into the first sentence.
        props.setProperty("ssplit.newlineIsSentenceBreak", "two");
        props.setProperty("pos.maxlen", Integer.toString(MAX_SENTENCE_TOKENS));
        props.setProperty("ner.maxlen", Integer.toString(MAX_SENTENCE_TOKENS));
        props.setProperty("ner.model", NER_MODEL);
        props.setProperty("ner.applyFineGrained", "false");
        props.setProperty("ner.useSUTime", "false");
        props.setProperty("ner.applyNumericClassifiers", "false");
        props.setProperty("ner.buildEntityMentions", "false");
        props.setProperty("ner.additional.regexner.mapping", mapping.toString());
        props.setProperty("ner.additional.regexner.ignorecase", "false");
        return props;
    }

    private static Path writeMapping(Gazetteer gazetteer) {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize");
        props.setProperty("tokenize.language", "en");
        StanfordCoreNLP tokenizer = new StanfordCoreNLP(props);
        String content = RegexNerMapping.render(gazetteer, alias -> words(tokenizer, alias));
        try {
            Path file = Files.createTempFile("watchfloor-gazetteer-", ".regexner.tsv");
            file.toFile().deleteOnExit();
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the RegexNER mapping for the gazetteer", e);
        }
    }

    private static List<String> words(StanfordCoreNLP tokenizer, String text) {
        Annotation annotation = new Annotation(text);
        tokenizer.annotate(annotation);
        return annotation.get(CoreAnnotations.TokensAnnotation.class).stream().map(CoreLabel::word).toList();
    }

    @Override
    public AnnotatedText annotate(String text) {
        Objects.requireNonNull(text, "text");
        Annotation annotation = new Annotation(withLongRunsBroken(text));
        pipeline.annotate(annotation);
        List<AnnotatedSentence> sentences = new ArrayList<>();
        List<CoreMap> coreSentences = annotation.get(CoreAnnotations.SentencesAnnotation.class);
        for (CoreMap sentence : coreSentences == null ? List.<CoreMap>of() : coreSentences) {
            List<Token> tokens = new ArrayList<>();
            for (CoreLabel label : sentence.get(CoreAnnotations.TokensAnnotation.class)) {
                tokens.add(new Token(label.word(), label.lemma(), label.tag(), label.ner(),
                        label.beginPosition(), label.endPosition()));
            }
            sentences.add(new AnnotatedSentence(sentences.size(),
                    sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class),
                    sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class), tokens));
        }
        return new AnnotatedText(text, sentences);
    }

    /** {@code text}, of the same length, with a space after every {@value #MAX_RUN} characters without one. */
    static String withLongRunsBroken(String text) {
        char[] chars = null;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                run = 0;
            } else if (++run > MAX_RUN && !Character.isSurrogate(c)) {
                chars = chars == null ? text.toCharArray() : chars;
                chars[i] = ' ';
                run = 0;
            }
        }
        return chars == null ? text : new String(chars);
    }

    @Override
    public List<String> annotators() {
        return ANNOTATORS;
    }

    @Override
    public String version() {
        return VERSION;
    }
}
