package th.phakhi.directory.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import th.phakhi.directory.DirectoryService;
import th.phakhi.directory.ImportReport;
import th.phakhi.directory.internal.OrganizationCsv;
import th.phakhi.shared.i18n.Messages;
import th.phakhi.shared.ui.Actions;
import th.phakhi.shared.ui.Notices;

/**
 * Platform administrators import the organization registry from CSV (docs/import-format.md).
 * Nothing is imported when any row is invalid; every problem is listed by line and column.
 */
@Route("admin/import")
@Menu(title = "menu.import", icon = "vaadin:upload", order = 90)
@RolesAllowed("PLATFORM_ADMIN")
class ImportView extends Div implements HasDynamicTitle {

    private final Div report = new Div();

    ImportView(DirectoryService directory) {
        addClassName("page");
        setId("import");
        add(new H2(getTranslation("import.title")));
        add(new Paragraph(getTranslation("import.intro")));
        String template = String.join(",", OrganizationCsv.COLUMNS) + "\n"
                + "4001001,CITY_MUNICIPALITY,เทศบาลนครขอนแก่น,Khon Kaen City Municipality,40,เมืองขอนแก่น,"
                + "Mueang Khon Kaen,ตำบลในเมือง,40000,043-221-667,,,,52866,58841,46,93,678749799.10,691511722.97,18,6,"
                + "\"พัฒนาเมืองสู่สากล สร้างสังคมแห่งความสุข\",\n";
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(("\uFEFF" + template).getBytes(StandardCharsets.UTF_8)),
                "phakhi-organizations-template.csv", "text/csv", -1)), getTranslation("import.template"));
        download.setId("import-template");
        add(new Paragraph(download));

        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            // Runs in the upload request; the screen is updated under the UI's lock.
            ImportReport result;
            try {
                result = directory.importCsv(new ByteArrayInputStream(bytes));
            } catch (RuntimeException e) {
                ui.access(() -> Actions.run(this, () -> {
                    throw e;
                }));
                return;
            }
            ui.access(() -> show(result));
        }));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) OrganizationCsv.MAX_BYTES);
        upload.setI18n(i18n());
        upload.addFileRejectedListener(e -> Notices.error(this, "import.rejected"));
        upload.setId("import-upload");
        add(upload);
        report.setId("import-report");
        add(report);
    }

    private void show(ImportReport result) {
        report.removeAll();
        if (result == null) {
            return;
        }
        if (result.succeeded()) {
            Paragraph done = new Paragraph(getTranslation("import.done", result.created(), result.updated()));
            done.addClassName("success-text");
            report.add(done);
            return;
        }
        Span failed = new Span(getTranslation("import.failed", result.problems().size()));
        failed.addClassName("error-text");
        report.add(new Paragraph(failed));
        Grid<ImportReport.ImportProblem> grid = new Grid<>();
        grid.addColumn(p -> p.line() == 0 ? "—" : String.valueOf(p.line())).setHeader(getTranslation("import.line"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> p.column().isEmpty() ? "—" : p.column() + " (" + getTranslation("import.column." + p.column()) + ")")
                .setHeader(getTranslation("import.columnHeader")).setAutoWidth(true);
        grid.addColumn(p -> Messages.render(this, p.messageKey(), p.params().stream().map(String::valueOf).toList()))
                .setHeader(getTranslation("import.problem")).setFlexGrow(1);
        List<ImportReport.ImportProblem> shown = result.problems().stream().limit(1000).toList();
        grid.setItems(shown);
        grid.setAllRowsVisible(shown.size() <= 20);
        grid.setId("import-problems");
        report.add(grid);
    }

    private UploadI18N i18n() {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("import.upload.button"))
                .setMany(getTranslation("import.upload.button")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("import.upload.drop"))
                .setMany(getTranslation("import.upload.drop")));
        i18n.setError(new UploadI18N.Error().setFileIsTooBig(getTranslation("import.rejected"))
                .setIncorrectFileType(getTranslation("import.rejected")).setTooManyFiles(getTranslation("import.rejected")));
        return i18n;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("import.title");
    }
}
