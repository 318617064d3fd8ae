import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The benchmark cohort of reference/shared-tools/make_big.R (same columns, same distribution, same text layout as
 * data.table::fwrite), written fast enough for 10^8 rows (6.9 GB): no R, no data frame in memory.
 *
 * <pre>
 *   java bench/MakeBig.java ROWS OUT.csv [THREADS]      # e.g. java -Xmx1g bench/MakeBig.java 1e8 big_1e8.csv 2
 * </pre>
 *
 * Columns: time, status, group, x1..x8. group uniform on A/B/C; x1..x8 standard normal, rounded to 4 decimals;
 * lp = x . (0.2, -0.1, 0.05, 0, 0.3, -0.2, 0, 0.1) + (A 0, B 0.3, C -0.2); event time ~ Exp(rate exp(lp)/50),
 * censoring ~ U(0, 120); time = round(min, 2), status = event <= censoring. Numbers are written in the shortest form
 * fwrite uses (17.4, not 17.40; 3 for 3.00). The rows are not R's (another generator), but they are seeded: rows are
 * made in blocks of 2^20, block b from its own SplittableRandom(7 + b * golden), so the file is the same bytes for
 * any thread count.
 */
public final class MakeBig {
    private static final int BLOCK = 1 << 20;
    private static final double[] BETA = {0.2, -0.1, 0.05, 0, 0.3, -0.2, 0, 0.1};
    private static final double[] SHIFT = {0, 0.3, -0.2};
    private static final byte[] HEADER = "time,status,group,x1,x2,x3,x4,x5,x6,x7,x8\n".getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws Exception {
        long rows = (long) Double.parseDouble(args[0]);
        String out = args[1];
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        long blocks = (rows + BLOCK - 1) / BLOCK;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (OutputStream os = new FileOutputStream(out)) {
            os.write(HEADER);
            ArrayDeque<Future<Text>> window = new ArrayDeque<>();
            long next = 0;
            while (next < blocks || !window.isEmpty()) {
                while (next < blocks && window.size() < 2 * threads) {
                    long b = next++;
                    int n = (int) Math.min(BLOCK, rows - b * BLOCK);
                    window.add(pool.submit(() -> block(b, n)));
                }
                Text t = window.poll().get();
                os.write(t.bytes(), 0, t.length());
            }
        } finally {
            pool.shutdown();
        }
    }

    record Text(byte[] bytes, int length) {}

    /** Block b's n rows as text. */
    static Text block(long b, int n) {
        SplittableRandom rng = new SplittableRandom(7 + b * 0x9E3779B97F4A7C15L);
        byte[] buf = new byte[n * 100];
        int p = 0;
        double[] x = new double[8];
        for (int i = 0; i < n; i++) {
            int g = rng.nextInt(3);
            double lp = SHIFT[g];
            for (int j = 0; j < 8; j++) {
                x[j] = rng.nextGaussian();
                lp += BETA[j] * x[j];
            }
            double ev = -Math.log(1 - rng.nextDouble()) / (Math.exp(lp) / 50);
            double ce = rng.nextDouble() * 120;
            p = fixed(buf, p, Math.min(ev, ce), 2, 100);
            buf[p++] = ',';
            buf[p++] = (byte) (ev <= ce ? '1' : '0');
            buf[p++] = ',';
            buf[p++] = (byte) ('A' + g);
            for (int j = 0; j < 8; j++) {
                buf[p++] = ',';
                p = fixed(buf, p, x[j], 4, 10_000);
            }
            buf[p++] = '\n';
        }
        return new Text(buf, p);
    }

    /** v rounded to d decimals (scale = 10^d), trailing zeros and a bare point dropped (a long has no -0). */
    static int fixed(byte[] buf, int p, double v, int d, long scale) {
        long m = Math.round(v * scale);
        if (m < 0) {
            buf[p++] = '-';
            m = -m;
        }
        long whole = m / scale;
        long frac = m % scale;
        p = digits(buf, p, whole);
        if (frac != 0) {
            buf[p++] = '.';
            int keep = d;
            while (frac % 10 == 0) {
                frac /= 10;
                keep--;
            }
            for (int k = keep - 1; k >= 0; k--) {
                buf[p + k] = (byte) ('0' + frac % 10);
                frac /= 10;
            }
            p += keep;
        }
        return p;
    }

    private static int digits(byte[] buf, int p, long v) {
        if (v == 0) {
            buf[p++] = '0';
            return p;
        }
        int len = 0;
        for (long t = v; t > 0; t /= 10) {
            len++;
        }
        for (int k = len - 1; k >= 0; k--) {
            buf[p + k] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return p + len;
    }
}
