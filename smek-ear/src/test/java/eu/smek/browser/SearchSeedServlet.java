package eu.smek.browser;

import eu.smek.documents.DocumentDraft;
import eu.smek.documents.DocumentService;
import eu.smek.documents.DocumentType;
import eu.smek.documents.NamedContent;
import eu.smek.security.AccountPrincipal;
import eu.smek.shared.Language;
import eu.smek.shared.SpaceRef;
import eu.smek.shared.SpaceType;
import eu.smek.shared.Visibility;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.subject.SimplePrincipalCollection;
import org.apache.shiro.subject.Subject;

/**
 * Test-only (deployed by {@link DocumentSearchBrowserIT}, never part of the application): stores a
 * private Polish agreement in a library of the given demo user's town, through the real document
 * service as that user, and answers with the document's id.
 */
@WebServlet("/seed")
public class SearchSeedServlet extends HttpServlet {

  @EJB(lookup = "java:global/smek/smek-ejb/DocumentService")
  private DocumentService documents;

  @Resource(lookup = "java:jboss/smek/EntityManagerFactory")
  private EntityManagerFactory factory;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String marker = request.getParameter("marker");
    Object[] account;
    EntityManager em = factory.createEntityManager();
    try {
      account =
          em.createQuery(
                  "select a.id, a.login, a.organisation.id from Account a where a.login = :login",
                  Object[].class)
              .setParameter("login", request.getParameter("login"))
              .getSingleResult();
    } finally {
      em.close();
    }
    Subject subject =
        new Subject.Builder(SecurityUtils.getSecurityManager())
            .principals(
                new SimplePrincipalCollection(
                    new AccountPrincipal((Long) account[0], (String) account[1]), "smek"))
            .authenticated(true)
            .buildSubject();
    long id =
        subject.execute(
            () -> {
              long library =
                  documents
                      .createLibrary(
                          new SpaceRef(SpaceType.ORGANISATION, (Long) account[2]),
                          "Umowy " + marker,
                          null,
                          Visibility.PRIVATE)
                      .getId();
              byte[] text =
                  ("Umowa o współpracy transgranicznej <i>kursywa</i> " + marker)
                      .getBytes(StandardCharsets.UTF_8);
              return documents
                  .upload(
                      library,
                      null,
                      new DocumentDraft(
                          "Porozumienie partnerskie " + marker,
                          null,
                          DocumentType.AGREEMENT,
                          Language.PL,
                          Set.of(),
                          null),
                      null,
                      new NamedContent("umowa.txt", new ByteArrayInputStream(text)))
                  .getId();
            });
    response.setContentType("text/plain");
    response.getWriter().print(id);
  }
}
