package th.phakhi.directory;

import java.math.BigDecimal;
import java.util.List;

/**
 * Everything the registry holds about one organization — one row of the import file, or what an
 * organization's administrators edit on its profile (seed 004's fields).
 */
public record OrganizationRecord(
        String code,
        OrganizationType type,
        String nameTh,
        String nameEn,
        String provinceCode,
        String districtTh,
        String districtEn,
        String address,
        String postcode,
        String phone,
        String fax,
        String email,
        String website,
        Integer populationMale,
        Integer populationFemale,
        BigDecimal areaKm2,
        Integer communities,
        BigDecimal revenueBaht,
        BigDecimal subsidiesBaht,
        Integer councilSeatsMale,
        Integer councilSeatsFemale,
        String vision,
        List<ExecutiveMember> executiveTeam) {

    public OrganizationRecord {
        executiveTeam = executiveTeam == null ? List.of() : List.copyOf(executiveTeam);
    }

    /** A member of the executive team as the profile lists them (name and position as published). */
    public record ExecutiveMember(String name, String position) {
    }

    public static OrganizationRecord basic(String code, OrganizationType type, String nameTh, String nameEn,
                                           String provinceCode, String districtTh, String districtEn) {
        return new OrganizationRecord(code, type, nameTh, nameEn, provinceCode, districtTh, districtEn, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, List.of());
    }
}
