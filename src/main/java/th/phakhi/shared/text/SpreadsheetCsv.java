package th.phakhi.shared.text;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV for spreadsheets (Excel, LibreOffice, Google Sheets): UTF-8 with a byte order mark so Thai
 * opens correctly, and every cell that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, tab or carriage return) prefixed with an apostrophe (CSV injection).
 */
public final class SpreadsheetCsv {

    private SpreadsheetCsv() {
    }

    /** Neutralizes a cell a spreadsheet would take for a formula. */
    public static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    /** A whole file: the header and the rows, every cell made safe. */
    public static String write(List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord(header.stream().map(SpreadsheetCsv::safe).toList());
            for (List<String> row : rows) {
                csv.printRecord(row.stream().map(SpreadsheetCsv::safe).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
