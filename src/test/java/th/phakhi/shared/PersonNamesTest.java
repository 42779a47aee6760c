package th.phakhi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import th.phakhi.shared.text.PersonNames;

class PersonNamesTest {

    @Test
    void titleIsNotPartOfTheInitials() {
        assertThat(PersonNames.initials("นายสมศักดิ์ แก้วมณี")).isEqualTo("ส");
        assertThat(PersonNames.initials("นางสาวกมลวรรณ ศรีสุข")).isEqualTo("ก");
        assertThat(PersonNames.initials("ผศ.ดร.วิภา ใจดี")).isEqualTo("ว");
    }

    @Test
    void leadingVowelIsSkipped() {
        assertThat(PersonNames.initials("นางเกศินี ทองดี")).isEqualTo("ก");
    }

    @Test
    void latinNamesGiveTwoLetters() {
        assertThat(PersonNames.initials("Dr. Jane Smith")).isEqualTo("JS");
        assertThat(PersonNames.withoutTitle("นางณัฐยา คำแสง")).isEqualTo("ณัฐยา คำแสง");
    }
}
