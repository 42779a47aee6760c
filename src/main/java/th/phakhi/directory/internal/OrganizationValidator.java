package th.phakhi.directory.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import th.phakhi.directory.ImportReport.ImportProblem;
import th.phakhi.directory.OrganizationRecord;
import th.phakhi.directory.Provinces;

/**
 * The rules an organization's data must meet, for import and for editing a profile alike.
 * Column names are those of the import format (docs/import-format.md).
 */
public final class OrganizationValidator {

    public static final int MAX_NAME = 200;
    public static final int MAX_TEXT = 500;
    public static final int MAX_VISION = 2000;
    private static final Pattern CODE = Pattern.compile("[0-9]{5,10}");
    private static final Pattern POSTCODE = Pattern.compile("[0-9]{5}");
    private static final Pattern PHONE = Pattern.compile("[0-9+()\\-\\s,ต่อ#.]{3,60}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private OrganizationValidator() {
    }

    public static List<ImportProblem> validate(OrganizationRecord r, int line) {
        List<ImportProblem> problems = new ArrayList<>();
        if (r.code() == null || !CODE.matcher(r.code().strip()).matches()) {
            problems.add(problem(line, "code", "import.error.code"));
        }
        if (r.type() == null) {
            problems.add(problem(line, "type", "import.error.type"));
        }
        text(problems, line, "name_th", r.nameTh(), true, MAX_NAME);
        text(problems, line, "name_en", r.nameEn(), false, MAX_NAME);
        if (r.provinceCode() == null || Provinces.byCode(r.provinceCode()).isEmpty()) {
            problems.add(problem(line, "province", "import.error.province"));
        }
        text(problems, line, "district_th", r.districtTh(), false, MAX_NAME);
        text(problems, line, "district_en", r.districtEn(), false, MAX_NAME);
        text(problems, line, "address", r.address(), false, MAX_TEXT);
        if (present(r.postcode()) && !POSTCODE.matcher(r.postcode().strip()).matches()) {
            problems.add(problem(line, "postcode", "import.error.postcode"));
        }
        if (present(r.phone()) && !PHONE.matcher(r.phone().strip()).matches()) {
            problems.add(problem(line, "phone", "import.error.phone"));
        }
        if (present(r.fax()) && !PHONE.matcher(r.fax().strip()).matches()) {
            problems.add(problem(line, "fax", "import.error.phone"));
        }
        if (present(r.email()) && (r.email().length() > MAX_NAME || !EMAIL.matcher(r.email().strip()).matches())) {
            problems.add(problem(line, "email", "import.error.email"));
        }
        if (present(r.website()) && (r.website().length() > MAX_NAME
                || !(r.website().startsWith("https://") || r.website().startsWith("http://")))) {
            problems.add(problem(line, "website", "import.error.website"));
        }
        nonNegative(problems, line, "population_male", r.populationMale());
        nonNegative(problems, line, "population_female", r.populationFemale());
        nonNegative(problems, line, "communities", r.communities());
        nonNegative(problems, line, "council_seats_male", r.councilSeatsMale());
        nonNegative(problems, line, "council_seats_female", r.councilSeatsFemale());
        nonNegative(problems, line, "revenue_baht", r.revenueBaht());
        nonNegative(problems, line, "subsidies_baht", r.subsidiesBaht());
        nonNegative(problems, line, "area_km2", r.areaKm2());
        text(problems, line, "vision", r.vision(), false, MAX_VISION);
        for (var member : r.executiveTeam()) {
            if (!present(member.name()) || member.name().length() > MAX_NAME
                    || (member.position() != null && member.position().length() > MAX_NAME)) {
                problems.add(problem(line, "executives", "import.error.executives", MAX_NAME));
                break;
            }
        }
        return problems;
    }

    private static void text(List<ImportProblem> problems, int line, String column, String value, boolean required,
                             int max) {
        if (required && !present(value)) {
            problems.add(problem(line, column, "import.error.required"));
        } else if (value != null && value.length() > max) {
            problems.add(problem(line, column, "import.error.tooLong", max));
        }
    }

    private static void nonNegative(List<ImportProblem> problems, int line, String column, Number value) {
        if (value != null && new BigDecimal(value.toString()).signum() < 0) {
            problems.add(problem(line, column, "import.error.negative"));
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static ImportProblem problem(int line, String column, String key, Object... params) {
        return new ImportProblem(line, column, key, List.of(params));
    }
}
