package eu.smek.membership;

import eu.smek.rest.ProblemMappers;
import eu.smek.shared.BusinessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Downloads a document of the membership register: {@code /membership/documents/<id>}. Who may is
 * decided by the service; the name is sent as RFC 6266 says, so Polish and Slovak letters survive
 * and nothing in the name can break the header.
 */
@WebServlet("/membership/documents/*")
public class MembershipDocumentServlet extends HttpServlet {

  @Inject private MembershipService membership;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    long id;
    try {
      id = Long.parseLong(request.getPathInfo() == null ? "" : request.getPathInfo().substring(1));
    } catch (NumberFormatException notAnId) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    MembershipDocument document;
    try {
      document = membership.document(id);
    } catch (BusinessException refused) {
      // Not found, or not to be seen by this user: the status says which, the body nothing more.
      response.sendError(ProblemMappers.statusOf(refused));
      return;
    }
    response.setContentType(document.contentType());
    response.setContentLength(document.content().length);
    response.setHeader("Content-Disposition", attachment(document.name()));
    response.setHeader("Cache-Control", "private, no-store");
    response.getOutputStream().write(document.content());
  }

  static String attachment(String name) {
    String ascii = name.replaceAll("[^A-Za-z0-9._ ()-]", "_");
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
