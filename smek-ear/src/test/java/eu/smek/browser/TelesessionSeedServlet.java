package eu.smek.browser;

import eu.smek.membership.Cell;
import eu.smek.membership.Country;
import eu.smek.membership.MembershipStatus;
import eu.smek.membership.Organisation;
import eu.smek.membership.OrganisationType;
import eu.smek.security.Account;
import eu.smek.security.Role;
import eu.smek.shared.Language;
import jakarta.annotation.Resource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.shiro.authc.credential.DefaultPasswordService;

/**
 * Test-only (deployed by {@link TelesessionBrowserIT}, never part of the application): a new member
 * town with an empty cell and its coordinator's account, with the password {@link #PASSWORD};
 * answers with the account's login, the town's name, the town's id and the account's id, one a
 * line.
 */
@WebServlet("/seed-town")
public class TelesessionSeedServlet extends HttpServlet {

  static final String PASSWORD = "Browser-Test-2026";

  @Resource(lookup = "java:jboss/smek/EntityManagerFactory")
  private EntityManagerFactory factory;

  @Resource private UserTransaction transaction;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String name = request.getParameter("name") + " " + unique;
    String login = "bt-" + unique;
    String ids;
    try {
      transaction.begin();
      EntityManager em = factory.createEntityManager();
      try {
        em.joinTransaction();
        Organisation town =
            new Organisation("B-" + unique.toUpperCase(), name, Country.SK, OrganisationType.TOWN);
        town.setStatus(MembershipStatus.MEMBER);
        em.persist(town);
        em.persist(new Cell(town, LocalDate.now()));
        Account account =
            new Account(login, "Koordinátor " + unique, login + "@example.org", town, Language.EN);
        account.setPasswordHash(new DefaultPasswordService().encryptPassword(PASSWORD));
        account.getRoles().add(Role.TOWN_COORDINATOR);
        em.persist(account);
        em.flush();
        ids = town.getId() + "\n" + account.getId();
      } finally {
        em.close();
      }
      transaction.commit();
    } catch (NotSupportedException
        | SystemException
        | RollbackException
        | HeuristicMixedException
        | HeuristicRollbackException failed) {
      throw new IOException(failed);
    }
    response.setContentType("text/plain; charset=UTF-8");
    response.getWriter().print(login + "\n" + name + "\n" + ids);
  }
}
