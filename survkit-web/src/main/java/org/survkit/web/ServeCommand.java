package org.survkit.web;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.survkit.cli.ExtensionCommand;
import org.survkit.cli.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code survkit serve}: the local web app. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"A local web app: upload a CSV or Excel file, map the columns, see the Kaplan-Meier figure,",
            "tests, Cox model and Guardrails, download figures, tables, the report and the study file.",
            "Listens on 127.0.0.1 only, and asks for the token in the URL it prints (like Jupyter)."})
public final class ServeCommand implements Callable<Integer>, ExtensionCommand {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port to listen on (0: any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on. Default: ${DEFAULT-VALUE} (this computer only). Any other address"
                    + " exposes patient data to the network.")
    String host;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder for uploaded datasets, reports and the database. Default: ~/.survkit.")
    Path dataDir;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = {"Database for studies, e.g. jdbc:postgresql://localhost/survkit?user=u; the password from"
                + " PGPASSWORD or ~/.pgpass (not in the URL, which 'ps' shows). Default: an H2 file database in the"
                + " data folder."})
    String db;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = {"Access token (default: SURVKIT_TOKEN, else a random one): 16+ letters, digits, . _ ~ -,"
                + " hard to guess. Prefer SURVKIT_TOKEN: other users of this computer see --token in 'ps'."})
    String token;

    @Option(names = "--max-upload-mb", paramLabel = "MB", defaultValue = "50",
            description = "Largest file accepted, in MB. Default: ${DEFAULT-VALUE}.")
    int maxUploadMb;

    @Option(names = "--max-rows", paramLabel = "N",
            description = "Most data rows a file may have, within what the memory (-Xmx) can analyse. Default:"
                    + " 1000000, or fewer when the memory holds fewer.")
    Integer maxRows;

    @Option(names = "--max-columns", paramLabel = "N", defaultValue = "5000",
            description = "Most columns a file may have. Default: ${DEFAULT-VALUE}.")
    int maxColumns;

    @Option(names = "--no-browser", description = "Do not open a browser.")
    boolean noBrowser;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String t = token != null ? token : System.getenv("SURVKIT_TOKEN");
        String weak = t == null ? null : Tokens.weakness(t);
        if (weak != null) {
            err.println("survkit: " + weak);
            return ExitCodes.USER_ERROR;
        }
        if (db != null && !db.startsWith("jdbc:postgresql:") && !db.startsWith("jdbc:h2:")) {
            err.println("survkit: --db takes a PostgreSQL JDBC URL such as jdbc:postgresql://localhost:5432/survkit"
                    + "?user=survkit (password from PGPASSWORD or ~/.pgpass), or jdbc:h2:file:/path/to/db for another"
                    + " embedded database; got '" + StudyStore.redact(db) + "'. Without --db, studies go to an"
                    + " embedded database in the data folder.");
            return ExitCodes.USER_ERROR;
        }
        HeapBudget heap = HeapBudget.ofThisJvm();
        int rows = maxRows != null ? maxRows : Math.min(ServerSettings.DEFAULT_MAX_ROWS, heap.maxRows());
        String tooMany = heap.checkRows(rows);
        if (maxUploadMb < 1 || rows < 1 || maxColumns < 2) {
            err.println("survkit: --max-upload-mb and --max-rows must be at least 1, --max-columns at least 2.");
            return ExitCodes.USER_ERROR;
        }
        if (tooMany != null) {
            err.println("survkit: " + tooMany);
            return ExitCodes.USER_ERROR;
        }
        if (token != null) {
            err.println("Note: the token given with --token shows in the process list ('ps') to other users of this"
                    + " computer. Set it in the environment instead: SURVKIT_TOKEN=... survkit serve.");
        }
        if (db != null && db.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
            err.println("Note: the password in --db shows in the process list ('ps') to other users of this computer."
                    + " Leave it out of the URL and set PGPASSWORD, or put it in ~/.pgpass (mode 0600).");
        }
        if (maxRows == null && rows < ServerSettings.DEFAULT_MAX_ROWS) {
            err.printf(java.util.Locale.ROOT, "Note: files may have at most %,d rows, what %,d MB of Java memory can"
                    + " analyse; %s for more.%n", rows, heap.maxHeap() >> 20, HeapBudget.MORE_MEMORY);
        }
        Path dir = dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".survkit");
        boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
        ServerSettings s = new ServerSettings(host, port, dir, db, t != null ? t : Tokens.token(),
                maxUploadMb * 1024L * 1024L, rows, maxColumns);
        WebServer server;
        try {
            server = WebServer.start(s);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            err.println("survkit: " + e.getMessage());
            return ExitCodes.USER_ERROR;
        } catch (ApiError e) {
            err.println("survkit: cannot start: " + e.getMessage());
            return ExitCodes.USER_ERROR;
        } catch (RuntimeException e) {
            String m = String.valueOf(e.getMessage());
            err.println("survkit: cannot start the server on " + host + ":" + port + " (" + m + "). Is the port in use?"
                    + " Choose another with --port (0 for any free port).");
            return ExitCodes.USER_ERROR;
        }
        if (!loopback) {
            err.println("WARNING: survkit listens on " + host + ", not only on this computer: anyone on the network"
                    + " who has the token can see the patients' data. Use the default --host 127.0.0.1 unless you"
                    + " mean it.");
        }
        out.println("survkit " + org.survkit.cli.Version.get() + " is serving on " + server.url());
        out.println("Open this address (it includes the access token):");
        out.println();
        out.println("    " + server.tokenUrl());
        out.println();
        out.println("Data folder: " + s.dataDir() + "   database: " + server.database());
        out.println("Stop with Ctrl+C.");
        out.flush();
        if (!noBrowser) {
            Browser.open(server.tokenUrl());
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }));
        stop.await();
        return ExitCodes.OK;
    }
}
