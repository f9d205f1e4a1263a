package eu.smek.telesession;

import eu.smek.http.ContentDisposition;
import eu.smek.rest.ProblemMappers;
import eu.smek.shared.BusinessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A telesession's attendance as CSV for a signed-in user, {@code /telesession/attendance/<id>.csv}
 * (the REST API's is for programs with a token); what the user may see is decided by the service.
 */
@WebServlet("/telesession/attendance/*")
public class TelesessionDownloads extends HttpServlet {

  private static final Pattern ATTENDANCE = Pattern.compile("/(\\d{1,18})\\.csv");

  @Inject private TelesessionService telesessions;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Matcher target = ATTENDANCE.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
    if (!target.matches()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    long id = Long.parseLong(target.group(1));
    String csv;
    try {
      csv = telesessions.attendanceCsv(id);
    } catch (BusinessException refused) {
      response.sendError(ProblemMappers.statusOf(refused));
      return;
    }
    byte[] content = csv.getBytes(StandardCharsets.UTF_8);
    response.setHeader("Cache-Control", "private, no-store");
    response.setContentType("text/csv; charset=UTF-8");
    response.setContentLength(content.length);
    response.setHeader(
        "Content-Disposition", ContentDisposition.attachment("attendance-" + id + ".csv"));
    response.getOutputStream().write(content);
  }
}
