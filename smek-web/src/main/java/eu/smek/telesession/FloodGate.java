package eu.smek.telesession;

/**
 * A token bucket per room connection: a steady rate of messages with room for bursts (a browser
 * sends a dozen ICE candidates at once when a call starts). A client that keeps sending faster is
 * cut off, so one flooding client cannot starve the others of the node's threads.
 */
final class FloodGate {

  private final double perSecond;
  private final double burst;
  private double tokens;
  private long last;

  FloodGate(double perSecond, double burst, long nowNanos) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.tokens = burst;
    this.last = nowNanos;
  }

  /** Whether one more message may pass at this time. */
  synchronized boolean admit(long nowNanos) {
    tokens = Math.min(burst, tokens + (nowNanos - last) / 1e9 * perSecond);
    last = nowNanos;
    if (tokens < 1) {
      return false;
    }
    tokens--;
    return true;
  }
}
