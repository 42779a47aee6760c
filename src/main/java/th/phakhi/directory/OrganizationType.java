package th.phakhi.directory;

/**
 * The six types of Thai local administrative organization (อปท.). Names, abbreviations and the
 * leader's title come from the translation bundles ({@code org.type.<CODE>.name}, {@code .abbr},
 * {@code .leader}); the Thai name and abbreviation are also here because search indexes them in
 * both languages.
 */
public enum OrganizationType {
    PAO("องค์การบริหารส่วนจังหวัด", "อบจ.", "Provincial Administrative Organization", "PAO"),
    CITY_MUNICIPALITY("เทศบาลนคร", "ทน.", "City Municipality", "City Mun."),
    TOWN_MUNICIPALITY("เทศบาลเมือง", "ทม.", "Town Municipality", "Town Mun."),
    SUBDISTRICT_MUNICIPALITY("เทศบาลตำบล", "ทต.", "Subdistrict Municipality", "Subdistrict Mun."),
    SAO("องค์การบริหารส่วนตำบล", "อบต.", "Subdistrict Administrative Organization", "SAO"),
    SPECIAL("องค์กรปกครองส่วนท้องถิ่นรูปแบบพิเศษ", "กทม.", "Special-status (Bangkok, Pattaya)", "Special");

    private final String thaiName;
    private final String thaiAbbreviation;
    private final String englishName;
    private final String englishAbbreviation;

    OrganizationType(String thaiName, String thaiAbbreviation, String englishName, String englishAbbreviation) {
        this.thaiName = thaiName;
        this.thaiAbbreviation = thaiAbbreviation;
        this.englishName = englishName;
        this.englishAbbreviation = englishAbbreviation;
    }

    public String thaiName() {
        return thaiName;
    }

    public String thaiAbbreviation() {
        return thaiAbbreviation;
    }

    public String englishName() {
        return englishName;
    }

    public String englishAbbreviation() {
        return englishAbbreviation;
    }

    public String nameKey() {
        return "org.type." + name() + ".name";
    }

    public String abbreviationKey() {
        return "org.type." + name() + ".abbr";
    }

    public String leaderKey() {
        return "org.type." + name() + ".leader";
    }
}
