package eu.smek.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ViewLibraryTest {

  @Test
  void anUploadIsTitledAfterItsFileNameWithoutTheExtension() {
    assertThat(ViewLibrary.titleOf("Umowa partnerska 2026.pdf")).isEqualTo("Umowa partnerska 2026");
    assertThat(ViewLibrary.titleOf("zápisnica.v2.docx")).isEqualTo("zápisnica.v2");
    assertThat(ViewLibrary.titleOf("README")).isEqualTo("README");
    assertThat(ViewLibrary.titleOf(".profile")).isEqualTo(".profile");
    assertThat(ViewLibrary.titleOf("x".repeat(400) + ".pdf")).hasSize(Document.TITLE_LENGTH);
  }
}
