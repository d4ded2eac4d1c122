/* test-large-text.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "untrain-application.h"
#include "untrain-item-row.h"
#include "untrain-letter-dialog.h"
#include "untrain-paste-cookies-dialog.h"
#include "untrain-platform-page.h"
#include "untrain-preferences-window.h"
#include "untrain-test-locale.h"
#include "untrain-test-utils.h"
#include "untrain-window.h"
#include "untrain-wizard.h"

/* Text at 1.5 times its size, as GNOME's "Large Text" makes it, in a
 * window 360 px wide: every page of the setup, the checklist, Preferences
 * and the dialogs still fit,
 * and no text that wraps is cut short with "…" or breaks in the middle of
 * a word.
 *
 * On GNOME the text scaling factor reaches GTK as the XSETTINGS value
 * Xft/DPI (96 × factor × 1024), and the title bar buttons as
 * Gtk/DecorationLayout, "appmenu:close" by default; GTK keeps them in the
 * gtk-xft-dpi and gtk-decoration-layout settings, which the test sets as
 * GTK's XSETTINGS code would.
 */

#define NARROW 360

static void
use_large_text (void)
{
  g_object_set (gtk_settings_get_default (),
                "gtk-xft-dpi", 96 * 3 / 2 * 1024,
                "gtk-decoration-layout", "appmenu:close",
                /* What is measured is where a resize ends, not a frame of
                 * the leaflet folding on the way.
                 */
                "gtk-enable-animations", FALSE,
                NULL);
}

/* The widgets that ask for more than @width while none of their children
 * does: what makes a window too wide
 */
static void
describe_too_wide (GtkWidget *widget,
                   int        width,
                   GString   *text)
{
  gboolean child_too_wide = FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int minimum;

      if (!gtk_widget_get_visible (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      if (minimum > width)
        {
          child_too_wide = TRUE;
          describe_too_wide (child, width, text);
        }
    }

  if (!child_too_wide)
    {
      int minimum;

      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_autoptr(GPtrArray) labels = untrain_test_collect (widget, GTK_TYPE_LABEL);

      g_string_append_printf (text, "\n  %s in %s asks for %d px:", G_OBJECT_TYPE_NAME (widget),
                              G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)), minimum);
      for (guint i = 0; i < labels->len; i++)
        if (gtk_widget_get_visible (labels->pdata[i]))
          g_string_append_printf (text, " “%s”", gtk_label_get_text (labels->pdata[i]));
    }
}

/* Whether @label's lines all end where the text may break: between words,
 * not in the middle of one, as Pango does (with a hyphen) when a word is
 * wider than the label
 */
static gboolean
breaks_between_words (GtkLabel *label)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  const char *text = pango_layout_get_text (layout);
  const PangoLogAttr *attrs;
  int n_attrs;

  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      glong offset = g_utf8_pointer_to_offset (text, text + pango_layout_line_get_start_index (line));

      if (offset > 0 && offset < n_attrs && !attrs[offset].is_line_break)
        return FALSE;
    }

  return TRUE;
}

/* Everything fits in @width, and no label of @shown that wraps is cut
 * short or breaks a word.
 */
static void
assert_fits (GtkWidget  *window,
             GtkWidget  *shown,
             int         width,
             const char *where)
{
  GtkWidget *content = ADW_IS_APPLICATION_WINDOW (window)
                       ? adw_application_window_get_content (ADW_APPLICATION_WINDOW (window))
                       : adw_window_get_content (ADW_WINDOW (window));
  g_autoptr(GPtrArray) labels = untrain_test_collect (shown, GTK_TYPE_LABEL);
  int minimum;

  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum > width)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      describe_too_wide (content, width - 24, text);
      g_error ("%s needs %d px, more than %d:%s", where, minimum, width, text->str);
    }
  g_assert_cmpint (gtk_widget_get_width (content), <=, width);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = labels->pdata[i];

      if (!gtk_widget_is_drawable (GTK_WIDGET (label)) || !gtk_label_get_wrap (label))
        continue;

      if (pango_layout_is_ellipsized (gtk_label_get_layout (label)))
        g_error ("%s: “%s” is cut short", where, gtk_label_get_text (label));
      if (!breaks_between_words (label))
        g_error ("%s: “%s” breaks in the middle of a word, %d px wide", where,
                 gtk_label_get_text (label), gtk_widget_get_width (GTK_WIDGET (label)));
    }
}

