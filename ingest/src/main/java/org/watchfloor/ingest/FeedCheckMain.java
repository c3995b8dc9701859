package org.watchfloor.ingest;

import picocli.CommandLine;

/** Runs {@code feeds check ARGS...} from a plain classpath, e.g. to measure the corpus without the app. */
public final class FeedCheckMain {
    private FeedCheckMain() {
    }

    public static void main(String[] args) {
        String[] check = new String[args.length + 1];
        check[0] = "check";
        System.arraycopy(args, 0, check, 1, args.length);
        int exit = new CommandLine(new FeedsCommand()).execute(check);
        if (exit != 0) {
            System.exit(exit);
        }
    }
}
