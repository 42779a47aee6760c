package th.phakhi.directory.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import th.phakhi.directory.Organization;
import th.phakhi.directory.OrganizationId;
import th.phakhi.directory.OrganizationRecord;
import th.phakhi.directory.OrganizationType;
import th.phakhi.directory.Provinces;
import th.phakhi.shared.text.ThaiText;

@Document("organizations")
@CompoundIndex(name = "province_type", def = "{'provinceCode': 1, 'type': 1, 'nameTh': 1}")
public class OrganizationDocument {

    @Id
    public String id;
    @Indexed(unique = true)
    public String code;
    public OrganizationType type;
    public String nameTh;
    public String nameEn;
    public String provinceCode;
    public String districtTh;
    public String districtEn;
    public String address;
    public String postcode;
    public String phone;
    public String fax;
    public String email;
    public String website;
    public Integer populationMale;
    public Integer populationFemale;
    public BigDecimal areaKm2;
    public Integer communities;
    public BigDecimal revenueBaht;
    public BigDecimal subsidiesBaht;
    public Integer councilSeatsMale;
    public Integer councilSeatsFemale;
    public String vision;
    public List<OrganizationRecord.ExecutiveMember> executiveTeam = new ArrayList<>();
    /** People the leader delegated to administer the organization (person ids). */
    public List<String> delegates = new ArrayList<>();
    /** Character pairs of the names, for search (see ThaiText). */
    @Indexed
    public List<String> searchGrams = new ArrayList<>();
    public Instant createdAt;
    public Instant updatedAt;

    public void apply(OrganizationRecord r, Instant now) {
        code = r.code().strip();
        type = r.type();
        nameTh = r.nameTh().strip();
        nameEn = blankToNull(r.nameEn());
        provinceCode = r.provinceCode();
        districtTh = blankToNull(r.districtTh());
        districtEn = blankToNull(r.districtEn());
        address = blankToNull(r.address());
        postcode = blankToNull(r.postcode());
        phone = blankToNull(r.phone());
        fax = blankToNull(r.fax());
        email = blankToNull(r.email());
        website = blankToNull(r.website());
        populationMale = r.populationMale();
        populationFemale = r.populationFemale();
        areaKm2 = r.areaKm2();
        communities = r.communities();
        revenueBaht = r.revenueBaht();
        subsidiesBaht = r.subsidiesBaht();
        councilSeatsMale = r.councilSeatsMale();
        councilSeatsFemale = r.councilSeatsFemale();
        vision = blankToNull(r.vision());
        executiveTeam = new ArrayList<>(r.executiveTeam());
        searchGrams = ThaiText.indexGrams(searchText());
        if (createdAt == null) {
            createdAt = now;
        }
        updatedAt = now;
    }

    /** Names a user might type: Thai and English names, type abbreviation + place, province. */
    public String[] searchText() {
        var province = Provinces.byCode(provinceCode);
        String place = nameTh.startsWith(type.thaiName()) ? nameTh.substring(type.thaiName().length()) : nameTh;
        return new String[] {nameTh, nameEn, type.thaiAbbreviation() + place,
                province.map(p -> p.nameTh() + " " + p.nameEn()).orElse(""), districtTh, districtEn};
    }

    public List<String> delegatesOrEmpty() {
        return delegates == null ? List.of() : delegates;
    }

    public Organization toOrganization() {
        return new Organization(new OrganizationId(id), code, type, nameTh, nameEn, provinceCode, districtTh, districtEn);
    }

    public OrganizationRecord toRecord() {
        return new OrganizationRecord(code, type, nameTh, nameEn, provinceCode, districtTh, districtEn, address,
                postcode, phone, fax, email, website, populationMale, populationFemale, areaKm2, communities,
                revenueBaht, subsidiesBaht, councilSeatsMale, councilSeatsFemale, vision, executiveTeam);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
