package org.survkit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk, on a 4 MB tmpfs mounted for the test ({@code mount -t tmpfs}, which needs root; skipped, saying
 * why, elsewhere): saves and uploads are answered 507 with a sentence, nothing acknowledged is lost, and once
 * space is freed the same server saves again (the H2 database is reopened from its last committed state), and a
 * restart finds everything acknowledged.
 */
class DiskFullTest {
    @TempDir
    Path dir;
    Path mount;
    boolean mounted;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        mount = Files.createDirectories(dir.resolve("small-disk"));
        String why = run(List.of("mount", "-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", mount.toString()));
        mounted = why == null;
        assumeTrue(mounted, "disk-full test skipped: cannot mount a small tmpfs here (" + why + ")");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            run(List.of("umount", "-l", mount.toString()));
        }
    }

    /** {@return null if the command succeeded, else why not} */
    static String run(List<String> command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "timed out";
            }
            return p.exitValue() == 0 ? null : out.isEmpty() ? "exit " + p.exitValue() : out;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** Fills the disk to the last byte; {@return the filler file} */
    static Path fill(Path folder) throws IOException {
        Path filler = folder.resolve("filler.bin");
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException e) {
            assertThat(Faults.diskFull(e)).as(e.toString()).isTrue();
        }
        try (OutputStream out = Files.newOutputStream(folder.resolve("filler-tail.bin"))) {
            for (int i = 0; i < 64 * 1024; i++) {
                out.write(0);
                out.flush();
            }
        } catch (IOException e) {
            // full to the last block
        }
        return filler;
    }

    static void diskFull(TestServer.Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(507);
        assertThat(r.json().get("error").asText()).contains("the disk of the server's data folder is full")
                .contains("Free some space on that disk, then try again; what was saved before is safe.")
                .doesNotContain("Exception").doesNotContain("small-disk");
    }

    @Test
    void aFullDiskIs507AndTheStoreWorksAgainWhenSpaceReturns() throws IOException {
        Path data = mount.resolve("data");
        String dataset;
        String a;
        try (TestServer s = new TestServer(data)) {
            dataset = s.upload(TestServer.LUNG).json().get("id").asText();
            a = CrashRecoveryTest.create(s, dataset, "Study A");

            Path filler = fill(mount);
            diskFull(s.postJson("/api/studies", "{\"name\":\"Study B\",\"dataset\":\"" + dataset + "\",\"settings\":"
                    + CrashRecoveryTest.SETTINGS + "}"));
            diskFull(s.putJson("/api/studies/" + a, "{\"name\":\"Study A, renamed\"}"));
            diskFull(s.upload(TestServer.LUNG));
            assertThat(s.get("/api/studies").json().size()).isEqualTo(1);

            Files.delete(filler);
            Files.deleteIfExists(mount.resolve("filler-tail.bin"));
            CrashRecoveryTest.rename(s, a, "Study A, renamed");
            String b = CrashRecoveryTest.create(s, dataset, "Study B");
            assertThat(CrashRecoveryTest.names(s)).containsEntry(a, "Study A, renamed").containsEntry(b, "Study B")
                    .hasSize(2);
            assertThat(s.upload(TestServer.LUNG).status()).isEqualTo(201);
            try (var left = Files.list(data.resolve("tmp"))) {
                assertThat(left).as("temporary files").isEmpty();
            }
        }
        try (TestServer s = new TestServer(data)) {
            assertThat(CrashRecoveryTest.names(s)).containsEntry(a, "Study A, renamed").hasSize(2);
            assertThat(s.postJson("/api/analyses", "{\"dataset\":\"" + dataset + CrashRecoveryTest.KM).status())
                    .isEqualTo(200);
        }
    }
}
