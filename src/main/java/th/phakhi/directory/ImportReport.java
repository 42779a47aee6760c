package th.phakhi.directory;

import java.util.List;

/**
 * Result of an organization import. When {@link #problems} is not empty nothing was imported.
 *
 * @param created  organizations that were new
 * @param updated  organizations that existed (same code) and were updated
 */
public record ImportReport(int created, int updated, List<ImportProblem> problems) {

    public ImportReport {
        problems = List.copyOf(problems);
    }

    public boolean succeeded() {
        return problems.isEmpty();
    }

    /**
     * One invalid value: its line in the file (1 = header), the column name, and a translation
     * key with parameters that says what is wrong.
     */
    public record ImportProblem(int line, String column, String messageKey, List<Object> params) {
        public ImportProblem {
            params = List.copyOf(params);
        }
    }
}
