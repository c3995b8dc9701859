package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.testkit.KafkaCluster;
import org.watchfloor.testkit.KafkaExtension;

/**
 * {@code subscriptions apply|list|remove} and {@code subscribe} on a real broker: a good file is written,
 * a bad one refused with file:line and nothing written, and no secret is ever printed.
 */
@Tag("integration")
@ExtendWith(KafkaExtension.class)
class SubscriptionsCommandIT {
    private static final String FILE = """
            subscriptions:
              - name: ops-room
                topics: all
                minSeverity: URGENT
                channels:
                  - webhook: https://chat.example.org/hooks/T000/B000/XXXX
                    format: slack
            """;

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    @Test
    void applyListSubscribeAndRemove(KafkaCluster cluster) throws Exception {
        String[] kafka = {"--bootstrap-servers", cluster.bootstrapServers(),
                "--deployment", "subs-" + UUID.randomUUID().toString().substring(0, 8)};
        Path secret = Files.writeString(dir.resolve("hook.secret"), "whsec_c2l4dGVlbiBieXRlIGtleQ==");

        Result applied = run(kafka, "subscriptions", "apply", Files.writeString(dir.resolve("ok.yaml"), FILE).toString());
        assertThat(applied.code()).as(applied.err()).isZero();
        assertThat(applied.out()).contains("applied 1 subscriptions", "ops-room");

        Result subscribed = run(kafka, "subscribe", "--name", "analysts", "--topics", "dprk-troops-russia,dprk-casualties",
                "--webhook", "http://127.0.0.1:8089/alerts", "--secret-file", secret.toString(), "--format", "text");
        assertThat(subscribed.code()).as(subscribed.err()).isZero();

        Result listed = run(kafka, "subscriptions", "list");
        assertThat(listed.out()).contains("ops-room\tall\tURGENT+\tall kinds\twebhook chat.example.org slack unsigned",
                "analysts\tdprk-troops-russia,dprk-casualties\tROUTINE+", "webhook 127.0.0.1 text signed (file)",
                "2 subscriptions");
        assertThat(listed.out() + subscribed.out() + subscribed.err()).doesNotContain("c2l4dGVlbiBieXRlIGtleQ", "XXXX");

        Result refused = run(kafka, "subscriptions", "apply",
                Files.writeString(dir.resolve("bad.yaml"), FILE.replace("slack", "xml")).toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("bad.yaml:7: subscription #1 'ops-room': channels[0].format: 'xml' is not one of");

        assertThat(run(kafka, "subscriptions", "remove", "ops-room").code()).isZero();
        assertThat(run(kafka, "subscriptions", "remove", "nobody").code()).isEqualTo(1);
        assertThat(run(kafka, "subscriptions", "list").out()).doesNotContain("ops-room").contains("1 subscriptions");
    }

    private static Result run(String[] kafka, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + kafka.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(kafka, 0, all, args.length, kafka.length);
        int code = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(all);
        return new Result(code, out.toString(), err.toString());
    }
}
