package eu.smek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.membership.Country;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import eu.smek.shared.Visibility;
import eu.smek.telesession.AgendaItem;
import eu.smek.telesession.AgendaItemDraft;
import eu.smek.telesession.Attendance;
import eu.smek.telesession.ChatMessage;
import eu.smek.telesession.Quorum;
import eu.smek.telesession.Telesession;
import eu.smek.telesession.TelesessionDraft;
import eu.smek.telesession.TelesessionService;
import eu.smek.telesession.TelesessionStatus;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The signaling of a telesession's room over its WebSocket, as browsers use it: the lobby and the
 * chair letting people in, signals relayed between two participants, chat kept with the record, the
 * agenda item shown, a roll-call vote announced to all, raise hand, mute and removal with the
 * attendance that follows; and what the endpoint refuses while it keeps serving the others: an
 * uninvited user, a foreign Origin, no session, a guest acting before being let in, malformed,
 * oversized and hostile messages, a message flood, and a second connection of one user.
 */
@ExtendWith(ArquillianExtension.class)
class RoomSignalingIT extends InContainerTest {

  @EJB(lookup = "java:global/smek/smek-ejb/TelesessionService")
  private TelesessionService telesessions;

  private AccountPrincipal chair;
  private AccountPrincipal secretary;
  private AccountPrincipal guest;
  private AccountPrincipal outsider;
  private Telesession session;
  private AgendaItem item;

  @BeforeEach
  void anOpenSession() throws Exception {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    long town = data.memberTown("Miasto Jasło " + unique, Country.PL);
    long otherTown = data.memberTown("Mesto Humenné " + unique, Country.SK);
    long thirdTown = data.memberTown("Mesto Snina " + unique, Country.SK);
    chair = data.account(Role.TOWN_COORDINATOR, data.code(town));
    secretary = data.account(Role.CLERK, data.code(town));
    guest = data.account(Role.TOWN_COORDINATOR, data.code(otherTown));
    outsider = data.account(Role.TOWN_COORDINATOR, data.code(thirdTown));
    Telesession planned =
        TestSubjects.as(
            chair,
            () ->
                telesessions.create(
                    new TelesessionDraft(
                        "Rada " + unique,
                        null,
                        LocalDateTime.of(2027, 5, 4, 10, 0),
                        LocalDateTime.of(2027, 5, 4, 12, 0),
                        "Europe/Warsaw",
                        Visibility.NETWORK,
                        chair.accountId(),
                        secretary.accountId(),
                        new Quorum(0, 1, false),
                        Set.of(otherTown),
                        Set.of())));
    item =
        TestSubjects.as(
            chair,
            () ->
                telesessions.addAgendaItem(
                    planned.getId(), new AgendaItemDraft("Rozpočet", "Ján", 20)));
    session =
        TestSubjects.as(
            chair,
            () ->
                telesessions.transition(
                    planned.getId(), planned.getVersion(), TelesessionStatus.OPEN));
  }