/* The setup */

/* Narrow, the rows of What Applies leave out "2 things to do" and their
 * icon tells it, on hover and to screen readers; wide, the words show and
 * the icon is only a picture.
 */
static void
assert_applies_narrow (GtkWidget *wizard,
                       gboolean   narrow)
{
  GtkWidget *group = untrain_test_find_buildable (wizard, "applies_group");
  g_autoptr(GPtrArray) images = untrain_test_collect (group, GTK_TYPE_IMAGE);
  guint n_rows = 0;

  for (guint i = 0; i < images->len; i++)
    {
      GtkWidget *icon = images->pdata[i];
      GtkWidget *row = gtk_widget_get_ancestor (icon, ADW_TYPE_ACTION_ROW);
      GtkWidget *summary;
      const char *words;
      gboolean told;

      if (g_strcmp0 (gtk_widget_get_name (icon), "status") != 0)
        continue;

      summary = untrain_test_find_widget (row, GTK_TYPE_LABEL, "summary");
      words = gtk_label_get_label (GTK_LABEL (summary));
      told = narrow && *words != '\0';
      n_rows++;

      g_assert_true (gtk_widget_get_visible (summary) == !narrow);
      g_assert_cmpstr (gtk_widget_get_tooltip_text (icon), ==, told ? words : NULL);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, words);
      gtk_test_accessible_assert_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, !told);
    }

  g_assert_cmpuint (n_rows, >, 0);
}

static void
test_setup (void)
{
  g_autoptr(GSettings) settings = untrain_test_new_settings ();
  g_autoptr(UntrainCatalog) catalog = untrain_test_load_catalog ();
  g_autoptr(GFile) state_file = untrain_test_get_state_file ();
  g_autoptr(UntrainStateStore) store = untrain_state_store_new (state_file);
  AdwCarousel *carousel;
  GtkWidget *wizard;

  g_settings_set_string (settings, "country", "CD"); /* a long name */
  g_settings_set_string (settings, "age-group", "adult");
  g_settings_set_strv (settings, "platforms", (const char * const []) { "linkedin", "facebook", "x", NULL });

  wizard = untrain_wizard_new (NULL, settings, catalog, store);
  gtk_window_set_default_size (GTK_WINDOW (wizard), NARROW, 640);
  untrain_test_show_window (wizard);
  carousel = ADW_CAROUSEL (untrain_test_find_widget (wizard, ADW_TYPE_CAROUSEL, "carousel"));

  for (guint page = 0; page < adw_carousel_get_n_pages (carousel); page++)
    {
      g_autofree char *where = g_strdup_printf ("Setup page %u", page);

      while (untrain_wizard_get_page (UNTRAIN_WIZARD (wizard)) < page)
        {
          g_assert_true (gtk_widget_activate_action (wizard, "wizard.next", NULL));
          untrain_test_drain ();
        }
      gtk_test_widget_wait_for_draw (wizard);

      assert_fits (wizard, adw_carousel_get_nth_page (carousel, page), NARROW, where);
    }

  assert_applies_narrow (wizard, TRUE);
  untrain_test_resize_window (wizard, 960, 640);
  assert_applies_narrow (wizard, FALSE);

  untrain_test_destroy_window (wizard);
}

/* The checklist */

/* On a narrow page the account's buttons are in a row of their own, and
 * the items' status words are left out; on a wide one, beside the title.
 */
