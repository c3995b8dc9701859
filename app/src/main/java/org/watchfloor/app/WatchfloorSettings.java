package org.watchfloor.app;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.alerts.AlertsConfig;
import org.watchfloor.alerts.TopicPack;
import org.watchfloor.console.ConsoleSettings;
import org.watchfloor.delivery.DeliverySettings;
import org.watchfloor.delivery.MailSettings;
import org.watchfloor.enrich.EnrichTopology;
import org.watchfloor.enrich.Gazetteer;
import org.watchfloor.ingest.FetchSettings;
import org.watchfloor.ingest.IngestSettings;
import org.watchfloor.ingest.fetch.FetchPolicy;
import org.watchfloor.ingest.parse.ItemTextLimits;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.TopicSettings;
import org.watchfloor.stage.config.Settings;
import org.watchfloor.stage.config.SettingsException;
import org.watchfloor.stage.config.Validators;

/**
 * Every setting of Watchfloor (besides the Kafka client settings, which pass through under
 * {@code kafka.}), with its type, default and meaning, and how each becomes the settings object of
 * the stage that uses it. {@code watchfloor config --print-defaults} prints this list.
 */
final class WatchfloorSettings {
    static final String DEPLOYMENT = "deployment";
    static final String PARTITIONS = "topics.partitions";
    static final String REPLICATION = "topics.replication.factor";
    static final String MIN_IN_SYNC = "topics.min.insync.replicas";
    static final String RETENTION = "topics.retention";
    static final String RETENTION_BYTES = "topics.retention.bytes";
    static final String STATE_DIR = "state.dir";
    static final String POLL_INTERVAL = "ingest.poll.interval";
    static final String POLL_FLOOR = "ingest.poll.floor";
    static final String POLL_CEILING = "ingest.poll.ceiling";
    static final String BACKOFF = "ingest.backoff";
    static final String UNHEALTHY_AFTER = "ingest.unhealthy.after";
    static final String WORKERS = "ingest.workers";
    static final String SEEN_PER_FEED = "ingest.seen.per.feed";
    static final String INGEST_GROUP = "ingest.group";
    static final String CONNECT_TIMEOUT = "ingest.fetch.connect.timeout";
    static final String FETCH_TIMEOUT = "ingest.fetch.timeout";
    static final String MAX_BYTES = "ingest.fetch.max.bytes";
    static final String MAX_REDIRECTS = "ingest.fetch.max.redirects";
    static final String PER_HOST = "ingest.fetch.per.host";
    static final String USER_AGENT = "ingest.fetch.user.agent";
    static final String ALLOW_PRIVATE = "ingest.fetch.allow.private";
    static final String PARSE_BUDGET = "ingest.parse.budget";
    static final String MAX_TITLE = "ingest.item.max.title";
    static final String MAX_SUMMARY = "ingest.item.max.summary";
    static final String SEEN_RETENTION = "enrich.seen.retention";
    static final String ENRICH_THREADS = "enrich.threads";
    static final String GAZETTEER = "enrich.gazetteer";
    static final String TOPIC_PACK = "alerts.topic.pack";
    static final String STORY_WINDOW = "alerts.story.window";
    static final String STORY_THRESHOLD = "alerts.story.threshold";
    static final String STORY_RETENTION = "alerts.story.retention";
    static final String STORY_IDLE = "alerts.story.idle";
    static final String SURGE_MARGIN = "alerts.surge.margin";
    static final String SURGE_MIN_STORIES = "alerts.surge.min.stories";
    static final String DELIVERY_ATTEMPTS = "delivery.attempts";
    static final String DELIVERY_DEADLINE = "delivery.deadline";
    static final String DELIVERY_BACKOFF = "delivery.backoff";
    static final String DELIVERY_TIMEOUT = "delivery.request.timeout";
    static final String DELIVERY_IN_FLIGHT = "delivery.max.in.flight";
    static final String SMTP_HOST = "smtp.host";
    static final String SMTP_PORT = "smtp.port";
    static final String SMTP_STARTTLS = "smtp.starttls";
    static final String SMTP_USERNAME = "smtp.username";
    static final String SMTP_PASSWORD_FILE = "smtp.password.file";
    static final String SMTP_PASSWORD_ENV = "smtp.password.env";
    static final String SMTP_FROM = "smtp.from";
    static final String CONSOLE_BIND = "console.bind";
    static final String CONSOLE_PORT = "console.port";
    static final String CONSOLE_TOKEN = "console.token";
    static final String OPS_BIND = "ops.bind";
    static final String OPS_PORT = "ops.port";
    static final String DATA_DIR = "embedded.data.dir";
    static final String EMBEDDED_PORT = "embedded.port";
    static final String DEFAULT_BOOTSTRAP = "localhost:9092";

