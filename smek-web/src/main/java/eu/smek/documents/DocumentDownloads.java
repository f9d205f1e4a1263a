package eu.smek.documents;

import eu.smek.rest.ProblemMappers;
import eu.smek.shared.BusinessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of document libraries: {@code /documents/files/<document>} (the current version) and
 * {@code /documents/files/<document>/<version>}, with {@code ?inline=true} to show a PDF or picture
 * in the browser; thumbnails at {@code /documents/thumbnails/<document>/<version>} (404 until
 * made). Visitors reach these URLs too (shiro.ini): the service lets them have what public
 * libraries hold and reports anything else as not found, exactly as for a document of another town.
 */
@WebServlet({"/documents/files/*", "/documents/thumbnails/*"})
public class DocumentDownloads extends HttpServlet {

  private static final Pattern FILE = Pattern.compile("/(\\d{1,18})(?:/(\\d{1,9}))?");
  private static final Pattern THUMBNAIL = Pattern.compile("/(\\d{1,18})/(\\d{1,9})");

  @Inject private DocumentService documents;
  @Inject private DocumentStorage storage;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    answer(request, response, true);
  }

  /** The same headers as GET, without reading the file. */
  @Override
  protected void doHead(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    answer(request, response, false);
  }

  private void answer(HttpServletRequest request, HttpServletResponse response, boolean withBody)
      throws IOException {
    try {
      Optional<FileAnswer> answer = find(request);
      if (answer.isEmpty()) {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      answer.get().send(response, storage, withBody);
    } catch (BusinessException refused) {
      // Not found, not to be seen by this user, or the stored file is gone: the status says which.
      response.sendError(ProblemMappers.statusOf(refused));
    }
  }

  private Optional<FileAnswer> find(HttpServletRequest request) {
    String path = request.getPathInfo() == null ? "" : request.getPathInfo();
    boolean thumbnail = request.getServletPath().equals("/documents/thumbnails");
    Matcher target = (thumbnail ? THUMBNAIL : FILE).matcher(path);
    if (!target.matches()) {
      return Optional.empty();
    }
    long documentId = Long.parseLong(target.group(1));
    Integer number = target.group(2) == null ? null : Integer.valueOf(target.group(2));
    if (thumbnail) {
      return documents
          .thumbnail(documentId, number)
          .map(file -> FileAnswer.to(request, file, true));
    }
    boolean inline = "true".equals(request.getParameter("inline"));
    return Optional.of(FileAnswer.to(request, documents.download(documentId, number), inline));
  }
}
