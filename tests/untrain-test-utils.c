/* untrain-test-utils.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-test-utils"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "untrain-test-utils.h"

/* What the UI tests share: setting up GTK and the folders a test runs in,
 * waiting on the main loop, and finding widgets the way a person finds
 * them, by what they show or do.
 */

/**
 * untrain_test_init_widgets:
 *
 * Sets up a test program that builds windows itself: GTK and libadwaita,
 * and folders of its own for each test.
 */
void
untrain_test_init_widgets (int    *argc,
                           char ***argv)
{
  g_autofree char *content_type = NULL;

  /* GTK draws with the system's icons and needs its MIME database to load
   * them: find both before the tests get folders of their own.
   */
  gtk_init ();
  gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gdk_display_get_default ()), "object-select-symbolic");
  content_type = g_content_type_guess ("icon.svg", NULL, 0, NULL);

  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();
}

/* A home of its own for this program, with the system's MIME database and
 * icons (GTK needs them to draw) but no applications: no web browser opens
 * while the tests run, whatever the machine has installed.
 */
static void
make_home (const char *program)
{
  static const char * const dirs[][2] = {
    { "XDG_CONFIG_HOME", "config" },
    { "XDG_DATA_HOME", "data" },
    { "XDG_STATE_HOME", "state" },
    { "XDG_CACHE_HOME", "cache" },
  };
  static const char * const shared[] = { "mime", "icons" };
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_path_get_basename (program);
  g_autofree char *tmpl = g_strdup_printf ("untrain-%s-XXXXXX", basename);
  g_autofree char *home = g_dir_make_tmp (tmpl, &error);
  g_autofree char *system = g_build_filename (home, "system", NULL);

  g_assert_no_error (error);
  g_setenv ("HOME", home, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (home, dirs[i][1], NULL);

      g_assert_no_errno (g_mkdir (path, 0700));
      g_setenv (dirs[i][0], path, TRUE);
    }

  g_assert_no_errno (g_mkdir (system, 0700));
  for (guint i = 0; i < G_N_ELEMENTS (shared); i++)
    {
      g_autofree char *target = g_build_filename ("/usr/share", shared[i], NULL);
      g_autofree char *link = g_build_filename (system, shared[i], NULL);

      g_assert_no_errno (symlink (target, link));
    }
  g_setenv ("XDG_DATA_DIRS", system, TRUE);
}

/**
 * untrain_test_init_application:
 *
 * Sets up a test program that runs the whole application, which sets up
 * GTK itself: one home for the whole program, see make_home().
 */
void
untrain_test_init_application (int    *argc,
                               char ***argv)
{
  make_home ((*argv)[0]);
  g_test_init (argc, argv, NULL);
}

/**
 * untrain_test_new_settings:
 *
 * Returns: (transfer full): Untrain's settings, every key at its default
 */
GSettings *
untrain_test_new_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  /* The memory backend lives as long as the process: start afresh. */
  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);

  return g_steal_pointer (&settings);
}

/**
 * untrain_test_set_locale_country:
 * @lang: a locale, as `LANG` holds it: "de_DE.UTF-8"
 *
 * Has the locale say, through `LANG` alone, where the person lives: no
 * other locale variable of the machine the tests run on takes part in
 * Untrain's guess of the country.
 */
void
untrain_test_set_locale_country (const char *lang)
{
  static const char * const others[] = {
    "LC_ALL", "LC_MESSAGES",
    "LC_ADDRESS", "LC_TELEPHONE", "LC_MONETARY", "LC_PAPER", "LC_MEASUREMENT", "LC_TIME", "LC_NUMERIC",
  };

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_unsetenv (others[i]);

  g_setenv ("LANG", lang, TRUE);
}

/**
 * untrain_test_load_catalog:
 *
 * Returns: (transfer full): the catalog Untrain comes with
 */
UntrainCatalog *
untrain_test_load_catalog (void)
{
  g_autoptr(UntrainCatalog) catalog = untrain_catalog_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (untrain_catalog_load_builtin (catalog, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&catalog);
}

/**
 * untrain_test_get_state_file:
 *
 * Returns: (transfer full): where Untrain keeps what the person did, in
 *   this test's folders
 */
GFile *
untrain_test_get_state_file (void)
{
  return g_file_new_build_filename (g_get_user_state_dir (), "untrain", "state.ini", NULL);
}

/**
 * untrain_test_drain:
 *
 * Runs what the main loop has ready, without waiting.
 */
void
untrain_test_drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
wake_up_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/**
 * untrain_test_wait_until:
 *
 * Runs the main loop until @done says so, for at most ten seconds.
 */
void
untrain_test_wait_until (gboolean (*done) (gpointer user_data),
                         gpointer   user_data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint wake_up = g_timeout_add (10, wake_up_cb, NULL);

  while (!done (user_data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake_up);
}

/**
 * untrain_test_resize_window:
 *
 * Asks @window, on screen, for a default size of @width by @height, and
 * waits until its surface has that size and is drawn so: the X server
 * answers a resize in its own time, which under load is more than a
 * frame, and a configure event from before may come in between. (The
 * window's widget is that less the few pixels GTK keeps around it.) After
 * ten seconds it stops waiting, for a window that cannot be that size:
 * the caller's checks say so.
 */
void
untrain_test_resize_window (GtkWidget *window,
                            int        width,
                            int        height)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint wake_up = g_timeout_add (10, wake_up_cb, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  while ((gdk_surface_get_width (surface) != width || gdk_surface_get_height (surface) != height) &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake_up);
  gtk_test_widget_wait_for_draw (window);
  untrain_test_drain ();
}

/**
 * untrain_test_show_window:
 *
 * Presents @window and waits until it is drawn and has settled.
 */
void
untrain_test_show_window (GtkWidget *window)
{
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  untrain_test_drain ();
}

/**
 * untrain_test_destroy_window:
 *
 * Destroys @window and asserts that it let go of everything it showed.
 */
void
untrain_test_destroy_window (GtkWidget *window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  untrain_test_drain ();
  g_assert_finalize_object (window);
}

static void
read_text_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_assert_no_error (error);
}

static gboolean
is_set (gpointer user_data)
{
  return *(char **)user_data != NULL;
}

/**
 * untrain_test_read_clipboard:
 *
 * Returns: (transfer full): the text on @widget's clipboard
 */
char *
untrain_test_read_clipboard (GtkWidget *widget)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, read_text_cb, &text);
  untrain_test_wait_until (is_set, &text);

  return text;
}