    static final ConfigDef DEFINITION = define();
    private static final Logger log = LoggerFactory.getLogger(WatchfloorSettings.class);

    private WatchfloorSettings() {
    }

    private static ConfigDef define() {
        IngestSettings ingest = IngestSettings.defaults();
        FetchSettings fetch = ingest.fetch();
        AlertsConfig alerts = AlertsConfig.defaults();
        TopicSettings topics = TopicSettings.defaults();
        DeliverySettings delivery = DeliverySettings.defaults();
        ConfigDef d = new ConfigDef();
        d.define(DEPLOYMENT, Type.STRING, "", deploymentName(), Importance.HIGH,
                "Name of this deployment: prefixes every topic, application id, group id and transactional id "
                        + "(blue -> blue.news.raw), so deployments share a cluster without seeing each other. "
                        + "Empty: the plain names.");
        d.define(PARTITIONS, Type.INT, topics.partitions(), Range.atLeast(1), Importance.HIGH,
                "Partitions of the keyed topics when Watchfloor creates them (watchlists always has 1).");
        d.define(REPLICATION, Type.SHORT, topics.replicationFactor(), Range.atLeast(1), Importance.HIGH,
                "Replication factor of every topic Watchfloor and its Streams stages create.");
        d.define(MIN_IN_SYNC, Type.INT, 0, Range.atLeast(0), Importance.HIGH,
                "min.insync.replicas of every topic created; 0: 2 from replication factor 3 on, else 1.");
        d.define(RETENTION, Type.STRING, Validators.UNLIMITED, Validators.DURATION_OR_UNLIMITED,
                Importance.MEDIUM, "How long data topics keep records, ISO-8601, or unlimited. Counted from the "
                        + "record time, which is the article's publication time: an article older than this is deleted "
                        + "as soon as it arrives, so keep it well above the age of what feeds list.");
        d.define(RETENTION_BYTES, Type.LONG, topics.retentionBytes(), Range.atLeast(-1), Importance.MEDIUM,
                "Most bytes a data topic keeps per partition; -1: no limit.");
        d.define(STATE_DIR, Type.STRING, "data/streams", Importance.MEDIUM,
                "Where the Streams stages keep their local state (rebuilt from Kafka when lost).");
        duration(d, POLL_INTERVAL, ingest.interval(), "How often a feed is read again unless its server asks for less.");
        duration(d, POLL_FLOOR, ingest.floor(), "Never read a feed more often than this (lowered to the interval).");
        duration(d, POLL_CEILING, ingest.ceiling(), "Never leave a feed unread longer than this (raised to the interval).");
        duration(d, BACKOFF, ingest.backoffBase(), "First wait after a failed read; doubles with each failure.");
        d.define(UNHEALTHY_AFTER, Type.INT, ingest.unhealthyAfter(), Range.atLeast(1), Importance.LOW,
                "Failed reads in a row after which a feed is reported unhealthy.");
        d.define(WORKERS, Type.INT, ingest.workers(), Range.atLeast(1), Importance.LOW, "Feeds read at once per instance.");
        d.define(SEEN_PER_FEED, Type.INT, ingest.maxSeenPerFeed(), Range.between(1, IngestSettings.MAX_SEEN_PER_FEED),
                Importance.LOW,
                "Item identities remembered per feed to tell new and edited items from known ones.");
        d.define(INGEST_GROUP, Type.STRING, ingest.groupId(), new ConfigDef.NonEmptyString(), Importance.LOW,
                "Consumer group of the ingest instances (under the deployment name).");
        duration(d, CONNECT_TIMEOUT, fetch.connectTimeout(), "Longest wait to connect to a feed's server.");
        duration(d, FETCH_TIMEOUT, fetch.responseTimeout(), "Longest wait for a feed's whole response, body included.");
        d.define(MAX_BYTES, Type.LONG, fetch.maxBytes(), Range.atLeast(1), Importance.LOW, "Largest feed body read.");
        d.define(MAX_REDIRECTS, Type.INT, fetch.maxRedirects(), Range.atLeast(0), Importance.LOW,
                "Redirects followed per read.");
        d.define(PER_HOST, Type.INT, fetch.perHostConcurrency(), Range.atLeast(1), Importance.LOW,
                "Reads at once against one host.");
        d.define(USER_AGENT, Type.STRING, fetch.userAgent(), new ConfigDef.NonEmptyString(), Importance.LOW,
                "User-Agent header sent to feed servers.");
        d.define(ALLOW_PRIVATE, Type.BOOLEAN, false, Importance.HIGH, "Let registered feeds point at loopback, "
                + "private and link-local addresses and file: URLs (refused by default: a feed URL must not reach "
                + "internal services). Feeds named on the command line of run, replay and ingest --once may always.");
        duration(d, PARSE_BUDGET, ingest.parseBudget(), "Longest time one feed's parse may take.");
        d.define(MAX_TITLE, Type.INT, ingest.textLimits().maxTitle(), Range.atLeast(16), Importance.LOW,
                "Longest item title kept, in characters; a longer one is cut and the item marked truncated.");
        d.define(MAX_SUMMARY, Type.INT, ingest.textLimits().maxSummary(), Range.atLeast(256), Importance.LOW,
                "Longest item text kept, in characters; a longer one is cut and the item marked truncated.");
        duration(d, SEEN_RETENTION, EnrichTopology.DEFAULT_SEEN_RETENTION, "How long enrich remembers an item after "
                + "its last delivery: a copy with the same content within it is not enriched again (~250 B heap each).");
        d.define(ENRICH_THREADS, Type.INT, 1, Range.atLeast(1), Importance.MEDIUM, "Stream threads of the enrich stage.");
        d.define(GAZETTEER, Type.STRING, "", Importance.MEDIUM,
                "Your own actors and places (TSV), merged over the bundled gazetteer (same id replaces). Empty: none.");
        d.define(TOPIC_PACK, Type.STRING, "", Importance.HIGH, "Topic pack (YAML) that seeds an empty watchlists "
                + "topic; later, change topics with 'watchfloor topics apply'. Empty: the bundled pack.");
        duration(d, STORY_WINDOW, alerts.storyWindow(), "How far apart in event time two reports may be and still be one story.");
        duration(d, STORY_RETENTION, alerts.storyRetention(), "How long a story is kept after its newest item, and "
                + "an item and its fingerprint after the item, by event time (at least the story window); an edit or copy "
                + "of an item older than this is placed anew, as a new report.");
        duration(d, STORY_IDLE, alerts.storyIdle(), "... and once no item joined it for this long by the wall clock, so "
                + "that a replay jumping back and forth in event time keeps a story its next feed extends.");
        d.define(STORY_THRESHOLD, Type.DOUBLE, alerts.storyThreshold(), Range.between(0.001, 1.0), Importance.LOW,
                "Least similarity for a report to join a story on a topic in common (0..1).");
        d.define(SURGE_MARGIN, Type.DOUBLE, alerts.surgeMargin(), Range.atLeast(0.0), Importance.LOW,
                "A topic surges when this hour's stories exceed the trailing 24-hour hourly average by this fraction.");
        d.define(SURGE_MIN_STORIES, Type.INT, alerts.surgeMinStories(), Range.atLeast(1), Importance.LOW,
                "... and number at least this many.");
        d.define(DELIVERY_ATTEMPTS, Type.INT, delivery.attempts(), Range.atLeast(1), Importance.MEDIUM,
                "Most tries of one alert to one channel; then it goes to alerts.undelivered.");
        duration(d, DELIVERY_DEADLINE, delivery.deadline(), "Longest time a channel gets to take an alert, from the "
                + "first try; then it goes to alerts.undelivered.");
        duration(d, DELIVERY_BACKOFF, delivery.firstBackoff(), "First wait after a failed delivery; doubles with each "
                + "failure, with jitter.");
        duration(d, DELIVERY_TIMEOUT, delivery.requestTimeout(), "Longest wait for a webhook to answer one try.");
        d.define(DELIVERY_IN_FLIGHT, Type.INT, delivery.maxInFlight(), Range.atLeast(1), Importance.LOW,
                "Alerts being delivered at once; beyond, the delivery stage stops reading alerts until some are done.");
        MailSettings mail = MailSettings.defaults();
        d.define(SMTP_HOST, Type.STRING, mail.host(), Importance.MEDIUM,
                "SMTP server of e-mail channels; empty: none (their alerts go to alerts.undelivered).");
        d.define(SMTP_PORT, Type.INT, mail.port(), Range.between(1, 65535), Importance.MEDIUM, "SMTP server port.");
        d.define(SMTP_STARTTLS, Type.BOOLEAN, mail.starttls(), Importance.MEDIUM,
                "Require STARTTLS before sending (false only for a server on loopback).");
        d.define(SMTP_USERNAME, Type.STRING, mail.username(), Importance.MEDIUM, "SMTP login; empty: none.");
        d.define(SMTP_PASSWORD_FILE, Type.STRING, mail.passwordFile(), Importance.MEDIUM,
                "File holding the SMTP password, read at each send; the password itself is never a setting.");
        d.define(SMTP_PASSWORD_ENV, Type.STRING, mail.passwordEnv(), Importance.MEDIUM,
                "Or: environment variable of the delivery process holding the SMTP password.");
        d.define(SMTP_FROM, Type.STRING, mail.from(), emailAddress(), Importance.MEDIUM,
                "Sender address of alert e-mails.");
        d.define(CONSOLE_BIND, Type.STRING, ConsoleSettings.DEFAULT_BIND, new ConfigDef.NonEmptyString(), Importance.HIGH,
                "Address the web console listens on; 127.0.0.1 lets in only this machine, 0.0.0.0 every network "
                        + "(then set console.token).");
        d.define(CONSOLE_PORT, Type.INT, ConsoleSettings.DEFAULT_PORT, Range.between(0, 65535), Importance.HIGH,
                "Port of the web console (and its /api, /metrics, /health); 0: any free port, printed at start.");
        d.define(CONSOLE_TOKEN, Type.PASSWORD, "", consoleToken(), Importance.HIGH,
                "When set, every request to the console needs it: 'Authorization: Bearer TOKEN', or open "
                        + "/?token=TOKEN once in a browser (it sets a cookie). Never printed. Empty: no token.");
        d.define(OPS_BIND, Type.STRING, "127.0.0.1", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                "Address of /metrics and /health of a stage run alone (ingest, enrich, alerts, delivery); run and "
                        + "console serve them with the console.");
        d.define(OPS_PORT, Type.INT, 0, Range.between(0, 65535), Importance.MEDIUM,
                "Port of /metrics and /health of a stage run alone; 0: any free port, logged at start.");
        d.define(DATA_DIR, Type.STRING, "data", Importance.MEDIUM, "'run' only: broker data and stage state.");
        d.define(EMBEDDED_PORT, Type.INT, 9092, Range.between(0, 65535), Importance.MEDIUM,
                "'run' only: client port of the embedded broker, for other Kafka tools.");
        return d;
    }

