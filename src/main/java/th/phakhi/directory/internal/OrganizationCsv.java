package th.phakhi.directory.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import th.phakhi.directory.ImportReport.ImportProblem;
import th.phakhi.directory.OrganizationRecord;
import th.phakhi.directory.OrganizationType;
import th.phakhi.directory.Province;
import th.phakhi.directory.Provinces;

/**
 * Reads the organization import format (docs/import-format.md): UTF-8 CSV with a header row.
 * Converts text to typed values and reports every value it cannot read by line and column; the
 * business rules are {@link OrganizationValidator}'s.
 */
public final class OrganizationCsv {

    public static final List<String> COLUMNS = List.of("code", "type", "name_th", "name_en", "province", "district_th",
            "district_en", "address", "postcode", "phone", "fax", "email", "website", "population_male",
            "population_female", "area_km2", "communities", "revenue_baht", "subsidies_baht", "council_seats_male",
            "council_seats_female", "vision", "executives");
    public static final Set<String> REQUIRED = Set.of("code", "type", "name_th", "province");
    /** Largest file accepted, about four times the national registry with full profiles. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    public static final int MAX_ROWS = 20_000;

    private OrganizationCsv() {
    }

    /** Records read, the file line each starts on, and every value that could not be read. */
    public record Parsed(List<OrganizationRecord> records, List<Integer> lines, List<ImportProblem> problems) {
    }

    public static Parsed parse(InputStream in) {
        List<ImportProblem> problems = new ArrayList<>();
        List<OrganizationRecord> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (Reader reader = new InputStreamReader(in, decoder); CSVParser parser = format.parse(skipBom(reader))) {
            Map<String, Integer> header = new LinkedHashMap<>();
            parser.getHeaderMap().forEach((name, index) -> header.put(name.strip().toLowerCase(), index));
            for (String name : header.keySet()) {
                if (!COLUMNS.contains(name)) {
                    problems.add(new ImportProblem(1, name, "import.error.unknownColumn", List.of(name)));
                }
            }
            for (String required : REQUIRED) {
                if (!header.containsKey(required)) {
                    problems.add(new ImportProblem(1, required, "import.error.missingColumn", List.of(required)));
                }
            }
            if (!problems.isEmpty()) {
                return new Parsed(List.of(), List.of(), problems);
            }
            long previousLine = parser.getCurrentLineNumber();
            for (CSVRecord row : parser) {
                int line = (int) previousLine + 1;
                previousLine = parser.getCurrentLineNumber();
                if (records.size() >= MAX_ROWS) {
                    problems.add(new ImportProblem(line, "", "import.error.tooManyRows", List.of(MAX_ROWS)));
                    break;
                }
                records.add(read(new Row(row, header, line), problems));
                lines.add(line);
            }
        } catch (CharacterCodingException e) {
            problems.add(new ImportProblem(0, "", "import.error.encoding", List.of()));
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            problems.add(new ImportProblem(0, "", "import.error.unreadable", List.of()));
        }
        return new Parsed(records, lines, problems);
    }

    /** Line number of each record, in order: the parser counts physical lines (quoted fields may span lines). */
    private record Row(CSVRecord record, Map<String, Integer> header, int line) {
        String get(String column) {
            Integer index = header.get(column);
            if (index == null || index >= record.size()) {
                return null;
            }
            String value = record.get(index);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    private static OrganizationRecord read(Row row, List<ImportProblem> problems) {
        // Unknown types and provinces are left for the validator to report, once.
        OrganizationType type = row.get("type") == null ? null : type(row.get("type")).orElse(null);
        String provinceValue = row.get("province");
        String provinceCode = provinceValue == null ? null
                : Provinces.find(provinceValue).map(Province::code).orElse(provinceValue);
        List<OrganizationRecord.ExecutiveMember> executives = new ArrayList<>();
        if (row.get("executives") != null) {
            for (String part : row.get("executives").split(";")) {
                if (part.isBlank()) {
                    continue;
                }
                String[] pieces = part.split("\\|", 2);
                executives.add(new OrganizationRecord.ExecutiveMember(pieces[0].strip(),
                        pieces.length > 1 ? pieces[1].strip() : null));
            }
        }
        // A record whose required values are missing is still built (with nulls), so that the
        // validator reports every problem of the row at once.
        return new OrganizationRecord(row.get("code"), type, row.get("name_th"), row.get("name_en"), provinceCode,
                row.get("district_th"), row.get("district_en"), row.get("address"), row.get("postcode"),
                row.get("phone"), row.get("fax"), row.get("email"), row.get("website"),
                integer(row, "population_male", problems), integer(row, "population_female", problems),
                decimal(row, "area_km2", problems), integer(row, "communities", problems),
                decimal(row, "revenue_baht", problems), decimal(row, "subsidies_baht", problems),
                integer(row, "council_seats_male", problems), integer(row, "council_seats_female", problems),
                row.get("vision"), executives);
    }

    /** A type by its code (PAO), Thai abbreviation (อบจ.) or Thai or English name. */
    public static Optional<OrganizationType> type(String value) {
        String v = value.strip();
        return Arrays.stream(OrganizationType.values())
                .filter(t -> t.name().equalsIgnoreCase(v) || t.thaiAbbreviation().equals(v)
                        || t.thaiAbbreviation().replace(".", "").equals(v.replace(".", ""))
                        || t.thaiName().equals(v) || t.englishName().equalsIgnoreCase(v))
                .findFirst();
    }

    private static Integer integer(Row row, String column, List<ImportProblem> problems) {
        BigDecimal value = decimal(row, column, problems);
        if (value == null) {
            return null;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            problems.add(new ImportProblem(row.line(), column, "import.error.number", List.of()));
            return null;
        }
    }

    private static BigDecimal decimal(Row row, String column, List<ImportProblem> problems) {
        String raw = row.get(column);
        if (raw == null) {
            return null;
        }
        try {
            return new BigDecimal(raw.replace(",", "").replace(" ", ""));
        } catch (NumberFormatException e) {
            problems.add(new ImportProblem(row.line(), column, "import.error.number", List.of()));
            return null;
        }
    }

    private static Reader skipBom(Reader reader) throws IOException {
        var pushback = new java.io.PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }
}
