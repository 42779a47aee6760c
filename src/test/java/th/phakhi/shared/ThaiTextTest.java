package th.phakhi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import th.phakhi.shared.text.ThaiText;

class ThaiTextTest {

    private static boolean finds(String query, String... texts) {
        List<String> terms = ThaiText.terms(query);
        List<String> indexed = ThaiText.indexGrams(texts);
        return indexed.containsAll(ThaiText.queryGrams(terms)) && ThaiText.matches(terms, texts);
    }

    @Test
    void provinceNameFindsOrganizationsNamedAfterIt() {
        assertThat(finds("เชียงใหม่", "เทศบาลนครเชียงใหม่")).isTrue();
        assertThat(finds("ขอนแก่น", "องค์การบริหารส่วนจังหวัดขอนแก่น")).isTrue();
    }

    @Test
    void wordInsideACompoundIsFound() {
        assertThat(finds("ขยะ", "การจัดการขยะชุมชน")).isTrue();
        assertThat(finds("ข่าว", "ข่าวดีของเครือข่าย")).isTrue();
        assertThat(finds("งบประมาณ", "ขอบคุณเรื่องงบประมาณปีหน้าครับ")).isTrue();
    }

    @Test
    void toneMarksAreNeverIgnored() {
        assertThat(finds("ข่าว", "ข้าวหอมมะลิ")).isFalse();
        assertThat(finds("ข้าว", "ข่าวประชาสัมพันธ์")).isFalse();
    }

    @Test
    void unknownWordsAreFoundWholeEvenWhereTheDictionaryBreaksThem() {
        assertThat(finds("ธรรมาภิบาล", "หลักธรรมาภิบาลในองค์กร")).isTrue();
    }

    @Test
    void latinSearchIgnoresCase() {
        assertThat(finds("khon kaen", "Khon Kaen City Municipality")).isTrue();
        assertThat(finds("KHON", "Khon Kaen City Municipality")).isTrue();
    }

    @Test
    void everyTermMustMatch() {
        assertThat(finds("เทศบาล ขอนแก่น", "เทศบาลนครขอนแก่น")).isTrue();
        assertThat(finds("เทศบาล ลำปาง", "เทศบาลนครขอนแก่น")).isFalse();
    }

    @Test
    void saraAmTypedAsTwoCharactersMatchesTheSingleCharacter() {
        assertThat(ThaiText.normalize("นํ้า")).isEqualTo("น้ำ");
        assertThat(finds("น้ำ", "การจัดการนํ้าเสีย")).isTrue();
    }

    @Test
    void tooShortOrEmptyQueriesMatchNothing() {
        assertThat(ThaiText.terms("ก")).isEmpty();
        assertThat(ThaiText.terms("   ")).isEmpty();
        assertThat(ThaiText.matches(ThaiText.terms(""), "อะไรก็ได้")).isFalse();
    }

    @Test
    void wholeWordHitsRankAboveSubstringHits() {
        List<String> terms = ThaiText.terms("ขยะ");
        double word = ThaiText.score(terms, "ขยะ ชุมชน");
        double inside = ThaiText.score(terms, "ธนาคารขยะรีไซเคิลของชุมชนบ้านเรา");
        assertThat(word).isGreaterThan(inside);
    }
}
