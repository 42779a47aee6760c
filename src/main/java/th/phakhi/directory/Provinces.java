package th.phakhi.directory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The province list, read once from {@code directory/provinces.csv}. */
public final class Provinces {

    private static final Map<String, Province> BY_CODE = load();

    private Provinces() {
    }

    public static Collection<Province> all() {
        return BY_CODE.values();
    }

    public static Optional<Province> byCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(BY_CODE.get(code.strip()));
    }

    /** Finds a province by its code, Thai name or English name (case-insensitive). */
    public static Optional<Province> find(String codeOrName) {
        if (codeOrName == null || codeOrName.isBlank()) {
            return Optional.empty();
        }
        String wanted = codeOrName.strip();
        return byCode(wanted).or(() -> BY_CODE.values().stream()
                .filter(p -> p.nameTh().equals(wanted) || p.nameEn().equalsIgnoreCase(wanted))
                .findFirst());
    }

    private static Map<String, Province> load() {
        Map<String, Province> provinces = new LinkedHashMap<>();
        try (var in = Objects.requireNonNull(Provinces.class.getResourceAsStream("/directory/provinces.csv"));
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                provinces.put(f[0], new Province(f[0], f[1], f[2], Region.valueOf(f[3])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return java.util.Collections.unmodifiableMap(provinces);
    }
}