static void
assert_narrow (UntrainWindow *window,
               gboolean       narrow)
{
  GtkWidget *page = untrain_test_find_widget (GTK_WIDGET (window), UNTRAIN_TYPE_PLATFORM_PAGE, "linkedin");
  GtkWidget *connect = untrain_test_find_buildable (page, "connect_button");
  g_autoptr(GPtrArray) rows = untrain_test_collect (page, UNTRAIN_TYPE_ITEM_ROW);

  g_assert_true (gtk_widget_is_drawable (connect));
  g_assert_true ((gtk_widget_get_ancestor (connect, ADW_TYPE_ACTION_ROW) == NULL) == narrow);

  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *status = untrain_item_row_get_status_label (rows->pdata[i]);
      g_autoptr(GPtrArray) labels = untrain_test_collect (rows->pdata[i], GTK_TYPE_LABEL);
      gboolean shown = FALSE;

      for (guint j = 0; j < labels->len; j++)
        if (g_strcmp0 (gtk_label_get_label (labels->pdata[j]), status) == 0)
          shown |= gtk_widget_is_drawable (labels->pdata[j]);

      g_assert_true (shown == !narrow);

      /* Left out, the word is the icon's tooltip. */
      g_autoptr(GPtrArray) images = untrain_test_collect (rows->pdata[i], GTK_TYPE_IMAGE);
      gboolean told = FALSE;

      for (guint j = 0; j < images->len; j++)
        told |= g_strcmp0 (gtk_widget_get_tooltip_text (images->pdata[j]), status) == 0;

      g_assert_true (told == narrow);
    }
}

static void
check_checklist (UntrainWindow *window)
{
  GtkWidget *leaflet = untrain_test_find_widget (GTK_WIDGET (window), ADW_TYPE_LEAFLET, NULL);
  g_autoptr(GPtrArray) rows = NULL;
  const char * const platforms[] = { "linkedin", "facebook", "x" };
  GtkWidget *connect;

  /* Every row open, to see what it offers */
  rows = untrain_test_collect (GTK_WIDGET (window), UNTRAIN_TYPE_ITEM_ROW);
  for (guint i = 0; i < rows->len; i++)
    adw_expander_row_set_expanded (rows->pdata[i], TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (platforms); i++)
    {
      g_autofree char *where = g_strdup_printf ("The checklist of %s", platforms[i]);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-platform", "s", platforms[i]));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      untrain_test_drain ();

      g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
      assert_fits (GTK_WIDGET (window), GTK_WIDGET (window), NARROW, where);
    }

  /* Wide enough for the rows' status words, with large text too, and
   * narrow again
   */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-platform", "s", "linkedin"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  assert_narrow (window, TRUE);

  /* The keyboard focus moves with the buttons. */
  connect = untrain_test_find_buildable (GTK_WIDGET (window), "connect_button");
  g_assert_true (gtk_widget_grab_focus (connect));
  untrain_test_resize_window (GTK_WIDGET (window), 1200, 640);
  assert_narrow (window, FALSE);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == connect);
  untrain_test_resize_window (GTK_WIDGET (window), NARROW, 640);
  assert_narrow (window, TRUE);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == connect);
  assert_fits (GTK_WIDGET (window), GTK_WIDGET (window), NARROW, "The checklist of linkedin, narrow again");

  /* The sidebar, folded */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  assert_fits (GTK_WIDGET (window), GTK_WIDGET (window), NARROW, "The platforms");
}

