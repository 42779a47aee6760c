package th.phakhi.tools;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import th.phakhi.directory.OrganizationType;
import th.phakhi.directory.Province;
import th.phakhi.directory.Provinces;
import th.phakhi.directory.internal.OrganizationCsv;

/**
 * Writes a realistic synthetic national registry in the import format: 76 PAOs, 30 city, about
 * 195 town and 2,250 subdistrict municipalities and about 5,300 SAOs spread over the provinces,
 * with Thai place names built from common syllables, districts, and full profile fields.
 * Deterministic for a given seed, so benchmark runs compare.
 *
 * <pre>./mvnw -q test -Dtest=SyntheticRegistry -Dphakhi.registry.out=registry.csv</pre>
 * writes a file (see docs/import-format.md); tests and benchmarks call {@link #csv}.
 */
public final class SyntheticRegistry {

    private static final String[] SYLLABLES = {"บ้าน", "หนอง", "ดอน", "โนน", "ป่า", "นา", "ท่า", "สัน", "แม่", "ห้วย",
            "ทุ่ง", "โคก", "วัง", "บึง", "เวียง", "ศรี", "ไผ่", "คำ", "น้ำ", "ทอง", "หลวง", "ใหม่", "เหนือ", "ใต้", "กลาง",
            "แดง", "ขาม", "ยาง", "โพธิ์", "ตาล", "มะม่วง", "กุง", "เม็ก", "แก้ว", "งาม", "สว่าง", "ชัย", "พัฒนา"};
    private static final String[] ROMAN = {"Ban", "Nong", "Don", "Non", "Pa", "Na", "Tha", "San", "Mae", "Huai",
            "Thung", "Khok", "Wang", "Bueng", "Wiang", "Si", "Phai", "Kham", "Nam", "Thong", "Luang", "Mai", "Nuea",
            "Tai", "Klang", "Daeng", "Kham", "Yang", "Pho", "Tan", "Mamuang", "Kung", "Mek", "Kaeo", "Ngam", "Sawang",
            "Chai", "Phatthana"};

    SyntheticRegistry() {
    }

    /** The registry as CSV text with a header; {@code total} rows (7,850 for the national size). */
    public static String csv(int total, long seed) {
        Random random = new Random(seed);
        List<Province> provinces = Provinces.all().stream().filter(p -> !p.code().equals("10")).toList();
        int[] counts = distribute(total);
        StringWriter out = new StringWriter();
        Set<String> used = new LinkedHashSet<>();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(OrganizationCsv.COLUMNS.toArray(String[]::new)).get())) {
            int serial = 0;
            OrganizationType[] types = {OrganizationType.PAO, OrganizationType.CITY_MUNICIPALITY,
                    OrganizationType.TOWN_MUNICIPALITY, OrganizationType.SUBDISTRICT_MUNICIPALITY, OrganizationType.SAO};
            for (int t = 0; t < types.length; t++) {
                for (int i = 0; i < counts[t]; i++) {
                    Province province = types[t] == OrganizationType.PAO ? provinces.get(i % provinces.size())
                            : provinces.get(random.nextInt(provinces.size()));
                    int a = random.nextInt(SYLLABLES.length);
                    int b = random.nextInt(SYLLABLES.length);
                    String placeTh = types[t] == OrganizationType.PAO ? province.nameTh() : SYLLABLES[a] + SYLLABLES[b];
                    String placeEn = types[t] == OrganizationType.PAO ? province.nameEn() : ROMAN[a] + " " + ROMAN[b];
                    if (!used.add(types[t] + placeTh + province.code())) {
                        placeTh = placeTh + SYLLABLES[random.nextInt(SYLLABLES.length)];
                        placeEn = placeEn + " " + (i + 1);
                    }
                    int district = 1 + random.nextInt(20);
                    String code = province.code() + String.format("%02d", district) + String.format("%03d", ++serial % 1000);
                    code = code + (serial / 1000);
                    int men = 2_000 + random.nextInt(60_000);
                    int women = men + random.nextInt(4_000) - 1_000;
                    printer.printRecord(code, types[t].name(), types[t].thaiName() + placeTh,
                            placeEn + " " + types[t].englishName(), province.code(),
                            "อำเภอที่ " + district, "District " + district,
                            "หมู่ " + (1 + random.nextInt(15)) + " ตำบล" + placeTh, "5" + String.format("%04d", random.nextInt(10_000)),
                            "0" + (2 + random.nextInt(7)) + "-" + (100 + random.nextInt(900)) + "-" + (1000 + random.nextInt(9000)),
                            "", "", "", men, women, String.format(java.util.Locale.ROOT, "%.2f", 5 + random.nextDouble() * 300),
                            5 + random.nextInt(120), String.format(java.util.Locale.ROOT, "%.2f", 5e6 + random.nextDouble() * 5e8),
                            String.format(java.util.Locale.ROOT, "%.2f", 5e6 + random.nextDouble() * 5e8), 6 + random.nextInt(18),
                            random.nextInt(8), "พัฒนา" + placeTh + "ให้น่าอยู่ ประชาชนมีคุณภาพชีวิตที่ดี",
                            "นายสมมติ ใจดี|นายก;นางตัวอย่าง รักถิ่น|ปลัด");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Rows per type in the national proportions: PAO, city, town, subdistrict municipality, SAO. */
    static int[] distribute(int total) {
        double[] share = {76, 30, 195, 2250, 5299};
        double sum = 0;
        for (double s : share) {
            sum += s;
        }
        int[] counts = new int[share.length];
        int assigned = 0;
        for (int i = 0; i < share.length - 1; i++) {
            counts[i] = (int) Math.round(total * share[i] / sum);
            assigned += counts[i];
        }
        counts[share.length - 1] = total - assigned;
        return counts;
    }

    /** Writes the national-size file when run as a "test" with -Dphakhi.registry.out=FILE. */
    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.Tag("tool")
    void write() throws IOException {
        String out = System.getProperty("phakhi.registry.out");
        org.junit.jupiter.api.Assumptions.assumeTrue(out != null, "set -Dphakhi.registry.out=FILE to write the file");
        Files.writeString(Path.of(out), csv(Integer.getInteger("phakhi.registry.rows", 7_850), 2569),
                StandardCharsets.UTF_8);
    }

    static List<String> rows(String csv) {
        return new ArrayList<>(csv.lines().toList());
    }
}
