package th.phakhi.benchmark;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import th.phakhi.directory.DirectoryService;
import th.phakhi.directory.ImportReport;
import th.phakhi.directory.PeopleService;
import th.phakhi.security.SystemRunner;
import th.phakhi.shared.mongo.DatabaseMode;
import th.phakhi.tools.SyntheticRegistry;

/**
 * Import time of the national-size registry and organization search latency. Prints figures;
 * asserts nothing about time. Run: {@code ./mvnw test -Pbenchmark -Dtest=DirectoryBenchmark}
 * (embedded database in memory; set {@code -Dphakhi.benchmark.file=true} to use the H2 file backend,
 * or SPRING_MONGODB_URI for a real MongoDB).
 */
@Tag("benchmark")
@SpringBootTest(properties = {"phakhi.test.context=benchmark-directory",
        "phakhi.embedded-mongo.in-memory=${phakhi.benchmark.inMemory:true}",
        "phakhi.embedded-mongo.data-dir=target/benchmark-data"})
@ActiveProfiles("test")
class DirectoryBenchmark {

    @Autowired
    DirectoryService directory;
    @Autowired
    PeopleService people;
    @Autowired
    DatabaseMode mode;

    @Test
    void importAndSearch() {
        String csv = SyntheticRegistry.csv(7_850, 2569);
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "%nDatabase: %s%nFile: 7,850 rows, %,d bytes%n", mode.description(), bytes.length);

        long t0 = System.nanoTime();
        ImportReport first = SystemRunner.call(() -> directory.importCsv(new ByteArrayInputStream(bytes)));
        long firstMs = (System.nanoTime() - t0) / 1_000_000;
        t0 = System.nanoTime();
        ImportReport second = SystemRunner.call(() -> directory.importCsv(new ByteArrayInputStream(bytes)));
        long secondMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(Locale.ROOT, "Import (new):      %,6d ms  created %d, problems %d%n", firstMs, first.created(),
                first.problems().size());
        System.out.printf(Locale.ROOT, "Re-import (same):  %,6d ms  updated %d%n", secondMs, second.updated());

        List<String> queries = List.of("เชียงใหม่", "ขอนแก่น", "องค์การบริหารส่วนตำบลบ้านหนอง", "เทศบาลตำบลท่า",
                "หนองบัว", "Khon Kaen", "Nong", "อบต.ดอน", "ศรีสะเกษ", "ทุ่งใหม่");
        for (int i = 0; i < 20; i++) {
            for (String q : queries) {
                SystemRunner.call(() -> directory.search(q, null, null, 100));
            }
        }
        List<Long> micros = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            for (String q : queries) {
                long s = System.nanoTime();
                SystemRunner.call(() -> directory.search(q, null, null, 100));
                micros.add((System.nanoTime() - s) / 1_000);
            }
        }
        Collections.sort(micros);
        System.out.printf(Locale.ROOT, "Organization search over %,d organizations, %d queries: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                SystemRunner.call(() -> directory.count()), micros.size(), micros.get(micros.size() / 2) / 1000.0,
                micros.get((int) (micros.size() * 0.95)) / 1000.0, micros.getLast() / 1000.0);
        List<Long> filtered = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            long s = System.nanoTime();
            SystemRunner.call(() -> directory.search("หนอง", "40", null, 100));
            filtered.add((System.nanoTime() - s) / 1_000);
        }
        Collections.sort(filtered);
        System.out.printf(Locale.ROOT, "Search within one province: p50 %.1f ms%n", filtered.get(5) / 1000.0);
    }
}
