package eu.smek.documents;

import eu.smek.membership.Organisation;
import eu.smek.membership.WorkingGroup;
import eu.smek.security.Account;
import eu.smek.shared.Language;
import eu.smek.shared.SpaceRef;
import eu.smek.shared.SpaceType;
import eu.smek.shared.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The document libraries of the demo database, for the guided tour and the browser tests:
 * Przemyśl's private library with minutes in two versions, the network's library with an approved
 * agreement and its Slovak language version waiting for the demo clerk's approval, the cross-border
 * tourism group's library and a public library. The files go through the same store and checks as
 * uploads. Runs in the transaction of {@code InitialData}, which calls it once.
 */
@ApplicationScoped
public class DemoLibraries {

  @PersistenceContext private EntityManager em;
  @Inject private DocumentStorage storage;
  @Inject private Event<VersionStored> versionStored;

  /**
   * Creates the libraries; {@code pdf} makes a one-page PDF with the given (ASCII) line. A blob
   * stored before a failure stays as an orphan until the clean-up job takes it.
   */
  public void create(Function<String, byte[]> pdf) {
    Account admin = account("admin");
    Account coordinator = account("coordinator");
    Account clerk = account("clerk");
    Instant now = Instant.now();

    Library przemysl =
        library(
            organisation("PP3"),
            "Dokumenty Urzędu Miejskiego w Przemyślu",
            "Robocze dokumenty komórki współpracy; widzą je tylko pracownicy urzędu.",
            Visibility.PRIVATE);
    Folder minutesFolder = new Folder(przemysl, null, "Protokoły", null);
    em.persist(minutesFolder);
    Document minutes =
        document(
            przemysl,
            minutesFolder,
            "Protokół z posiedzenia komórki współpracy nr 3/2026",
            DocumentType.MINUTES,
            Language.PL);
    minutes.setReferenceNumber("KW.0012.3.2026");
    minutes.setTags(Set.of("komórka współpracy", "protokół"));
    version(
        minutes,
        "protokol-3-2026.pdf",
        pdf.apply("Protokol z posiedzenia komorki wspolpracy nr 3/2026 - projekt"),
        "Projekt do uwag",
        coordinator,
        now.minus(Duration.ofDays(9)));
    version(
        minutes,
        "protokol-3-2026.pdf",
        pdf.apply("Protokol z posiedzenia komorki wspolpracy nr 3/2026"),
        "Uzupełniona lista obecności",
        coordinator,
        now.minus(Duration.ofDays(2)));

    Library network =
        library(
            organisation("PP1"),
            "Dokumenty sieci SMEK",
            "Porozumienia, uchwały i sprawozdania sieci, dostępne dla wszystkich jej członków.",
            Visibility.NETWORK);
    Document agreement =
        document(
            network,
            null,
            "Porozumienie o współpracy miast sieci SMEK",
            DocumentType.AGREEMENT,
            Language.PL);
    agreement.setReferenceNumber("SMEK/2026/1");
    version(
        agreement,
        "porozumienie-smek.pdf",
        pdf.apply("Porozumienie o wspolpracy miast sieci SMEK"),
        null,
        admin,
        now.minus(Duration.ofDays(20)));
    agreement.submitForApproval(1, List.of(approver(coordinator), approver(clerk)));
    for (Approval approval : agreement.getVersion(1).getApprovals()) {
      agreement.decide(
          1, approval, true, "Zgoda.", approval.getApproverName(), now.minus(Duration.ofDays(15)));
    }
    Document dohoda =
        document(
            network,
            null,
            "Dohoda o spolupráci miest siete SMEK",
            DocumentType.AGREEMENT,
            Language.SK);
    dohoda.setReferenceNumber("SMEK/2026/1");
    version(
        dohoda,
        "dohoda-smek.pdf",
        pdf.apply("Dohoda o spolupraci miest siete SMEK"),
        null,
        admin,
        now.minus(Duration.ofDays(6)));
    dohoda.submitForApproval(1, List.of(approver(clerk)));
    Document report =
        document(
            network,
            null,
            "Sprawozdanie z działalności sieci za 2025 rok",
            DocumentType.REPORT,
            Language.PL);
    version(
        report,
        "sprawozdanie-2025.pdf",
        pdf.apply("Sprawozdanie z dzialalnosci sieci SMEK za 2025 rok"),
        null,
        admin,
        now.minus(Duration.ofDays(30)));

    em.createQuery("select g from WorkingGroup g where g.coordinator = :person", WorkingGroup.class)
        .setParameter("person", coordinator.getPerson())
        .getResultStream()
        .findFirst()
        .ifPresent(tourism -> tourismLibrary(tourism, coordinator, pdf, now));

    Library open =
        library(
            organisation("PP2"),
            "Verejné dokumenty siete SMEK",
            "Dokumenty, ktoré sieť zverejňuje na portáli.",
            Visibility.PUBLIC);
    Document annual =
        document(open, null, "Výročná správa siete SMEK 2025", DocumentType.REPORT, Language.SK);
    version(
        annual,
        "vyrocna-sprava-2025.pdf",
        pdf.apply("Vyrocna sprava siete SMEK 2025"),
        null,
        admin,
        now.minus(Duration.ofDays(12)));

    em.flush();
    agreement.setLanguageGroup(agreement.getId());
    dohoda.setLanguageGroup(agreement.getId());
    // There were no libraries before, so every version is one of these.
    em.createQuery("select v.id from DocumentVersion v", Long.class)
        .getResultList()
        .forEach(id -> versionStored.fire(new VersionStored(id)));
  }

  private void tourismLibrary(
      WorkingGroup tourism, Account coordinator, Function<String, byte[]> pdf, Instant now) {
    Library group =
        library(
            new SpaceRef(SpaceType.WORKING_GROUP, tourism.getId()),
            "Turystyka transgraniczna – materiały grupy",
            "Prezentacje i notatki grupy roboczej.",
            Visibility.PRIVATE);
    Document trail =
        document(
            group,
            null,
            "Szlak karpacki – prezentacja dla grupy roboczej",
            DocumentType.PRESENTATION,
            Language.PL);
    version(
        trail,
        "szlak-karpacki.pdf",
        pdf.apply("Szlak karpacki - prezentacja"),
        null,
        coordinator,
        now.minus(Duration.ofDays(4)));
  }

  private Library library(SpaceRef space, String name, String description, Visibility visibility) {
    Library library = new Library(space, name, visibility);
    library.setDescription(description);
    em.persist(library);
    return library;
  }

  private Document document(
      Library library, Folder folder, String title, DocumentType type, Language language) {
    Document document = new Document(library, folder, title, type, language);
    em.persist(document);
    return document;
  }

  private void version(
      Document document,
      String fileName,
      byte[] content,
      String comment,
      Account author,
      Instant at) {
    StoredContent stored = storage.store(fileName, new ByteArrayInputStream(content)).content();
    document.addVersion(stored, comment, new Author(author.getId(), author.getDisplayName(), at));
  }

  private static Approver approver(Account account) {
    return new Approver(ApproverKind.ACCOUNT, account.getId(), account.getDisplayName());
  }

  private Account account(String login) {
    return em.createQuery("select a from Account a where a.login = :login", Account.class)
        .setParameter("login", login)
        .getSingleResult();
  }

  private SpaceRef organisation(String code) {
    long id =
        em.createQuery("select o from Organisation o where o.code = :code", Organisation.class)
            .setParameter("code", code)
            .getSingleResult()
            .getId();
    return new SpaceRef(SpaceType.ORGANISATION, id);
  }
}
