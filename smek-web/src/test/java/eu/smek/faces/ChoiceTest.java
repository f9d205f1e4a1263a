package eu.smek.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ChoiceTest {

  @Test
  void theChosenValueIsSelectedWhateverItsType() {
    assertEquals("selected", new Choice(1171L, "Mesto Bardejov", "sk", 1171L).getSelected());
    assertEquals("selected", new Choice("ro", "rumuński", null, "ro").getSelected());
    assertNull(new Choice(1171L, "Mesto Bardejov", "sk", 1172L).getSelected());
    assertNull(new Choice("ro", "rumuński", null, null).getSelected());
  }

  @Test
  void theOptionKeepsItsValueLabelAndLanguage() {
    Choice town = new Choice(7L, "Місто Ужгород", "uk", null);
    assertEquals("7", town.getValue());
    assertEquals("Місто Ужгород", town.getLabel());
    assertEquals("uk", town.getLanguage());
  }
}
