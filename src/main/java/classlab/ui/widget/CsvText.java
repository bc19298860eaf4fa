package classlab.ui.widget;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV as written by {@code Figure.toCsv()}: quoted cells may hold commas, quotes and line breaks. */
final class CsvText {
    private CsvText() { }

    /** Rows of cells; a final line break does not start an empty row. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') { cell.append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.append(c);
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    /** One CSV line, quoting the cells that need it. */
    static String line(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (String s : cells) {
            if (sb.length() > 0) sb.append(',');
            boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0;
            sb.append(quote ? '"' + s.replace("\"", "\"\"") + '"' : s);
        }
        return sb.toString();
    }
}
