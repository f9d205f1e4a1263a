package eu.smek.telesession;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FloodGateTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void aBurstPassesThenTheSteadyRateOnly() {
    FloodGate gate = new FloodGate(30, 60, 0);
    int passed = 0;
    for (int i = 0; i < 100; i++) {
      if (gate.admit(0)) {
        passed++;
      }
    }
    assertEquals(60, passed, "the burst, at one instant");
    assertFalse(gate.admit(SECOND / 100), "a third of a token later");
    assertTrue(gate.admit(SECOND / 25), "more than one token later");
    assertFalse(gate.admit(SECOND / 25), "that token is spent");
  }

  @Test
  void quietTimeRefillsOnlyUpToTheBurst() {
    FloodGate gate = new FloodGate(30, 60, 0);
    for (int i = 0; i < 60; i++) {
      assertTrue(gate.admit(0));
    }
    long later = 3600 * SECOND;
    int passed = 0;
    while (gate.admit(later)) {
      passed++;
    }
    assertEquals(60, passed);
  }

  @Test
  void aSteadyClientWithinTheRateIsNeverCutOff() {
    FloodGate gate = new FloodGate(30, 60, 0);
    for (int i = 1; i <= 10_000; i++) {
      assertTrue(gate.admit(i * SECOND / 25), "message " + i);
    }
  }
}
