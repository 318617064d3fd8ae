package org.survkit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Aggregated cells brought to the driver in one Spark job, column by column: each partition packs its rows into
 * one chunk (text columns as a dictionary and int codes, numbers as a double[] per column: about 8 bytes per
 * number moved, no Row objects on the driver), and the driver joins the chunks. The first {@code texts} columns of
 * the Dataset are text, the rest numbers (counts are exact as doubles below 2<sup>53</sup>).
 */
final class ColumnarChunk implements Serializable {
    private static final long serialVersionUID = 1L;

    final String[][] dictionary;
    final int[][] codes;
    final double[][] numbers;
    final int size;

    private ColumnarChunk(String[][] dictionary, int[][] codes, double[][] numbers, int size) {
        this.dictionary = dictionary;
        this.codes = codes;
        this.numbers = numbers;
        this.size = size;
    }

    /** The Dataset's rows, joined over the partitions (in partition order). */
    static ColumnarChunk collect(Dataset<Row> cells, int texts) {
        int width = cells.columns().length;
        List<ColumnarChunk> chunks = cells.javaRDD().mapPartitions(new Pack(texts, width - texts)).collect();
        int n = 0;
        for (ColumnarChunk c : chunks) {
            n += c.size;
        }
        String[][] dict = new String[texts][];
        int[][] codes = new int[texts][n];
        double[][] numbers = new double[width - texts][n];
        for (int j = 0; j < texts; j++) {
            Map<String, Integer> global = new HashMap<>();
            List<String> labels = new ArrayList<>();
            int at = 0;
            for (ColumnarChunk c : chunks) {
                int[] map = new int[c.dictionary[j].length];
                for (int q = 0; q < map.length; q++) {
                    String label = c.dictionary[j][q];
                    map[q] = global.computeIfAbsent(label, l -> {
                        labels.add(l);
                        return labels.size() - 1;
                    });
                }
                for (int i = 0; i < c.size; i++) {
                    codes[j][at + i] = map[c.codes[j][i]];
                }
                at += c.size;
            }
            dict[j] = labels.toArray(new String[0]);
        }
        for (int j = 0; j < width - texts; j++) {
            int at = 0;
            for (ColumnarChunk c : chunks) {
                System.arraycopy(c.numbers[j], 0, numbers[j], at, c.size);
                at += c.size;
            }
        }
        return new ColumnarChunk(dict, codes, numbers, n);
    }

    /** The labels of text column j, one per row. */
    String[] labels(int j) {
        String[] out = new String[size];
        for (int i = 0; i < size; i++) {
            out[i] = dictionary[j][codes[j][i]];
        }
        return out;
    }

    /** Packs one partition. */
    private static final class Pack implements FlatMapFunction<Iterator<Row>, ColumnarChunk> {
        private static final long serialVersionUID = 1L;
        private final int texts;
        private final int nums;

        Pack(int texts, int nums) {
            this.texts = texts;
            this.nums = nums;
        }

        @Override
        public Iterator<ColumnarChunk> call(Iterator<Row> rows) {
            int cap = 256;
            int[][] codes = new int[texts][cap];
            double[][] numbers = new double[nums][cap];
            List<Map<String, Integer>> dict = new ArrayList<>();
            for (int j = 0; j < texts; j++) {
                dict.add(new HashMap<>());
            }
            int n = 0;
            while (rows.hasNext()) {
                Row r = rows.next();
                if (n == cap) {
                    cap *= 2;
                    for (int j = 0; j < texts; j++) {
                        codes[j] = Arrays.copyOf(codes[j], cap);
                    }
                    for (int j = 0; j < nums; j++) {
                        numbers[j] = Arrays.copyOf(numbers[j], cap);
                    }
                }
                for (int j = 0; j < texts; j++) {
                    Map<String, Integer> d = dict.get(j);
                    codes[j][n] = d.computeIfAbsent(r.isNullAt(j) ? "" : r.getString(j), l -> d.size());
                }
                for (int j = 0; j < nums; j++) {
                    numbers[j][n] = ((Number) r.get(texts + j)).doubleValue();
                }
                n++;
            }
            String[][] labels = new String[texts][];
            for (int j = 0; j < texts; j++) {
                labels[j] = new String[dict.get(j).size()];
                for (Map.Entry<String, Integer> e : dict.get(j).entrySet()) {
                    labels[j][e.getValue()] = e.getKey();
                }
                codes[j] = Arrays.copyOf(codes[j], n);
            }
            for (int j = 0; j < nums; j++) {
                numbers[j] = Arrays.copyOf(numbers[j], n);
            }
            return List.of(new ColumnarChunk(labels, codes, numbers, n)).iterator();
        }
    }
}
