package eu.smek.documents;

import eu.smek.faces.ActiveLocale;
import eu.smek.shared.Messages;
import eu.smek.shared.SpaceRef;
import eu.smek.shared.SpaceType;
import eu.smek.shared.Visibility;
import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.omnifaces.util.Faces;

/**
 * The libraries the user may read, under the space each belongs to, with what the user may do in
 * it; and for coordinators and the association's administrators a form to set up a library in one
 * of their spaces.
 */
@Named
@ViewScoped
public class ListLibraries implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  @Inject private DocumentService documents;
  @Inject private ActiveLocale activeLocale;

  private List<SpaceLibraries> spaces = List.of();
  private List<SpaceChoice> spaceChoices = List.of();
  private List<SelectItem> spaceOptions = List.of();
  private String space;
  private String name;
  private String description;
  private Visibility visibility = Visibility.PRIVATE;

  public void load() {
    Map<SpaceRef, SpaceLibraries> bySpace = new LinkedHashMap<>();
    for (LibrarySummary summary : documents.listLibraries()) {
      bySpace
          .computeIfAbsent(
              summary.library().getSpace(),
              ref -> new SpaceLibraries(ref, summary.spaceName(), new ArrayList<>()))
          .libraries()
          .add(summary);
    }
    spaces = List.copyOf(bySpace.values());
    spaceChoices = documents.spacesForNewLibraries();
    spaceOptions = options(spaceChoices, activeLocale.getLocale());
  }

  /** The choices by kind of space, each kind an option group. */
  private static List<SelectItem> options(List<SpaceChoice> choices, Locale locale) {
    List<SelectItem> groups = new ArrayList<>();
    for (SpaceType type : SpaceType.values()) {
      SelectItem[] items =
          choices.stream()
              .filter(choice -> choice.space().getType() == type)
              .map(choice -> new SelectItem(choice.space().toString(), choice.name()))
              .toArray(SelectItem[]::new);
      if (items.length > 0) {
        groups.add(
            new SelectItemGroup(
                Messages.format(locale, "documents.space." + type.name()), null, false, items));
      }
    }
    return groups;
  }

  /** Sets the library up and opens it. */
  public void create() throws IOException {
    SpaceRef chosen =
        spaceChoices.stream()
            .map(SpaceChoice::space)
            .filter(ref -> ref.toString().equals(space))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("not offered: " + space));
    Library library = documents.createLibrary(chosen, name, description, visibility);
    org.omnifaces.util.Messages.addFlashGlobalInfo(
        Messages.format(activeLocale.getLocale(), "documents.library.created", library.getName()));
    Faces.redirect(Faces.getRequestContextPath() + "/documents/view-library?id=" + library.getId());
  }

  /** The libraries of one space, in the order the service gives them (by name). */
  public record SpaceLibraries(SpaceRef space, String name, List<LibrarySummary> libraries)
      implements Serializable {
    @Serial private static final long serialVersionUID = 1L;
  }

  public List<SpaceLibraries> getSpaces() {
    return spaces;
  }

  /** Whether the user coordinates a space (or manages all) and so may set up libraries. */
  public boolean isMayCreate() {
    return !spaceChoices.isEmpty();
  }

  public List<SelectItem> getSpaceOptions() {
    return spaceOptions;
  }

  public List<Visibility> getVisibilities() {
    return Arrays.asList(Visibility.values());
  }

  public String getSpace() {
    return space;
  }

  public void setSpace(String space) {
    this.space = space;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public Visibility getVisibility() {
    return visibility;
  }

  public void setVisibility(Visibility visibility) {
    this.visibility = visibility;
  }
}