/* Looking through a window */

typedef gboolean (*WidgetMatchFunc) (GtkWidget     *widget,
                                     gconstpointer  user_data);

/* The first of @widget and its descendants that @match accepts, parents
 * before their children.
 */
static GtkWidget *
find_first (GtkWidget       *widget,
            WidgetMatchFunc  match,
            gconstpointer    user_data)
{
  if (match (widget, user_data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_first (child, match, user_data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GType       type;
  const char *name;
} TypeAndName;

static gboolean
has_type_and_name (GtkWidget     *widget,
                   gconstpointer  user_data)
{
  const TypeAndName *wanted = user_data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, wanted->type) &&
         (wanted->name == NULL || g_strcmp0 (gtk_widget_get_name (widget), wanted->name) == 0);
}

/**
 * untrain_test_find_widget:
 * @type: the type to find, or a parent type of it
 * @name: (nullable): the widget's name, or %NULL for any
 *
 * Returns: (transfer none) (nullable): the first of @widget and its
 *   descendants with that type and name
 */
GtkWidget *
untrain_test_find_widget (GtkWidget  *widget,
                          GType       type,
                          const char *name)
{
  TypeAndName wanted = { type, name };

  return find_first (widget, has_type_and_name, &wanted);
}

static gboolean
has_buildable_id (GtkWidget     *widget,
                  gconstpointer  user_data)
{
  return g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), user_data) == 0;
}

/**
 * untrain_test_find_buildable:
 * @buildable_id: the id the widget has in its template
 *
 * Returns: (transfer none) (nullable): the first of @widget and its
 *   descendants with that id
 */
GtkWidget *
untrain_test_find_buildable (GtkWidget  *widget,
                             const char *buildable_id)
{
  return find_first (widget, has_buildable_id, buildable_id);
}

static gboolean
shows_text (GtkWidget     *widget,
            gconstpointer  user_data)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), user_data) != NULL;
}

/**
 * untrain_test_find_label:
 * @text: some of the label's text
 *
 * Returns: (transfer none) (nullable): the first label among @widget and
 *   its descendants whose text contains @text
 */
GtkWidget *
untrain_test_find_label (GtkWidget  *widget,
                         const char *text)
{
  return find_first (widget, shows_text, text);
}

static gboolean
activates_action (GtkWidget     *widget,
                  gconstpointer  user_data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), user_data) == 0;
}

/**
 * untrain_test_find_action_button:
 *
 * Returns: (transfer none) (nullable): the first button among @widget and
 *   its descendants that activates @action_name
 */
GtkWidget *
untrain_test_find_action_button (GtkWidget  *widget,
                                 const char *action_name)
{
  return find_first (widget, activates_action, action_name);
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

/**
 * untrain_test_collect:
 *
 * Returns: (transfer container) (element-type GtkWidget): @widget and its
 *   descendants of @type, parents before their children
 */
GPtrArray *
untrain_test_collect (GtkWidget *widget,
                      GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (widget, type, found);

  return found;
}

/**
 * untrain_test_has_shortcut:
 * @trigger: the keys, as gtk_shortcut_trigger_to_string() writes them,
 *   such as "<Alt>Left"
 *
 * Returns: whether @trigger activates @action_name on @widget
 */
gboolean
untrain_test_has_shortcut (GtkWidget  *widget,
                           const char *trigger,
                           const char *action_name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autofree char *expected = g_strdup_printf ("action(%s)", action_name);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *shortcut_trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *shortcut_action = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

          if (g_str_equal (shortcut_trigger, trigger) && g_str_equal (shortcut_action, expected))
            return TRUE;
        }
    }

  return FALSE;
}

/**
 * untrain_test_assert_platforms:
 * @expected: the platforms the person chose, in their order
 */
void
untrain_test_assert_platforms (GSettings          *settings,
                               const char * const *expected)
{
  g_auto(GStrv) platforms = g_settings_get_strv (settings, "platforms");

  g_assert_cmpstrv (platforms, expected);
}
