package eu.smek.membership;

import eu.smek.http.ContentDisposition;
import eu.smek.rest.ProblemMappers;
import eu.smek.shared.BusinessException;
import eu.smek.shared.RecordNotFoundException;
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
 * Files of the membership register for signed-in members: {@code /membership/documents/<file>},
 * {@code /membership/photos/<person>}, {@code /membership/vcards/person/<person>} and {@code
 * /membership/vcards/cell/<organisation>}. Who may is decided by the service; names are sent as RFC
 * 6266 says, so Polish and Slovak letters survive and nothing in a name can break the header.
 */
@WebServlet({"/membership/documents/*", "/membership/photos/*", "/membership/vcards/*"})
public class MembershipDownloads extends HttpServlet {

  private static final Pattern NUMBER = Pattern.compile("/(\\d{1,18})");
  private static final Pattern VCARD = Pattern.compile("/(person|cell)/(\\d{1,18})");

  @Inject private MembershipService membership;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo() == null ? "" : request.getPathInfo();
    try {
      switch (request.getServletPath()) {
        case "/membership/documents" -> document(path, response);
        case "/membership/photos" -> photo(path, response);
        default -> vcard(path, response);
      }
    } catch (BusinessException refused) {
      // Not found, or not to be seen by this user: the status says which, the body nothing more.
      response.sendError(ProblemMappers.statusOf(refused));
    }
  }

  private void document(String path, HttpServletResponse response) throws IOException {
    Matcher id = NUMBER.matcher(path);
    if (!id.matches()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    MembershipDocument document = membership.document(Long.parseLong(id.group(1)));
    send(response, document.contentType(), document.name(), document.content());
  }

  private void photo(String path, HttpServletResponse response) throws IOException {
    Matcher id = NUMBER.matcher(path);
    byte[] png = id.matches() ? membership.photo(Long.parseLong(id.group(1))).orElse(null) : null;
    if (png == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType("image/png");
    response.setContentLength(png.length);
    response.setHeader("Cache-Control", "private, max-age=300");
    response.getOutputStream().write(png);
  }

  private void vcard(String path, HttpServletResponse response) throws IOException {
    Matcher target = VCARD.matcher(path);
    if (!target.matches()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    long id = Long.parseLong(target.group(2));
    String card;
    String name;
    if (target.group(1).equals("person")) {
      Person person = membership.getPerson(id);
      card = VCards.of(person, membership.photo(id).orElse(null));
      name = person.getFullName();
    } else {
      Cell cell =
          membership.findCell(id).orElseThrow(() -> new RecordNotFoundException(Cell.class, id));
      card = VCards.of(membership.people(cell.getId()));
      name = cell.getOrganisation().getName();
    }
    send(response, VCards.MEDIA_TYPE, name + ".vcf", card.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(
      HttpServletResponse response, String contentType, String name, byte[] content)
      throws IOException {
    response.setContentType(contentType);
    response.setContentLength(content.length);
    response.setHeader("Content-Disposition", ContentDisposition.attachment(name));
    response.setHeader("Cache-Control", "private, no-store");
    response.getOutputStream().write(content);
  }
}
