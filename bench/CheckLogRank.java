import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An independent check of `survkit compare` on a benchmark CSV (bench/MakeBig.java, make_big.R: time with at most
 * 2 decimals in [0, 10000), status 0/1, group one letter A-Z as the first three columns): counts deaths and rows per
 * (group, time in hundredths) with long counters in one pass, then the log-rank test (O, E, the variance matrix,
 * the chi-square on k - 1 df) in plain double arithmetic, and the Kaplan-Meier survival of each group at a time.
 * Shares no code with survkit, so it checks the engine's counts and sums at 10^8 rows (beyond int products).
 *
 *   java -Xmx1g bench/CheckLogRank.java big_1e8.csv [KM_TIME]
 */
public final class CheckLogRank {
    /** An unsynchronised buffered byte stream (BufferedInputStream.read() is synchronised: ~10x slower here). */
    static final class Bytes implements AutoCloseable {
        private final InputStream in;
        private final byte[] buf = new byte[1 << 22];
        private int pos;
        private int lim;

        Bytes(InputStream in) {
            this.in = in;
        }

        int read() throws IOException {
            if (pos == lim) {
                lim = in.read(buf, 0, buf.length);
                pos = 0;
                if (lim <= 0) {
                    lim = 0;
                    return -1;
                }
            }
            return buf[pos++];
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    public static void main(String[] args) throws IOException {
        int cap = 1_000_000;
        long[][] dead = new long[26][cap];
        long[][] all = new long[26][cap];
        try (Bytes in = new Bytes(new FileInputStream(args[0]))) {
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("no header");
                }
            }
            long rows = 0;
            while (true) {
                c = in.read();
                if (c < 0) {
                    break;
                }
                int whole = 0;
                int hundredths = 0;
                int decimals = -1;
                for (; c != ','; c = in.read()) {
                    if (c == '.') {
                        decimals = 0;
                    } else if (decimals < 0) {
                        whole = whole * 10 + (c - '0');
                    } else {
                        hundredths = hundredths * 10 + (c - '0');
                        decimals++;
                    }
                }
                if (decimals == 1) {
                    hundredths *= 10;
                }
                int t = whole * 100 + hundredths;
                boolean event = in.read() == '1';
                in.read(); // ','
                int g = in.read() - 'A';
                while ((c = in.read()) != '\n' && c >= 0) {
                    // the covariates
                }
                all[g][t]++;
                if (event) {
                    dead[g][t]++;
                }
                rows++;
            }
            System.out.println("rows " + rows);
        }
        int k = 0;
        for (int g = 0; g < 26; g++) {
            for (int t = 0; t < cap; t++) {
                if (all[g][t] > 0) {
                    k = g + 1;
                    break;
                }
            }
        }
        long[] atRisk = new long[k];
        long[] observed = new long[k];
        for (int g = 0; g < k; g++) {
            for (int t = 0; t < cap; t++) {
                atRisk[g] += all[g][t];
                observed[g] += dead[g][t];
            }
        }
        double kmTime = args.length > 1 ? Double.parseDouble(args[1]) : 60;
        double[] expected = new double[k];
        double[][] v = new double[k][k];
        double[] surv = new double[k];
        java.util.Arrays.fill(surv, 1);
        long[] n = atRisk.clone();
        for (int t = 0; t < cap; t++) {
            long nt = 0;
            long dt = 0;
            for (int g = 0; g < k; g++) {
                nt += n[g];
                dt += dead[g][t];
            }
            if (dt > 0) {
                double nn = nt;
                double d = dt;
                double f = nt > 1 ? d * (nn - d) / (nn - 1) : 0;
                for (int g = 0; g < k; g++) {
                    expected[g] += d * n[g] / nn;
                    for (int h = 0; h < k; h++) {
                        v[g][h] += f * n[g] / nn * ((g == h ? 1 : 0) - n[h] / nn);
                    }
                    if (t <= Math.round(kmTime * 100) && n[g] > 0) {
                        surv[g] *= 1 - (double) dead[g][t] / n[g];
                    }
                }
            }
            for (int g = 0; g < k; g++) {
                n[g] -= all[g][t];
            }
        }
        // chi-square on the first k - 1 groups: (O - E)' V^-1 (O - E), by Gauss-Jordan
        int m = k - 1;
        double[][] a = new double[m][m + 1];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                a[i][j] = v[i][j];
            }
            a[i][m] = observed[i] - expected[i];
        }
        for (int i = 0; i < m; i++) {
            for (int r = 0; r < m; r++) {
                if (r != i) {
                    double f = a[r][i] / a[i][i];
                    for (int j = i; j <= m; j++) {
                        a[r][j] -= f * a[i][j];
                    }
                }
            }
        }
        double chi = 0;
        for (int i = 0; i < m; i++) {
            chi += (observed[i] - expected[i]) * a[i][m] / a[i][i];
        }
        System.out.printf("logrank statistic %.17g on %d df%n", chi, m);
        for (int g = 0; g < k; g++) {
            System.out.printf("group %c n %d observed %d expected %.17g KM(%s) %.17g%n", 'A' + g, atRisk[g],
                    observed[g], expected[g], args.length > 1 ? args[1] : "60", surv[g]);
        }
    }
}