static void
on_activate_cb (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (UNTRAIN_IS_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  untrain_test_drain ();

  check_checklist (UNTRAIN_WINDOW (window));

  untrain_test_destroy_window (GTK_WIDGET (window));
}

static void
test_checklist (void)
{
  g_autoptr(GSettings) settings = untrain_test_new_settings ();
  char *argv[] = { (char *)"untrain", NULL };
  UntrainApplication *app;

  g_settings_set_boolean (settings, "first-run-done", TRUE);
  g_settings_set_string (settings, "country", "DE");
  g_settings_set_string (settings, "age-group", "adult");
  g_settings_set_strv (settings, "platforms", (const char * const []) { "linkedin", "facebook", "x", NULL });
  g_settings_set_int (settings, "window-width", NARROW);
  g_settings_set_int (settings, "window-height", 640);

  app = untrain_application_new ();
  /* Other tests run Untrain at the same time: check this one's window. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_assert_finalize_object (app);
}

/* Preferences and the dialogs */

static void
check_window (GtkWidget  *window,
              const char *where)
{
  gtk_window_set_default_size (GTK_WINDOW (window), NARROW, 640);
  untrain_test_show_window (window);
  assert_fits (window, window, NARROW, where);
  untrain_test_destroy_window (window);
}

static void
test_dialogs (void)
{
  g_autoptr(GSettings) settings = untrain_test_new_settings ();
  g_autoptr(UntrainCatalog) catalog = untrain_test_load_catalog ();
  g_autoptr(GFile) state_file = untrain_test_get_state_file ();
  g_autoptr(UntrainStateStore) store = untrain_state_store_new (state_file);
  UntrainPlatform *linkedin = untrain_catalog_lookup (catalog, "linkedin");
  g_autoptr(UntrainStatusModel) model = untrain_status_model_new (linkedin, store, "DE", 30);
  GtkWidget *letter;

  g_settings_set_string (settings, "country", "CD"); /* a long name */
  g_settings_set_string (settings, "age-group", "adult");
  g_settings_set_strv (settings, "platforms", (const char * const []) { "linkedin", "facebook", "x", NULL });

  check_window (untrain_preferences_window_new (NULL, settings, catalog), "Preferences");
  check_window (untrain_letter_dialog_new (NULL, model, "objection-form"), "The letter");

  /* Sent (which closes it): the letter then says what it waits for */
  letter = g_object_ref (untrain_letter_dialog_new (NULL, model, "objection-form"));
  untrain_test_show_window (letter);
  g_assert_true (gtk_widget_activate_action (letter, "letter.submitted", NULL));
  untrain_test_drain ();
  g_assert_finalize_object (letter);
  g_assert_true (untrain_item_status_get_answer_due (untrain_status_model_lookup (model, "objection-form")) != NULL);
  check_window (untrain_letter_dialog_new (NULL, model, "objection-form"), "The letter, sent");
  check_window (untrain_paste_cookies_dialog_new (NULL, linkedin), "Paste Cookies");
}

/* Each language shipped, in a process of its own: its locale is set
 * before GTK starts, as in a person's session.
 */

static const char * const locales[] = { "de_DE", "es_ES", "fr_FR", "it_IT", "nl_NL", "pl_PL" };

static void
test_language (gconstpointer data)
{
  const char *locale = data;
  g_autofree char *child = g_strdup_printf ("/large-text/%s/subprocess", locale);

  if (!untrain_test_make_locale (locale))
    return;

  g_setenv ("UNTRAIN_TEST_LOCALE", locale, TRUE);
  g_test_trap_subprocess (child, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("UNTRAIN_TEST_LOCALE");
  g_test_trap_assert_passed ();
}

static void
child_language (gconstpointer data)
{
  g_assert_cmpstr (g_getenv ("UNTRAIN_TEST_LOCALE"), ==, data);
  /* In that language indeed, not English */
  g_assert_cmpstr (_("Back"), !=, "Back");

  test_setup ();
  test_checklist ();
  test_dialogs ();
}

int
main (int   argc,
      char *argv[])
{
  const char *locale;
  int result;

  /* GTK's "test" accessibility context, to read what screen readers get */
  g_setenv ("GTK_A11Y", "test", TRUE);
  untrain_test_init_application (&argc, &argv);
  untrain_test_locales_init ();

  locale = g_getenv ("UNTRAIN_TEST_LOCALE");
  if (locale != NULL)
    untrain_test_use_locale (locale);
  else
    g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  gtk_init ();
  use_large_text ();

  g_test_add_func ("/large-text/setup", test_setup);
  g_test_add_func ("/large-text/checklist", test_checklist);
  g_test_add_func ("/large-text/dialogs", test_dialogs);

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      g_autofree char *path = g_strdup_printf ("/large-text/%s", locales[i]);
      g_autofree char *child = g_strdup_printf ("/large-text/%s/subprocess", locales[i]);

      g_test_add_data_func (path, locales[i], test_language);
      g_test_add_data_func (child, locales[i], child_language);
    }

  result = g_test_run ();
  untrain_test_locales_clear ();

  return result;
}
