package eu.smek.documents;

import eu.smek.shared.Messages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;
import java.util.List;
import org.primefaces.model.file.UploadedFile;
import org.primefaces.model.file.UploadedFiles;

/**
 * Refuses an upload whose name contains a folder path ("../../etc/x.pdf"), which browsers never
 * send, in the user's language. PrimeFaces refuses such names too, but only with an untranslated
 * "File Error"; this validator runs before its check. (Backslashes are left alone: old Windows
 * browsers sent whole paths, and the store keeps only the last part of a name anyway.)
 */
@FacesValidator("documents.fileName")
public class FileNameValidator implements Validator<Object> {

  @Override
  public void validate(FacesContext context, UIComponent component, Object value) {
    List<UploadedFile> files =
        value instanceof UploadedFiles several
            ? several.getFiles()
            : value instanceof UploadedFile one ? List.of(one) : List.of();
    for (UploadedFile file : files) {
      if (file.getFileName() != null && file.getFileName().contains("/")) {
        String text =
            Messages.format(
                context.getViewRoot().getLocale(),
                "documents.upload.pathInName",
                file.getFileName());
        throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
      }
    }
  }
}
