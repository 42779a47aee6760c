package th.phakhi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import th.phakhi.directory.ContactVisibility;
import th.phakhi.directory.OrganizationType;
import th.phakhi.directory.Position;
import th.phakhi.directory.Region;
import th.phakhi.shared.i18n.Language;

/**
 * Every user-visible text comes from the bundles, in both languages: a key missing in either
 * file, a key used in code but defined nowhere, or a literal text in a view fails the build.
 */
class TranslationBundlesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    /** Calls whose first argument is a translation key. */
    private static final Pattern KEY_USE = Pattern.compile(
            "(?:getTranslation|translate|UserFacingException|Notices\\.(?:success|error)\\(\\w+,|title =)\\s*\\(?\\s*\"([a-z][a-zA-Z0-9]*(?:\\.[a-zA-Z0-9]+)+)\"");
    /** Component constructors and setters given a literal text with letters in it. */
    private static final Pattern LITERAL_TEXT = Pattern.compile(
            "(new (Button|H[1-6]|Span|Paragraph|TextField|TextArea|PasswordField|Checkbox|Tab|RouterLink|Details|NativeLabel)"
                    + "|\\.setText|\\.setLabel|\\.setPlaceholder|\\.setHeaderText|Notification\\.show|\\.setTitle|\\.setHelperText"
                    + "|\\.setErrorMessage|\\.setAriaLabel)\\(\"[^\"]*[A-Za-z\\u0E00-\\u0E7F]");

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TranslationBundlesTest.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void thaiAndEnglishHaveTheSameKeys() throws IOException {
        Set<Object> english = load("translations.properties").keySet();
        Set<Object> thai = load("translations_th.properties").keySet();
        assertThat(new TreeSet<>(thai)).as("keys in English but not in Thai")
                .containsAll(new TreeSet<>(english));
        assertThat(new TreeSet<>(english)).as("keys in Thai but not in English")
                .containsAll(new TreeSet<>(thai));
    }

    @Test
    void noTranslationIsEmpty() throws IOException {
        for (String file : List.of("translations.properties", "translations_th.properties")) {
            Properties p = load(file);
            assertThat(p.stringPropertyNames().stream().filter(k -> p.getProperty(k).isBlank()))
                    .as("empty values in " + file).isEmpty();
        }
    }

    @Test
    void everyKeyUsedInCodeIsDefined() throws IOException {
        Properties english = load("translations.properties");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_USE.matcher(Files.readString(file));
                while (m.find()) {
                    if (!english.containsKey(m.group(1))) {
                        missing.add(file.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void enumsShownToUsersHaveTranslations() throws IOException {
        Properties english = load("translations.properties");
        List<String> keys = new ArrayList<>();
        for (OrganizationType type : OrganizationType.values()) {
            keys.addAll(List.of(type.nameKey(), type.abbreviationKey(), type.leaderKey()));
        }
        for (Position position : Position.values()) {
            keys.add(position.nameKey());
        }
        for (ContactVisibility visibility : ContactVisibility.values()) {
            keys.add(visibility.nameKey());
        }
        for (Region region : Region.values()) {
            keys.add(region.nameKey());
        }
        for (th.phakhi.network.NetworkScope scope : th.phakhi.network.NetworkScope.values()) {
            keys.add(scope.nameKey());
        }
        for (th.phakhi.network.NetworkVisibility visibility : th.phakhi.network.NetworkVisibility.values()) {
            keys.addAll(List.of(visibility.nameKey(), visibility.nameKey() + ".explained"));
        }
        for (th.phakhi.network.NetworkPosition position : th.phakhi.network.NetworkPosition.values()) {
            keys.add(position.nameKey());
        }
        for (th.phakhi.network.NetworkRole role : th.phakhi.network.NetworkRole.values()) {
            keys.add(role.nameKey());
        }
        for (th.phakhi.network.MembershipRequest.Status status : th.phakhi.network.MembershipRequest.Status.values()) {
            keys.add(status.nameKey());
        }
        for (String column : th.phakhi.directory.internal.OrganizationCsv.COLUMNS) {
            keys.add("import.column." + column);
        }
        for (th.phakhi.announcement.Category c : th.phakhi.announcement.Category.values()) {
            keys.add(c.nameKey());
        }
        for (th.phakhi.notification.NotificationKind k : th.phakhi.notification.NotificationKind.values()) {
            keys.add(k.nameKey());
        }
        for (th.phakhi.notification.EmailDelivery d : th.phakhi.notification.EmailDelivery.values()) {
            keys.add(d.nameKey());
        }
        for (Language language : Language.values()) {
            keys.add("language.switchTo." + language.code());
        }
        assertThat(keys.stream().filter(k -> !english.containsKey(k))).isEmpty();
    }

    /** In a pattern with parameters a lone apostrophe starts a quoted section and swallows the text after it. */
    @Test
    void patternsWithParametersDoubleTheirApostrophes() throws IOException {
        for (String file : List.of("translations.properties", "translations_th.properties")) {
            Properties p = load(file);
            assertThat(p.stringPropertyNames().stream()
                    .filter(k -> p.getProperty(k).contains("{0"))
                    .filter(k -> p.getProperty(k).replace("''", "").contains("'")))
                    .as("patterns in " + file + " with a single apostrophe").isEmpty();
        }
    }

    @Test
    void viewsHoldNoLiteralUserVisibleText() throws IOException {
        List<String> literals = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (LITERAL_TEXT.matcher(lines.get(i)).find()) {
                        literals.add(file.getFileName() + ":" + (i + 1) + " " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(literals).isEmpty();
    }
}
