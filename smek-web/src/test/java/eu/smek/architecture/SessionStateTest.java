package eu.smek.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.model.DataModel;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every session- and view-scoped bean, filled with representative state, serialises, comes back,
 * and stays within a size budget: in a cluster WildFly replicates the whole HTTP session (the
 * default SESSION granularity) to its backup node at the end of every request that touched it, and
 * the view-scoped beans of up to {@value #VIEWS_PER_SESSION} views (web.xml's
 * numberOfViewsInSession) live in it. ArchitectureTest checks the declared types; this test
 * serialises real objects, so a non-serialisable value hidden behind an interface or a collection
 * is found too.
 *
 * <p>Representative state: every field a page sets (not the injected services, which Weld
 * serialises as small references), recursively to a depth of {@value #DEPTH} objects (an entity,
 * its organisation, that one's fields), collections with {@value #ROWS} elements (a page of a
 * table), strings of {@value #TEXT_LENGTH} characters with diacritics, binary data of {@value
 * #BINARY_BYTES} bytes (a coat of arms), and table models holding a page of rows.
 */
class SessionStateTest {

  /** Views a session keeps (com.sun.faces.numberOfViewsInSession in web.xml). */
  static final int VIEWS_PER_SESSION = 8;

  /**
   * A view-scoped bean may take 64 KiB: with {@value #VIEWS_PER_SESSION} views a session then keeps
   * at most 512 KiB of beans, which the backup node receives within milliseconds on a local network
   * and which 1 000 signed-in users keep in 0.5 GiB of heap at worst on each of a session's two
   * owners. (Measured with this state in November 2026: ViewDocument 41 KB, the others 1-24 KB.)
   */
  static final int VIEW_BUDGET_BYTES = 64 * 1024;

  /** The session-scoped beans are kept for the whole session, once: a few names only. */
  static final int SESSION_BUDGET_BYTES = 4 * 1024;

  private static final int DEPTH = 3;
  private static final int ROWS = 20;
  private static final int TEXT_LENGTH = 60;
  private static final int BINARY_BYTES = 32 * 1024;

  /** The objects rows share, per bean: one of each type. */
  private static final Map<Class<?>, Object> SHARED = new HashMap<>();

  static Stream<Class<?>> scopedBeans() {
    return new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("eu.smek")
            .stream()
            .filter(
                type ->
                    type.isAnnotatedWith(SessionScoped.class)
                        || type.isAnnotatedWith(ViewScoped.class)
                        || type.isAnnotatedWith("org.omnifaces.cdi.ViewScoped"))
            .map(JavaClass::reflect)
            .sorted((a, b) -> a.getName().compareTo(b.getName()))
            .map(type -> (Class<?>) type);
  }

  @Test
  void findsTheBeans() {
    // The scan itself works: the pages with view state and the signed-in user are found.
    assertThat(scopedBeans().map(Class::getSimpleName))
        .contains("CurrentUser", "ViewLibrary", "ViewDocument", "SearchDirectory", "EditPerson");
  }

  @ParameterizedTest
  @MethodSource("scopedBeans")
  void serialisesWithinItsBudget(Class<?> bean) throws Exception {
    SHARED.clear();
    Object filled = instantiate(bean);
    fillFields(filled, bean, 0);

    byte[] bytes = serialise(filled);
    Object back = deserialise(bytes);

    assertThat(back).isInstanceOf(bean);
    int budget =
        bean.isAnnotationPresent(SessionScoped.class) ? SESSION_BUDGET_BYTES : VIEW_BUDGET_BYTES;
    assertThat(bytes.length)
        .as("%s serialised with representative state, in bytes", bean.getSimpleName())
        .isLessThanOrEqualTo(budget);
  }

  private static byte[] serialise(Object object) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ObjectOutputStream stream = new ObjectOutputStream(out)) {
      stream.writeObject(object);
    }
    return out.toByteArray();
  }

  private static Object deserialise(byte[] bytes) throws IOException, ClassNotFoundException {
    try (ObjectInputStream stream = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return stream.readObject();
    }
  }

  // Filling: a value for a declared type, recursively.

  private static Object instantiate(Class<?> type) throws ReflectiveOperationException {
    Constructor<?> constructor = type.getDeclaredConstructor();
    constructor.setAccessible(true);
    return constructor.newInstance();
  }

  private static void fillFields(Object target, Class<?> type, int depth)
      throws ReflectiveOperationException {
    for (Class<?> c = type; c != null && c.getName().startsWith("eu.smek"); c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers)
            || Modifier.isTransient(modifiers)
            || field.isSynthetic()
            || field.isAnnotationPresent(Inject.class)) {
          continue;
        }
        field.setAccessible(true);
        Object value = valueFor(field.getType(), field.getGenericType(), target, depth);
        if (value != null) {
          field.set(target, value);
        }
      }
    }
  }

  private static Object valueFor(Class<?> type, Type generic, Object owner, int depth)
      throws ReflectiveOperationException {
    if (type == String.class) {
      return text();
    }
    if (type == long.class || type == Long.class) {
      return 4242L;
    }
    if (type == int.class || type == Integer.class) {
      return 42;
    }
    if (type == short.class || type == Short.class) {
      return (short) 4;
    }
    if (type == double.class || type == Double.class) {
      return 4.2;
    }
    if (type == boolean.class || type == Boolean.class) {
      return true;
    }
    if (type == byte[].class) {
      byte[] data = new byte[BINARY_BYTES];
      new java.util.Random(1).nextBytes(data);
      return data;
    }
    if (type == BigDecimal.class) {
      return new BigDecimal("1234.56");
    }
    if (type == UUID.class) {
      return UUID.nameUUIDFromBytes(new byte[] {1});
    }
    if (type == Instant.class) {
      return Instant.parse("2026-11-28T08:00:00Z");
    }
    if (type == LocalDate.class) {
      return LocalDate.of(2026, 11, 28);
    }
    if (type == LocalDateTime.class) {
      return LocalDateTime.of(2026, 11, 28, 8, 0);
    }
    if (type == LocalTime.class) {
      return LocalTime.of(8, 0);
    }
    if (type == OffsetDateTime.class) {
      return OffsetDateTime.parse("2026-11-28T09:00:00+01:00");
    }
    if (type == ZonedDateTime.class) {
      return ZonedDateTime.of(2026, 11, 28, 9, 0, 0, 0, ZoneId.of("Europe/Warsaw"));
    }
    if (type == ZoneId.class) {
      return ZoneId.of("Europe/Bratislava");
    }
    if (type.isEnum()) {
      return type.getEnumConstants()[type.getEnumConstants().length - 1];
    }
    if (depth >= DEPTH) {
      return null;
    }
    if (Collection.class.isAssignableFrom(type) && depth >= 2) {
      // The collections of entities in a page's rows are lazy and not loaded: left as they are.
      return null;
    }
    if (Collection.class.isAssignableFrom(type)) {
      Collection<Object> values =
          Set.class.isAssignableFrom(type) ? new LinkedHashSet<>() : new ArrayList<>();
      Class<?> element = typeArgument(generic, 0);
      for (int i = 0; element != null && i < ROWS; i++) {
        Object value = valueFor(element, null, owner, depth + 1);
        if (value != null) {
          values.add(value instanceof String s ? s + i : value);
        }
      }
      return values;
    }
    if (Map.class.isAssignableFrom(type)) {
      Map<Object, Object> values = new HashMap<>();
      Class<?> key = typeArgument(generic, 0);
      Class<?> value = typeArgument(generic, 1);
      if (key != null && value != null) {
        if (key.isEnum()) {
          for (Object constant : key.getEnumConstants()) {
            values.put(constant, valueFor(value, null, owner, depth + 1));
          }
        } else {
          values.put(
              valueFor(key, null, owner, depth + 1), valueFor(value, null, owner, depth + 1));
        }
      }
      return values;
    }
    if (type.isArray()) {
      Object array = Array.newInstance(type.getComponentType(), 3);
      for (int i = 0; i < 3; i++) {
        Array.set(array, i, valueFor(type.getComponentType(), null, owner, depth + 1));
      }
      return array;
    }
    if (DataModel.class.isAssignableFrom(type)) {
      return tableModel(type, generic, owner, depth);
    }
    if (type.isRecord()) {
      RecordComponent[] components = type.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      Object[] arguments = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        arguments[i] =
            valueFor(components[i].getType(), components[i].getGenericType(), owner, depth + 1);
        if (arguments[i] == null && types[i].isPrimitive()) {
          arguments[i] = types[i] == boolean.class ? false : 0;
        }
      }
      Constructor<?> constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      try {
        return constructor.newInstance(arguments);
      } catch (InvocationTargetException refused) {
        // The record checks its arguments (a date range the wrong way round): left empty.
        return null;
      }
    }
    if (type.getName().startsWith("eu.smek")
        && !type.isInterface()
        && !Modifier.isAbstract(type.getModifiers())) {
      if (depth >= 2 && SHARED.containsKey(type)) {
        // Rows refer to the same library, organisation or account, one object in the persistence
        // context and once in the serialised form.
        return SHARED.get(type);
      }
      try {
        Object value = instantiate(type);
        if (depth >= 2) {
          SHARED.put(type, value);
        }
        fillFields(value, type, depth + 1);
        return value;
      } catch (NoSuchMethodException noDefaultConstructor) {
        // A value object made by a factory: left empty, as a page that has not loaded it yet.
        return null;
      }
    }
    return null;
  }

  /**
   * A lazy table model is the bean's own inner class: made with the bean as its outer instance and
   * holding one page of rows, as after PrimeFaces has loaded it.
   */
  private static Object tableModel(Class<?> type, Type generic, Object owner, int depth)
      throws ReflectiveOperationException {
    for (Class<?> nested : owner.getClass().getDeclaredClasses()) {
      if (type.isAssignableFrom(nested) && !Modifier.isAbstract(nested.getModifiers())) {
        Constructor<?> constructor =
            Modifier.isStatic(nested.getModifiers())
                ? nested.getDeclaredConstructor()
                : nested.getDeclaredConstructor(owner.getClass());
        constructor.setAccessible(true);
        DataModel<?> model =
            (DataModel<?>)
                (Modifier.isStatic(nested.getModifiers())
                    ? constructor.newInstance()
                    : constructor.newInstance(owner));
        Class<?> row = typeArgument(generic, 0);
        if (row != null) {
          List<Object> page = new ArrayList<>();
          for (int i = 0; i < ROWS; i++) {
            page.add(valueFor(row, null, owner, depth + 1));
          }
          model.setWrappedData(page);
        }
        return model;
      }
    }
    throw new AssertionError(
        owner.getClass().getName() + " keeps a " + type.getName() + " that the test cannot make");
  }

  private static Class<?> typeArgument(Type generic, int index) {
    if (generic instanceof ParameterizedType parameterized
        && parameterized.getActualTypeArguments()[index] instanceof Class<?> argument) {
      return argument;
    }
    if (generic instanceof ParameterizedType parameterized
        && parameterized.getActualTypeArguments()[index] instanceof ParameterizedType nested) {
      return (Class<?>) nested.getRawType();
    }
    return null;
  }

  /** A name or a short description in Slovak, with the diacritics that cost two bytes each. */
  private static String text() {
    String sample = "Mesto Vranov nad Topľou, bunka spolupráce – Gmina Miejska Przemyśl ";
    return sample.repeat(2).substring(0, TEXT_LENGTH);
  }
}