  @Test
  void theChairLetsAGuestInAndTheRoomWorksForBoth() throws Exception {
    try (RoomClient chairs = RoomClient.connect(signIn(chair), session.getId());
        RoomClient guests = RoomClient.connect(signIn(guest), session.getId())) {
      JsonObject welcome = chairs.next("welcome");
      assertEquals(
          chair.accountId(), welcome.getJsonObject("you").getJsonNumber("account").longValue());
      assertEquals(chair.accountId(), welcome.getJsonNumber("chair").longValue());
      assertEquals("mesh", welcome.getString("mode"));
      assertEquals("Rozpočet", welcome.getJsonArray("agenda").getJsonObject(0).getString("title"));

      // The guest waits in the lobby; the chair sees them there and lets them in.
      guests.next("lobby");
      JsonObject waiting = chairs.next("waiting");
      assertEquals(guest.accountId(), account(waiting.getJsonObject("peer")));
      assertFalse(waiting.getJsonObject("peer").getBoolean("admitted"));
      assertFalse(present(guest), "nobody in the lobby is present yet");
      chairs.send(message("admit").add("account", guest.accountId()).build());
      JsonObject guestWelcome = guests.next("welcome");
      assertEquals(
          List.of(chair.accountId()),
          guestWelcome.getJsonArray("peers").stream()
              .map(peer -> account(peer.asJsonObject()))
              .toList());
      assertEquals(guest.accountId(), account(chairs.next("joined").getJsonObject("peer")));
      assertTrue(present(guest), "let in, the guest's attendance starts");

      // Signals go from one participant to the other, as they are.
      JsonObject offer =
          Json.createObjectBuilder()
              .add("description", Json.createObjectBuilder().add("type", "offer").add("sdp", "v=0"))
              .build();
      guests.send(message("signal").add("to", chair.accountId()).add("data", offer).build());
      JsonObject signal = chairs.next("signal");
      assertEquals(guest.accountId(), signal.getJsonNumber("from").longValue());
      assertEquals(offer, signal.getJsonObject("data"));

      // Chat reaches everyone and is kept with the record, hostile text as plain text.
      String hostile = "<img src=x onerror=alert(1)> ' OR 1=1 -- ../../etc/passwd";
      guests.send(message("chat").add("text", hostile).build());
      assertEquals(hostile, chairs.next("chat").getJsonObject("message").getString("text"));
      assertEquals(hostile, guests.next("chat").getJsonObject("message").getString("text"));
      assertEquals(
          List.of(hostile),
          TestSubjects.as(chair, () -> telesessions.chat(session.getId())).stream()
              .map(ChatMessage::getText)
              .toList());

      // The agenda item shown, a raised hand, a roll-call vote announced to all.
      chairs.send(message("item").add("item", item.getId()).build());
      assertEquals("Rozpočet", guests.next("item").getJsonObject("item").getString("title"));
      guests.send(message("hand").add("up", true).build());
      assertTrue(chairs.next("updated").getJsonObject("peer").getBoolean("hand"));
      chairs.send(
          message("motion")
              .add("item", item.getId())
              .add("text", "Schvaľuje sa rozpočet")
              .add("kind", "ROLL_CALL")
              .build());
      long motion = guests.next("motion").getJsonObject("motion").getJsonNumber("id").longValue();
      assertEquals(0, chairs.next("motion").getJsonObject("motion").getInt("ballots"));
      guests.send(message("vote").add("motion", motion).add("choice", "YES").build());
      assertEquals(1, chairs.next("motion").getJsonObject("motion").getInt("yes"));
      chairs.send(message("close").add("motion", motion).build());
      JsonObject result = guests.next("result").getJsonObject("motion");
      assertTrue(result.getBoolean("adopted"), result.toString());
      assertTrue(result.getString("resolution").matches("\\d+/\\d{4}"), result.toString());

      // Muted by the chair; then removed: the connection ends, and so does the stay.
      chairs.send(message("mute").add("account", guest.accountId()).build());
      guests.next("mute");
      chairs.send(message("remove").add("account", guest.accountId()).build());
      guests.next("removed");
      assertEquals(1000, guests.closeCode());
      assertEquals(guest.accountId(), chairs.next("left").getJsonNumber("account").longValue());
      assertFalse(present(guest));
      assertTrue(stays(guest).get(0).isRemoved());

      // Back again, the removed guest waits in the lobby.
      try (RoomClient again = RoomClient.connect(signIn(guest), session.getId())) {
        again.next("lobby");
      }
    }
  }

  @Test
  void refusedConnectionsLeaveTheRoomServingOthers() throws Exception {
    try (RoomClient chairs = RoomClient.connect(signIn(chair), session.getId())) {
      chairs.next("welcome");

      // An uninvited user of another town, who sees the network's session: told why, then closed.
      RoomClient uninvited = RoomClient.connect(signIn(outsider), session.getId());
      assertEquals("telesession.notInvited", uninvited.next("error").getString("key"));
      assertEquals(1008, uninvited.closeCode());

      // Another site's page using a signed-in user's session: closed before anything is said.
      RoomClient foreign =
          RoomClient.connect(signIn(guest), session.getId(), "https://evil.example");
      assertEquals(1008, foreign.closeCode());
      assertTrue(foreign.received().isEmpty(), foreign.received().toString());
      RoomClient noOrigin = RoomClient.connect(signIn(guest), session.getId(), null);
      assertEquals(1008, noOrigin.closeCode());

      // No session at all: the handshake itself is refused (sent to the sign-in page).
      ExecutionException unauthenticated =
          assertThrows(
              ExecutionException.class, () -> RoomClient.connect(Http.local(), session.getId()));
      assertTrue(
          unauthenticated.getCause() instanceof java.net.http.WebSocketHandshakeException,
          unauthenticated.toString());

      // A guest in the lobby may not act yet.
      RoomClient waiting = RoomClient.connect(signIn(guest), session.getId());
      waiting.next("lobby");
      waiting.send(message("chat").add("text", "Dobrý deň").build());
      assertEquals("telesession.room.notPresent", waiting.next("error").getString("key"));
      waiting.close();

      // Malformed, unknown and invalid messages get translated errors; the connection goes on.
      chairs.send("{not json");
      JsonObject malformed = chairs.next("error");
      assertEquals("telesession.room.malformed", malformed.getString("key"));
      assertTrue(
          malformed.getString("message").startsWith("Sala nie zrozumiała"), malformed.toString());
      chairs.send(message("signal").add("to", "everyone").build());
      assertEquals("telesession.room.malformed", chairs.next("error").getString("key"));
      chairs.send(message("launch").build());
      assertEquals("telesession.room.malformed", chairs.next("error").getString("key"));
      chairs.send(message("chat").add("text", "x".repeat(1001)).build());
      assertEquals("telesession.room.invalid", chairs.next("error").getString("key"));
      chairs.send(message("chat").add("text", "bell \u0007").build());
      assertEquals("telesession.room.invalid", chairs.next("error").getString("key"));
      chairs.send(message("chat").add("text", "   ").build());
      assertEquals("telesession.participant.invalid", chairs.next("error").getString("key"));
      chairs.send(message("chat").add("text", "Ďalej").build());
      assertEquals("Ďalej", chairs.next("chat").getJsonObject("message").getString("text"));
      assertTrue(chairs.isOpen());

      // Someone not the chair may not run the room.
      try (RoomClient secretarys = RoomClient.connect(signIn(secretary), session.getId())) {
        secretarys.next("welcome");
        secretarys.send(message("mute").add("account", chair.accountId()).build());
        assertEquals("error.accessDenied", secretarys.next("error").getString("key"));
        secretarys.send(message("item").add("item", item.getId()).build());
        assertEquals("error.accessDenied", secretarys.next("error").getString("key"));

        // A message over 64 KiB closes the sender's connection (1009), not the others'.
        RoomClient big = RoomClient.connect(signIn(guest), session.getId());
        big.next("lobby");
        big.send(message("chat").add("text", "x".repeat(70_000)).build());
        assertEquals(1009, big.closeCode());

        // A flood closes the flooding connection; the room goes on for the others.
        for (int i = 0; i < 500 && secretarys.isOpen(); i++) {
          secretarys.offer(message("hand").add("up", i % 2 == 0).build().toString());
        }
        assertEquals(1008, secretarys.closeCode());
        chairs.send(message("chat").add("text", "Pokračujeme").build());
        assertEquals("Pokračujeme", chairs.next("chat").getJsonObject("message").getString("text"));
      }
    }
  }

