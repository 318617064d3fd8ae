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
            description = "Database for studies, e.g. jdbc:postgresql://localhost/survkit?user=u&password=p."
                    + " Default: an H2 file database in the data folder.")
    String db;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Access token (default: SURVKIT_TOKEN, else a random one). 16+ letters, digits, . _ ~ -.")
    String token;

    @Option(names = "--max-upload-mb", paramLabel = "MB", defaultValue = "50",
            description = "Largest file accepted, in MB. Default: ${DEFAULT-VALUE}.")
    int maxUploadMb;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "1000000",
            description = "Most data rows a file may have. Default: ${DEFAULT-VALUE}.")
    int maxRows;

    @Option(names = "--no-browser", description = "Do not open a browser.")
    boolean noBrowser;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String t = token != null ? token : System.getenv("SURVKIT_TOKEN");
        if (t != null && !Tokens.acceptable(t)) {
            err.println("survkit: the token must be 16 to 200 letters, digits or . _ ~ - (it goes into a URL and a"
                    + " cookie).");
            return ExitCodes.USER_ERROR;
        }
        if (db != null && !db.startsWith("jdbc:postgresql:") && !db.startsWith("jdbc:h2:")) {
            err.println("survkit: --db takes a PostgreSQL JDBC URL such as jdbc:postgresql://localhost:5432/survkit"
                    + "?user=survkit&password=... (or jdbc:h2:file:/path/to/db for another embedded database); got '"
                    + db + "'. Without --db, studies go to an embedded database in the data folder.");
            return ExitCodes.USER_ERROR;
        }
        if (maxUploadMb < 1 || maxRows < 1) {
            err.println("survkit: --max-upload-mb and --max-rows must be at least 1.");
            return ExitCodes.USER_ERROR;
        }
        Path dir = dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".survkit");
        boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
        ServerSettings s = new ServerSettings(host, port, dir, db, t != null ? t : Tokens.token(),
                maxUploadMb * 1024L * 1024L, maxRows);
        WebServer server;
        try {
            server = WebServer.start(s);
        } catch (IllegalStateException e) {
            err.println("survkit: " + e.getMessage());
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
