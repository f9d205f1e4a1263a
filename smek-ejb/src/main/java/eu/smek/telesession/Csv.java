package eu.smek.telesession;

import java.util.List;

/**
 * RFC 4180 CSV, safe to open in a spreadsheet: a cell that starts with {@code = + - @} (a formula
 * to Excel and LibreOffice) gets a leading apostrophe, so that a name like {@code =HYPERLINK(...)}
 * stays text; a cell with a comma, quote or line break is quoted, quotes doubled; lines end CRLF.
 */
public final class Csv {

  private Csv() {}

  public static String cell(String value) {
    if (value == null) {
      return "";
    }
    String text = value;
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  public static String of(List<List<String>> rows) {
    StringBuilder csv = new StringBuilder();
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          csv.append(',');
        }
        csv.append(cell(row.get(i)));
      }
      csv.append("\r\n");
    }
    return csv.toString();
  }
}
