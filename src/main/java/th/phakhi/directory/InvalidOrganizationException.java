package th.phakhi.directory;

import java.io.Serial;
import java.util.List;
import th.phakhi.shared.UserFacingException;

/** A profile change that breaks the registry rules; carries every problem, field by field. */
public class InvalidOrganizationException extends UserFacingException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient List<ImportReport.ImportProblem> problems;

    public InvalidOrganizationException(List<ImportReport.ImportProblem> problems) {
        super("org.error.invalid");
        this.problems = List.copyOf(problems);
    }

    public List<ImportReport.ImportProblem> problems() {
        return problems;
    }
}
