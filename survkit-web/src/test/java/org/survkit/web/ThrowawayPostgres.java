package org.survkit.web;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server for one test class: either the one named by the environment variable
 * {@code SURVKIT_TEST_PG_URL} (or system property {@code survkit.test.pgUrl}), e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/survkit_test?user=u&password=p}, or a throwaway cluster made with the
 * Debian packages' {@code initdb} and {@code pg_ctl} in a temporary folder, listening on 127.0.0.1 on a free
 * port, with trust authentication, stopped and deleted at the end. As root (CI), the cluster runs as the
 * {@code postgres} user, since PostgreSQL refuses to run as root. {@link #start()} returns null, with the reason
 * in {@link #whyNot}, when neither is available.
 */
final class ThrowawayPostgres implements AutoCloseable {
    static String whyNot = "";

    private final String url;
    private final Path dir;
    private final Path bin;
    private final boolean asPostgres;

    private ThrowawayPostgres(String url, Path dir, Path bin, boolean asPostgres) {
        this.url = url;
        this.dir = dir;
        this.bin = bin;
        this.asPostgres = asPostgres;
    }

    String url() {
        return url;
    }

    static ThrowawayPostgres start() throws IOException, InterruptedException {
        String given = System.getProperty("survkit.test.pgUrl", System.getenv("SURVKIT_TEST_PG_URL"));
        if (given != null && !given.isBlank()) {
            return new ThrowawayPostgres(given, null, null, false);
        }
        Path bin = binaries();
        if (bin == null) {
            whyNot = "no PostgreSQL server binaries (initdb, pg_ctl) in /usr/lib/postgresql/*/bin: install Debian's"
                    + " 'postgresql' package (.ci/run does), or set SURVKIT_TEST_PG_URL";
            return null;
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root && !new File("/usr/sbin/runuser").canExecute()) {
            whyNot = "running as root without runuser: PostgreSQL cannot be started as root";
            return null;
        }
        Path dir = Files.createTempDirectory("survkit-pg-");
        if (root) {
            UserPrincipal postgres;
            try {
                postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            } catch (IOException e) {
                whyNot = "running as root and there is no 'postgres' user to run the server as";
                return null;
            }
            Files.setOwner(dir, postgres);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ThrowawayPostgres pg = new ThrowawayPostgres("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=survkit",
                dir, bin, root);
        pg.run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "survkit",
                "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"));
        pg.run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                dir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir + " -c fsync=off", "start"));
        return pg;
    }

    private static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.map(p -> p.resolve("bin")).filter(p -> Files.isExecutable(p.resolve("initdb"))
                    && Files.isExecutable(p.resolve("pg_ctl"))).max(Comparator.comparing(p -> {
                        String v = p.getParent().getFileName().toString();
                        return v.matches("\\d+") ? Integer.parseInt(v) : 0;
                    })).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>();
        if (asPostgres) {
            c.addAll(List.of("/usr/sbin/runuser", "-u", "postgres", "--"));
        }
        c.addAll(command);
        Process p = new ProcessBuilder(c).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("failed: " + String.join(" ", c) + "\n" + out);
        }
    }

    /** {@return whether this is a throwaway cluster of this test (not a server named by SURVKIT_TEST_PG_URL)} */
    boolean ownCluster() {
        return dir != null;
    }

    /**
     * Stops (SIGSTOP) or continues (SIGCONT) the server and all its processes, as a frozen machine or network
     * would: connections are accepted by the system but nothing answers.
     */
    void signal(String signal) throws IOException, InterruptedException {
        long postmaster = Long.parseLong(Files.readAllLines(dir.resolve("data").resolve("postmaster.pid")).get(0)
                .strip());
        List<Long> pids = new ArrayList<>(List.of(postmaster));
        ProcessHandle.of(postmaster).ifPresent(h -> h.descendants().forEach(d -> pids.add(d.pid())));
        for (long pid : pids) {
            Process p = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            // a backend may end between the listing and the signal; the server itself must get it
            if ((!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) && pid == postmaster) {
                throw new IOException("failed: kill -" + signal + " " + pid + "\n" + out);
            }
        }
    }

    @Override
    public void close() throws Exception {
        if (dir == null) {
            return;
        }
        try {
            try {
                signal("CONT"); // a test that froze the server may have ended before it let it go on
            } catch (IOException e) {
                // not running: pg_ctl says so
            }
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                    "-w", "stop"));
        } finally {
            PrivateFiles.delete(dir);
        }
    }
}