  @Test
  void twoUsersConnectingAtOnceAreEachThemselvesAndASecondWindowReplacesTheFirst()
      throws Exception {
    Http chairHttp = signIn(chair);
    Http secretaryHttp = signIn(secretary);
    CompletableFuture<RoomClient> first = CompletableFuture.supplyAsync(() -> connect(chairHttp));
    CompletableFuture<RoomClient> second =
        CompletableFuture.supplyAsync(() -> connect(secretaryHttp));
    try (RoomClient chairs = first.get();
        RoomClient secretarys = second.get()) {
      assertEquals(chair.accountId(), account(chairs.next("welcome").getJsonObject("you")));
      assertEquals(secretary.accountId(), account(secretarys.next("welcome").getJsonObject("you")));

      try (RoomClient again = RoomClient.connect(chairHttp, session.getId())) {
        again.next("welcome");
        chairs.next("replaced");
        assertEquals(1000, chairs.closeCode());
        // The chair's stay goes on in the new window: still present, once.
        assertEquals(1, stays(chair).stream().filter(Attendance::isPresent).count());
      }
    }
  }

  @Test
  void closingTheSessionEndsTheRoomForEveryoneAndEveryStay() throws Exception {
    try (RoomClient chairs = RoomClient.connect(signIn(chair), session.getId());
        RoomClient waiting = RoomClient.connect(signIn(guest), session.getId())) {
      chairs.next("welcome");
      waiting.next("lobby");
      long version =
          data.query(
                  "select t.version from Telesession t where t.id = ?1",
                  Long.class,
                  session.getId())
              .get(0);
      assertEquals(
          200,
          new Api(Http.local())
              .send(
                  chair,
                  "POST",
                  "/api/v1/telesessions/" + session.getId() + "/status",
                  Json.createObjectBuilder().add("version", version).add("status", "CLOSED"))
              .statusCode());
      chairs.next("ended");
      waiting.next("ended");
      assertEquals(1000, chairs.closeCode());
      assertEquals(1000, waiting.closeCode());
      assertFalse(present(chair));

      // A closed session's room lets nobody in.
      RoomClient late = RoomClient.connect(signIn(chair), session.getId());
      assertEquals("telesession.notOpen", late.next("error").getString("key"));
      assertEquals(1008, late.closeCode());
    }
  }

  private RoomClient connect(Http signedIn) {
    try {
      return RoomClient.connect(signedIn, session.getId());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Http signIn(AccountPrincipal who) throws Exception {
    Http http = Http.local();
    assertEquals(302, http.signIn(who.login(), TestData.PASSWORD).statusCode());
    return http;
  }

  private static jakarta.json.JsonObjectBuilder message(String type) {
    return Json.createObjectBuilder().add("type", type);
  }

  private static long account(JsonObject peer) {
    return peer.getJsonNumber("account").longValue();
  }

  private List<Attendance> stays(AccountPrincipal who) {
    return data.query(
        "select a from Attendance a where a.telesessionId = ?1 and a.accountId = ?2"
            + " order by a.joinedAt desc",
        Attendance.class,
        session.getId(),
        who.accountId());
  }

  private boolean present(AccountPrincipal who) {
    return stays(who).stream().anyMatch(Attendance::isPresent);
  }
}
