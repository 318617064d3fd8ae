package org.survkit.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the default H2 database file from growing without end. The store runs with {@code REUSE_SPACE=FALSE}
 * (see {@link StudyStore#defaultUrl}): H2 then appends every commit at the end of its file, the one layout from
 * which it always recovers the last acknowledged commit after a {@code kill -9} (with space reuse it lost
 * acknowledged commits once old chunks were overwritten: {@code CrashRecoveryH2Test}). The price is ~12 KB of
 * file per save, which H2 does not give back on its own. So at start-up, before the database is opened and while
 * no other process may use it, a file that has grown past {@link #DEFAULT_MIN_BYTES} and to twice its size after
 * the last compaction is copied live page by live page to a new file (H2's {@code MVStore.compact}), forced to the
 * disk and moved over the old one in one step: a crash at any point leaves the old or the new file, both whole.
 * The size after compaction is kept in {@code survkit.compacted} beside it.
 */
final class H2Compaction {
    private static final Logger LOG = LoggerFactory.getLogger(H2Compaction.class);

    /** Files below this size are left alone (about 5,500 saves: 11.6 KB each, 5,200 renames through survkit serve). */
    static final long DEFAULT_MIN_BYTES = 64L << 20;

    private H2Compaction() {
    }

    /** {@return the size of the database file after compaction, or its size when it was left alone (0 if none)} */
    static long compactIfGrown(Path folder, long minBytes) {
        Path file = folder.resolve("survkit.mv.db");
        MVStoreTool.compactCleanUp(file.toString()); // a compaction interrupted by a crash
        try {
            if (!Files.exists(file)) {
                return 0;
            }
            long size = Files.size(file);
            Path mark = folder.resolve("survkit.compacted");
            long after = lastCompactedSize(mark);
            if (size < minBytes || size < 2 * after) {
                return size;
            }
            long start = System.nanoTime();
            Path temp = folder.resolve("survkit.mv.db.tempFile");
            MVStore.compact(file.toString(), temp.toString(), false, null);
            PrivateFiles.restrict(temp, PrivateFiles.FILE);
            PrivateFiles.force(temp);
            PrivateFiles.moveIntoPlace(temp, file);
            long now = Files.size(file);
            Path markTemp = folder.resolve("survkit.compacted.tmp");
            PrivateFiles.delete(markTemp);
            PrivateFiles.writeString(markTemp, Long.toString(now));
            PrivateFiles.force(markTemp);
            PrivateFiles.moveIntoPlace(markTemp, mark);
            LOG.info("start-up: compacted the database from {} KB to {} KB in {} ms", String.format("%,d", size >> 10),
                    String.format("%,d", now >> 10), (System.nanoTime() - start) / 1_000_000);
            return now;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lastCompactedSize(Path mark) {
        try {
            return Files.exists(mark) ? Long.parseLong(Files.readString(mark, StandardCharsets.UTF_8).trim()) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0; // unreadable: compact again, which writes it anew
        }
    }
}