    private static void duration(ConfigDef d, String key, Duration value, String doc) {
        d.define(key, Type.STRING, value.toString(), Validators.DURATION, Importance.MEDIUM, doc + " ISO-8601.");
    }

    private static ConfigDef.Validator deploymentName() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                String text = String.valueOf(value);
                if (!text.isEmpty() && !text.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")) {
                    throw new ConfigException(name, value, "letters, digits, '-' and '_' only, at most 64");
                }
            }

            @Override
            public String toString() {
                return "empty, or letters, digits, '-' and '_' (at most 64)";
            }
        };
    }

    private static ConfigDef.Validator emailAddress() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                try {
                    MailSettings.checkAddress(String.valueOf(value));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(name, value, "not an e-mail address");
                }
            }

            @Override
            public String toString() {
                return "an e-mail address";
            }
        };
    }

    private static ConfigDef.Validator consoleToken() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                String text = value == null ? "" : ((Password) value).value();
                if (!text.isEmpty() && !text.matches("[A-Za-z0-9._~+/=-]{16,200}")) {
                    throw new ConfigException(name, "<hidden>", "16 to 200 letters, digits or ._~+/=-");
                }
            }

            @Override
            public String toString() {
                return "empty, or 16 to 200 letters, digits or ._~+/=-";
            }
        };
    }

    /** How to reach Kafka: the {@code kafka.} settings (bootstrap servers default {@value #DEFAULT_BOOTSTRAP}). */
    static KafkaSetup kafka(Settings s) {
        Map<String, String> client = new HashMap<>(s.kafka());
        client.putIfAbsent(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, DEFAULT_BOOTSTRAP);
        return KafkaSetup.of(s.string(DEPLOYMENT), client, topics(s));
    }

    /**
     * As {@link #kafka(Settings)}, but on the embedded broker at {@code bootstrapServers}, which is plain
     * and local: the {@code kafka.} settings (security above all) are meant for a cluster and left out.
     */
    static KafkaSetup embedded(Settings s, String bootstrapServers) {
        if (!s.kafka().isEmpty()) {
            log.info("The embedded broker takes no Kafka client settings; ignoring {}", s.kafka().keySet());
        }
        return KafkaSetup.of(s.string(DEPLOYMENT), Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                topics(s));
    }

    static TopicSettings topics(Settings s) {
        short replication = s.shortValue(REPLICATION);
        int minInSync = s.integer(MIN_IN_SYNC) == 0 ? TopicSettings.minInSyncFor(replication) : s.integer(MIN_IN_SYNC);
        String retention = s.string(RETENTION);
        return new TopicSettings(s.integer(PARTITIONS), replication, minInSync,
                Validators.UNLIMITED.equalsIgnoreCase(retention.trim()) ? null : Duration.parse(retention.trim()),
                s.longValue(RETENTION_BYTES));
    }

    /**
     * The ingest settings for the feed registry: feeds at private addresses only when
     * {@value #ALLOW_PRIVATE}; the poll floor and ceiling widen to admit the interval.
     */
    static IngestSettings ingest(Settings s) {
        return ingest(s, FetchPolicy.of(s.bool(ALLOW_PRIVATE)));
    }

    /** The ingest settings for feeds the operator named on the command line: local files and addresses too. */
    static IngestSettings ingestNamed(Settings s) {
        return ingest(s, FetchPolicy.operator());
    }

    private static IngestSettings ingest(Settings s, FetchPolicy policy) {
        Duration interval = s.duration(POLL_INTERVAL);
        Duration floor = min(s.duration(POLL_FLOOR), interval);
        Duration ceiling = max(s.duration(POLL_CEILING), interval);
        FetchSettings fetch = new FetchSettings(s.duration(CONNECT_TIMEOUT), s.duration(FETCH_TIMEOUT),
                s.longValue(MAX_BYTES), s.integer(MAX_REDIRECTS), s.integer(PER_HOST), s.string(USER_AGENT), policy);
        return new IngestSettings(floor, interval, ceiling, s.duration(BACKOFF), s.integer(UNHEALTHY_AFTER),
                s.integer(WORKERS), s.integer(SEEN_PER_FEED), fetch, s.string(INGEST_GROUP), s.duration(PARSE_BUDGET),
                new ItemTextLimits(s.integer(MAX_TITLE), s.integer(MAX_SUMMARY)));
    }

    /** The alerts stage's settings as the Streams properties it reads ({@link AlertsConfig#from}). */
    static Map<String, Object> alerts(Settings s) {
        return Map.of(AlertsConfig.STORY_WINDOW, s.string(STORY_WINDOW),
                AlertsConfig.STORY_RETENTION, s.string(STORY_RETENTION),
                AlertsConfig.STORY_IDLE, s.string(STORY_IDLE),
                AlertsConfig.STORY_THRESHOLD, s.number(STORY_THRESHOLD),
                AlertsConfig.SURGE_MARGIN, s.number(SURGE_MARGIN),
                AlertsConfig.SURGE_MIN_STORIES, s.integer(SURGE_MIN_STORIES));
    }

    static DeliverySettings delivery(Settings s) {
        return new DeliverySettings(s.integer(DELIVERY_ATTEMPTS), s.duration(DELIVERY_DEADLINE),
                s.duration(DELIVERY_BACKOFF), s.duration(DELIVERY_TIMEOUT), s.integer(DELIVERY_IN_FLIGHT));
    }

    /** The SMTP server of e-mail channels. */
    static MailSettings mail(Settings s) {
        if (!s.string(SMTP_PASSWORD_FILE).isEmpty() && !s.string(SMTP_PASSWORD_ENV).isEmpty()) {
            throw new SettingsException(SMTP_PASSWORD_FILE + " (" + s.origin(SMTP_PASSWORD_FILE) + ") and "
                    + SMTP_PASSWORD_ENV + " (" + s.origin(SMTP_PASSWORD_ENV) + "): give one, not both");
        }
        return new MailSettings(s.string(SMTP_HOST).trim(), s.integer(SMTP_PORT), s.bool(SMTP_STARTTLS),
                s.string(SMTP_USERNAME), s.string(SMTP_PASSWORD_FILE), s.string(SMTP_PASSWORD_ENV), s.string(SMTP_FROM));
    }

    /** The web console's address and token. */
    static ConsoleSettings console(Settings s) {
        return new ConsoleSettings(s.string(CONSOLE_BIND), s.integer(CONSOLE_PORT), s.secret(CONSOLE_TOKEN));
    }

    /** The Streams stages' options: state folder, topic pack, gazetteer and their tuning. */
    static StreamStages.Options stages(Settings s) {
        Gazetteer gazetteer = gazetteer(s);
        return new StreamStages.Options(s.path(STATE_DIR), pack(s, gazetteer), gazetteer, s.duration(SEEN_RETENTION),
                s.integer(ENRICH_THREADS), alerts(s));
    }

    /** The topic pack of the settings; a pack of one's own may name only actors and places of the gazetteer. */
    static TopicPack pack(Settings s, Gazetteer gazetteer) {
        return s.path(TOPIC_PACK) == null ? TopicPack.defaultPack() : TopicPack.load(s.path(TOPIC_PACK), gazetteer::knows);
    }

    static Gazetteer gazetteer(Settings s) {
        return s.path(GAZETTEER) == null ? Gazetteer.bundled() : Gazetteer.load(Gazetteer.bundled(), s.path(GAZETTEER));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
