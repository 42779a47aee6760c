package th.phakhi.training;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Objects;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.LayoutProcessor;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import th.phakhi.directory.DirectoryAccess;
import th.phakhi.directory.Person;
import th.phakhi.shared.UserFacingException;
import th.phakhi.shared.i18n.DateFormats;
import th.phakhi.shared.i18n.TranslationProvider;
import th.phakhi.training.internal.OccurrenceDocument;

/**
 * Certificates of attendance as PDF, in Thai (Buddhist Era) or English, set in Sarabun. Thai
 * needs its marks stacked and positioned by the font's OpenType tables: OpenPDF's
 * {@link LayoutProcessor} shapes each line with Java's text layout, so the PDF looks like the page.
 */
@Service
public class CertificateService {

    private static final Object FONTS_LOCK = new Object();
    private static volatile BaseFont regular;
    private static volatile BaseFont bold;

    private final TrainingService trainings;
    private final DirectoryAccess directoryAccess;
    private final String baseUrl;

    CertificateService(TrainingService trainings, DirectoryAccess directoryAccess,
                       @Value("${phakhi.base-url:http://localhost:8080}") String baseUrl) {
        this.trainings = trainings;
        this.directoryAccess = directoryAccess;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    /** The signed-in person's certificate for an occurrence they attended. */
    @PreAuthorize("@trainingAccess.canView(#id)")
    public byte[] certificate(OccurrenceId id, Locale locale) {
        OccurrenceDocument doc = trainings.load(id);
        Person me = directoryAccess.currentPerson().orElseThrow(() -> new UserFacingException("training.error.noPerson"));
        OccurrenceDocument.Entry entry = doc.registrations.stream()
                .filter(e -> e.personId.equals(me.id().value()) && e.attendedAt != null).findFirst()
                .orElseThrow(() -> new UserFacingException("training.error.certificateNotAttended"));
        Occurrence o = trainings.find(id);
        return render(o, entry.personName, entry.organizationName, reference(doc.id, me.id().value()), locale);
    }

    /** A short code that ties the certificate to the record (shown on it, checkable by the secretariat). */
    static String reference(String occurrenceId, String personId) {
        return Integer.toHexString(Objects.hash(occurrenceId, personId)).toUpperCase(Locale.ROOT);
    }

    byte[] render(Occurrence o, String name, String organization, String reference, Locale locale) {
        fonts();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Rectangle page = PageSize.A4.rotate();
        Document document = new Document(page, 60, 60, 95, 50);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle(t("certificate.title", locale));
        document.addCreator("Phakhi");
        document.open();
        PdfContentByte canvas = writer.getDirectContentUnder();
        canvas.setRGBColorStroke(31, 78, 121);
        canvas.setLineWidth(3f);
        canvas.rectangle(25, 25, page.getWidth() - 50, page.getHeight() - 50);
        canvas.stroke();
        canvas.setLineWidth(0.8f);
        canvas.rectangle(33, 33, page.getWidth() - 66, page.getHeight() - 66);
        canvas.stroke();

        document.add(centered(t("certificate.issuer", locale, o.networkName()), font(bold, 16), 6));
        document.add(centered(t("certificate.title", locale), font(bold, 34), 18));
        document.add(centered(t("certificate.certifies", locale), font(regular, 18), 6));
        document.add(centered(name, font(bold, 30), 4));
        if (organization != null && !organization.isBlank()) {
            document.add(centered(organization, font(regular, 18), 14));
        }
        document.add(centered(t("certificate.attended", locale, t(o.type().nameKey(), locale)), font(regular, 18), 4));
        document.add(centered("“" + o.topic() + "”", font(bold, 22), 12));
        String date = DateFormats.longDate(o.start().atZone(DateFormats.THAILAND).toLocalDate(), locale);
        String where = o.venue() != null ? o.venue() : t("training.online", locale);
        document.add(centered(t("certificate.when", locale, date, where), font(regular, 16), 30));
        document.add(centered(t("certificate.reference", locale, reference, baseUrl + TrainingService.link(o.id().value())),
                font(regular, 11), 0));
        document.close();
        return out.toByteArray();
    }

    private static String t(String key, Locale locale, Object... params) {
        return TranslationProvider.translate(key, locale, params);
    }

    private static Paragraph centered(String text, Font font, float after) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingAfter(after);
        p.setLeading(font.getSize() * 1.5f);
        return p;
    }

    private static Font font(BaseFont base, float size) {
        Font font = new Font(base, size);
        font.setColor(33, 37, 41);
        return font;
    }

    /** Loads Sarabun once and turns on OpenPDF's shaping of complex scripts (Thai). */
    private static void fonts() {
        if (regular != null) {
            return;
        }
        synchronized (FONTS_LOCK) {
            if (regular != null) {
                return;
            }
            LayoutProcessor.enableKernLiga();
            bold = load("Sarabun-Bold.ttf");
            regular = load("Sarabun-Regular.ttf");
        }
    }

    private static BaseFont load(String file) {
        try (InputStream in = CertificateService.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Font missing: " + file);
            }
            // The layout processor reads the font from a file; a copy in the temp directory serves.
            Path copy = Files.createTempFile("phakhi-", "-" + file);
            copy.toFile().deleteOnExit();
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            BaseFont font = BaseFont.createFont(copy.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            LayoutProcessor.loadFont(font, copy.toString());
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
