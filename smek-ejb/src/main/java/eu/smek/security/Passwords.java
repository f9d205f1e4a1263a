package eu.smek.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import org.apache.shiro.authc.credential.DefaultPasswordService;
import org.apache.shiro.authc.credential.PasswordService;

/**
 * Hashes and verifies passwords with Shiro's {@link DefaultPasswordService}: Argon2id with Shiro's
 * defaults (t=1, m=64 MiB, p=4), which meet OWASP ASVS 5.0. Each hash takes 64 MiB of heap and a
 * core (Bouncy Castle computes the lanes one after another), so only {@link #concurrentHashes} run
 * at once per node; further sign-ins and API calls with a password wait their turn.
 */
@ApplicationScoped
public class Passwords {

  private static final long HASH_MEMORY = 64L * 1024 * 1024;

  /** Longer than any valid password; see {@link #matches}. */
  static final int LONGEST_CHECKED = 4 * PasswordPolicy.MAXIMUM_LENGTH;

  private final PasswordService service = new DefaultPasswordService();
  private final Semaphore hashing =
      new Semaphore(
          concurrentHashes(
              Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory()),
          true);

  /**
   * How many hashes may run at once: one a core, at most an eighth of the heap, from one to four.
   * Four at once on a 1 GiB heap already in use ran out of memory (BookingWebIT, four clients
   * calling the API with a password at once), and more than a core each only makes each slower.
   */
  static int concurrentHashes(int cores, long maxHeap) {
    long byMemory = maxHeap / 8 / HASH_MEMORY;
    return (int) Math.max(1, Math.min(4, Math.min(cores, byMemory)));
  }

  /**
   * A hash of a random password nobody knows. Unknown users are checked against it, so that an
   * unknown login name takes as long to refuse as a wrong password.
   */
  private String decoy;

  @PostConstruct
  void createDecoy() {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    decoy = service.encryptPassword(Base64.getEncoder().encodeToString(random));
  }

  public String hash(String password) {
    hashing.acquireUninterruptibly();
    try {
      return service.encryptPassword(password);
    } finally {
      hashing.release();
    }
  }

  /**
   * Whether the password matches the stored hash; a missing hash never matches, slowly. Only the
   * first {@value #LONGEST_CHECKED} characters are hashed: no valid password is that long (see
   * {@link PasswordPolicy}), and hashing megabytes posted by an attacker would cost the server.
   */
  public boolean matches(String password, String storedHash) {
    String submitted = password == null ? "" : password;
    if (submitted.length() > LONGEST_CHECKED) {
      submitted = submitted.substring(0, LONGEST_CHECKED);
    }
    hashing.acquireUninterruptibly();
    try {
      boolean match = service.passwordsMatch(submitted, storedHash == null ? decoy : storedHash);
      return match && storedHash != null;
    } finally {
      hashing.release();
    }
  }
}
