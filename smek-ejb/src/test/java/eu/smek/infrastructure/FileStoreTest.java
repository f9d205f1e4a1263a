package eu.smek.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** How uploaded images are decoded and shrunk before they are kept. */
class FileStoreTest {

  private static byte[] png(int width, int height) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
    return out.toByteArray();
  }

  @Test
  void aPictureWiderThanAllowedIsRefusedBeforeItIsDecoded() throws IOException {
    byte[] wide = png(FileStore.MAXIMUM_IMAGE_SIDE + 1, 1);
    assertThat(wide.length).isLessThan(2000);
    assertThatThrownBy(() -> FileStore.decode(wide))
        .isInstanceOfSatisfying(
            FileRejectedException.class,
            e -> assertThat(e.getMessageKey()).isEqualTo("file.tooManyPixels"));
  }

  @Test
  void bytesThatAreNoImageAreUnreadable() {
    byte[] garbage = "GIF89a this is not really a picture".getBytes();
    assertThatThrownBy(() -> FileStore.decode(garbage))
        .isInstanceOfSatisfying(
            FileRejectedException.class,
            e -> assertThat(e.getMessageKey()).isEqualTo("file.unreadableImage"));
  }

  @Test
  void aLargePictureShrinksKeepingItsProportions() throws IOException {
    BufferedImage shrunk = FileStore.shrink(FileStore.decode(png(600, 300)), 256);
    assertThat(shrunk.getWidth()).isEqualTo(256);
    assertThat(shrunk.getHeight()).isEqualTo(128);
  }

  @Test
  void aSmallPictureKeepsItsSize() throws IOException {
    BufferedImage kept = FileStore.shrink(FileStore.decode(png(40, 20)), 256);
    assertThat(kept.getWidth()).isEqualTo(40);
    assertThat(kept.getHeight()).isEqualTo(20);
  }
}
