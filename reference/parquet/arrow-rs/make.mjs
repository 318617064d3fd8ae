// Writes survkit-io's Parquet test files from a second, independent writer: arrow-rs (the Rust parquet crate, run
// as parquet-wasm), with every codec it writes (UNCOMPRESSED, SNAPPY, GZIP, BROTLI, LZ4 = Hadoop-framed, ZSTD,
// LZ4_RAW), data pages v1 and v2, dictionary on and off, row groups of 70 rows and pages of ~256 bytes, and beside
// them the CSV of what survkit must deliver. Seeded: the same bytes each run.
//   cd reference/parquet/arrow-rs && npm install && node make.mjs ../../../survkit-io/src/test/resources/parquet
import { makeTable, vectorFromArray, tableToIPC, Float64, Int32, Int64, Utf8, DateDay, Bool } from "apache-arrow";
import * as pq from "parquet-wasm/node";
import fs from "fs";
import path from "path";

const out = process.argv[2] ?? ".";
let seed = 20261206;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const n = 300;
const cols = { id: [], time: [], status: [], arm: [], age: [], diag: [], smoker: [] };
const csv = ["id,time,status,arm,age,diag,smoker"];
const arms = ["control", "rapamycin", "Bras C – éé"];
for (let i = 0; i < n; i++) {
  // times with three decimals, the last never 0, so that every writer and reader prints them the same way
  const time = rnd() < 0.08 ? null : (Math.floor(rnd() * 3000) * 1000 + 1 + Math.floor(rnd() * 9) * 100 + 1) / 1000;
  const status = rnd() < 0.05 ? null : (rnd() < 0.6 ? 1 : 0);
  const arm = rnd() < 0.05 ? null : arms[Math.floor(rnd() * 3)];
  const age = BigInt(18 + Math.floor(rnd() * 70)) * (rnd() < 0.02 ? 1000000000000n : 1n);
  const day = rnd() < 0.05 ? null : -2000 + Math.floor(rnd() * 30000);
  const smoker = rnd() < 0.05 ? null : rnd() < 0.3;
  cols.id.push(i + 1); cols.time.push(time); cols.status.push(status); cols.arm.push(arm); cols.age.push(age);
  cols.diag.push(day === null ? null : new Date(day * 86400000)); cols.smoker.push(smoker);
  csv.push([i + 1, time ?? "", status ?? "", arm === null ? "" : '"' + arm + '"', age,
    day === null ? "" : new Date(day * 86400000).toISOString().slice(0, 10), smoker ?? ""].join(","));
}
fs.writeFileSync(path.join(out, "arrowrs_expected.csv"), csv.join("\n") + "\n");
const table = makeTable({
  id: vectorFromArray(cols.id, new Int32()),
  time: vectorFromArray(cols.time, new Float64()),
  status: vectorFromArray(cols.status, new Int32()),
  arm: vectorFromArray(cols.arm, new Utf8()),
  age: vectorFromArray(cols.age, new Int64()),
  diag: vectorFromArray(cols.diag, new DateDay()),
  smoker: vectorFromArray(cols.smoker, new Bool()),
});
const codecs = { uncompressed: 0, snappy: 1, gzip: 2, brotli: 3, lz4: 4, zstd: 5, lz4raw: 6 };
for (const [name, codec] of Object.entries(codecs)) {
  for (const [v, dict] of [[1, true], [2, false]]) {
    const props = new pq.WriterPropertiesBuilder().setCompression(codec).setWriterVersion(v - 1)
      .setDictionaryEnabled(dict).setMaxRowGroupSize(70).setDataPageSizeLimit(256).build();
    const bytes = pq.writeParquet(pq.Table.fromIPCStream(tableToIPC(table, "stream")), props);
    fs.writeFileSync(path.join(out, `arrowrs_${name}_v${v}_${dict ? "dict" : "plain"}.parquet`), bytes);
  }
}
