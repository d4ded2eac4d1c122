/* test-accessibility.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <adwaita.h>

#include "untrain-application.h"
#include "untrain-item-row.h"
#include "untrain-letter-dialog.h"
#include "untrain-paste-cookies-dialog.h"
#include "untrain-platform-row.h"
#include "untrain-preferences-window.h"
#include "untrain-test-utils.h"
#include "untrain-window.h"
#include "untrain-wizard.h"

/* What a screen reader is told about every window of Untrain: each control
 * a person can reach has a name and a role that says what it is, and each
 * picture either says what it shows or is left out as decoration.
 *
 * GTK 4.8 keeps the accessible attributes only when it has an AT context
 * to keep them in: the test runs with GTK's "test" context (GTK_A11Y=test,
 * set in main()) and reads them through gtk_test_accessible_*().
 */

/* The roles of things a person operates or reads a value from: each needs
 * a name.
 */
static const GtkAccessibleRole control_roles[] = {
  GTK_ACCESSIBLE_ROLE_BUTTON,
  GTK_ACCESSIBLE_ROLE_CHECKBOX,
  GTK_ACCESSIBLE_ROLE_COMBO_BOX,
  GTK_ACCESSIBLE_ROLE_LINK,
  GTK_ACCESSIBLE_ROLE_MENU_ITEM,
  GTK_ACCESSIBLE_ROLE_MENU_ITEM_CHECKBOX,
  GTK_ACCESSIBLE_ROLE_MENU_ITEM_RADIO,
  GTK_ACCESSIBLE_ROLE_PROGRESS_BAR,
  GTK_ACCESSIBLE_ROLE_RADIO,
  GTK_ACCESSIBLE_ROLE_SEARCH_BOX,
  GTK_ACCESSIBLE_ROLE_SLIDER,
  GTK_ACCESSIBLE_ROLE_SPIN_BUTTON,
  GTK_ACCESSIBLE_ROLE_SWITCH,
  GTK_ACCESSIBLE_ROLE_TAB,
  GTK_ACCESSIBLE_ROLE_TEXT_BOX,
};

/* What each kind of control must say it is, most derived types first. */
static struct {
  GType (*get_type) (void);
  GtkAccessibleRole role;
  GtkAccessibleRole other_role;  /* or the same */
} expected_roles[] = {
  { gtk_link_button_get_type, GTK_ACCESSIBLE_ROLE_LINK, GTK_ACCESSIBLE_ROLE_LINK },
  { gtk_menu_button_get_type, GTK_ACCESSIBLE_ROLE_BUTTON, GTK_ACCESSIBLE_ROLE_BUTTON },
  { gtk_switch_get_type, GTK_ACCESSIBLE_ROLE_SWITCH, GTK_ACCESSIBLE_ROLE_SWITCH },
  { gtk_check_button_get_type, GTK_ACCESSIBLE_ROLE_CHECKBOX, GTK_ACCESSIBLE_ROLE_RADIO },
  { gtk_spin_button_get_type, GTK_ACCESSIBLE_ROLE_SPIN_BUTTON, GTK_ACCESSIBLE_ROLE_SPIN_BUTTON },
  { gtk_drop_down_get_type, GTK_ACCESSIBLE_ROLE_COMBO_BOX, GTK_ACCESSIBLE_ROLE_COMBO_BOX },
  { gtk_text_view_get_type, GTK_ACCESSIBLE_ROLE_TEXT_BOX, GTK_ACCESSIBLE_ROLE_TEXT_BOX },
  { gtk_progress_bar_get_type, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR },
  { adw_combo_row_get_type, GTK_ACCESSIBLE_ROLE_COMBO_BOX, GTK_ACCESSIBLE_ROLE_COMBO_BOX },
  { adw_entry_row_get_type, GTK_ACCESSIBLE_ROLE_TEXT_BOX, GTK_ACCESSIBLE_ROLE_TEXT_BOX },
  /* The buttons of a view switcher are its tabs. */
  { gtk_toggle_button_get_type, GTK_ACCESSIBLE_ROLE_BUTTON, GTK_ACCESSIBLE_ROLE_TAB },
  { gtk_button_get_type, GTK_ACCESSIBLE_ROLE_BUTTON, GTK_ACCESSIBLE_ROLE_BUTTON },
};

static const char *
role_name (GtkAccessibleRole role)
{
  GEnumClass *enum_class = g_type_class_peek (GTK_TYPE_ACCESSIBLE_ROLE);

  return g_enum_get_value (enum_class, role)->value_nick;
}

/* The value of a string property, or NULL when it is not set: the test
 * context returns the actual value when it differs from the one asked.
 */
static char *
dup_string_property (GtkWidget             *widget,
                     GtkAccessibleProperty  property)
{
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), property))
    return NULL;

  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property, "\x01");
}

/* The widgets a relation points to. The test context writes a list of
 * references as "Type<0x…>" each; only widgets of @widgets are believed.
 */
static GPtrArray *
dup_relation_targets (GtkWidget             *widget,
                      GtkAccessibleRelation  relation,
                      GHashTable            *widgets)
{
  GPtrArray *targets = g_ptr_array_new ();
  g_autofree char *text = NULL;

  if (!gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), relation))
    return targets;

  text = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (widget), relation, NULL);
  for (const char *p = text; p != NULL && (p = strstr (p, "<0x")) != NULL; p++)
    {
      void *pointer = NULL;

      if (sscanf (p + 1, "%p", &pointer) == 1 && g_hash_table_contains (widgets, pointer))
        g_ptr_array_add (targets, pointer);
    }

  return targets;
}

/* A widget's own PROPERTY, then the labels of the widgets RELATION names,
 * as GTK 4.8 joins them for assistive technologies
 * (gtk_at_context_get_name() and _get_description()).
 */
static char *
dup_joined_text (GtkWidget             *widget,
                 GtkAccessibleProperty  property,
                 GtkAccessibleRelation  relation,
                 GHashTable            *widgets)
{
  g_autoptr(GPtrArray) related = dup_relation_targets (widget, relation, widgets);
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  g_autofree char *own = dup_string_property (widget, property);

  if (own != NULL && own[0] != '\0')
    g_strv_builder_add (parts, own);

  for (guint i = 0; i < related->len; i++)
    {
      g_autofree char *other = dup_string_property (related->pdata[i], GTK_ACCESSIBLE_PROPERTY_LABEL);

      if (other != NULL && other[0] != '\0')
        g_strv_builder_add (parts, other);
    }

  strv = g_strv_builder_end (parts);
  return g_strstrip (g_strjoinv (" ", strv));
}

/* The accessible name: the widget's label, then its labelled-by widgets'. */
static char *
dup_accessible_name (GtkWidget  *widget,
                     GHashTable *widgets)
{
  return dup_joined_text (widget, GTK_ACCESSIBLE_PROPERTY_LABEL,
                          GTK_ACCESSIBLE_RELATION_LABELLED_BY, widgets);
}

/* The same for the description: tooltips end up there in GTK 4.8. */
static char *
dup_accessible_description (GtkWidget  *widget,
                            GHashTable *widgets)
{
  return dup_joined_text (widget, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                          GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, widgets);
}

/* Whether @widget is on screen, or would be if scrolled to: it and all its
 * ancestors are visible, and none is a page a stack does not show.
 */
static gboolean
is_shown (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (!gtk_widget_get_visible (w) || !gtk_widget_get_child_visible (w))
      return FALSE;

  return TRUE;
}

static gboolean
is_hidden (GtkWidget *widget)
{
  return gtk_test_accessible_has_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN) &&
         gtk_test_accessible_check_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE) == NULL;
}

static gboolean
is_control_role (GtkAccessibleRole role)
{
  for (guint i = 0; i < G_N_ELEMENTS (control_roles); i++)
    if (control_roles[i] == role)
      return TRUE;

  return FALSE;
}

/* A row a person moves to and activates, like the sidebar's platforms. */
static gboolean
is_operable_row (GtkWidget *widget)
{
  return GTK_IS_LIST_BOX_ROW (widget) &&
         gtk_widget_get_focusable (widget) &&
         (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget)) ||
          gtk_list_box_row_get_selectable (GTK_LIST_BOX_ROW (widget)));
}

/* Where @widget is, for a person reading the failure: the widget and
 * those of its ancestors that have an id or a name.
 */
static char *
describe_widget (GtkWidget *widget)
{
  GString *path = g_string_new (NULL);

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (w));
      const char *name = gtk_widget_get_name (w);

      /* GtkBuilder names the objects a template leaves without an id. */
      if (id != NULL && g_str_has_prefix (id, "___object_"))
        id = NULL;
      if (g_strcmp0 (name, G_OBJECT_TYPE_NAME (w)) == 0)
        name = NULL;
      if (w != widget && id == NULL && name == NULL)
        continue;

      g_string_prepend (path, w == widget ? "" : " > ");
      if (id != NULL || name != NULL)
        {
          g_string_prepend (path, "]");
          g_string_prepend (path, id != NULL ? id : name);
          g_string_prepend (path, "[");
        }
      g_string_prepend (path, G_OBJECT_TYPE_NAME (w));
    }

  return g_string_free (path, FALSE);
}

typedef struct
{
  GHashTable *widgets;
  GPtrArray  *problems;
  guint       n_checked;
} Audit;

/* Whether @widget is part of a control that already has a name: a picture
 * inside a named button or row is read as part of it.
 */
static gboolean
inside_named_control (Audit     *audit,
                      GtkWidget *widget)
{
  for (GtkWidget *ancestor = gtk_widget_get_parent (widget);
       ancestor != NULL;
       ancestor = gtk_widget_get_parent (ancestor))
    {
      GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (ancestor));
      g_autofree char *name = NULL;

      if (!is_control_role (role) && role != GTK_ACCESSIBLE_ROLE_LIST_ITEM)
        continue;

      name = dup_accessible_name (ancestor, audit->widgets);
      if (name[0] != '\0')
        return TRUE;
    }

  return FALSE;
}

static void
check_role (Audit     *audit,
            GtkWidget *widget)
{
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));
  g_autofree char *where = describe_widget (widget);

  /* Rows that are comboboxes or entries say so; any other is an item. */
  if (is_operable_row (widget) &&
      role != GTK_ACCESSIBLE_ROLE_LIST_ITEM &&
      role != GTK_ACCESSIBLE_ROLE_COMBO_BOX &&
      role != GTK_ACCESSIBLE_ROLE_TEXT_BOX)
    {
      g_ptr_array_add (audit->problems,
                       g_strdup_printf ("%s: role “%s” does not say it is a row",
                                        where, role_name (role)));
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (expected_roles); i++)
    {
      if (!G_TYPE_CHECK_INSTANCE_TYPE (widget, expected_roles[i].get_type ()))
        continue;

      if (role == expected_roles[i].role || role == expected_roles[i].other_role)
        return;

      g_ptr_array_add (audit->problems,
                       g_strdup_printf ("%s: role “%s” does not say what it is",
                                        where, role_name (role)));
      return;
    }
}

static void
audit_widget (Audit     *audit,
              GtkWidget *widget)
{
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));
  g_autofree char *name = NULL;

  if (!is_shown (widget) || is_hidden (widget))
    return;

  if (role == GTK_ACCESSIBLE_ROLE_NONE || role == GTK_ACCESSIBLE_ROLE_PRESENTATION)
    return;

  if (role == GTK_ACCESSIBLE_ROLE_IMG)
    {
      /* A picture says what it shows, or is decoration. */
      if (inside_named_control (audit, widget))
        return;
    }
  else if (!is_control_role (role) && !is_operable_row (widget))
    {
      return;
    }

  audit->n_checked++;
  check_role (audit, widget);

  name = dup_accessible_name (widget, audit->widgets);
  if (name[0] == '\0')
    {
      g_autofree char *where = describe_widget (widget);
      g_autofree char *description = dup_accessible_description (widget, audit->widgets);

      g_ptr_array_add (audit->problems,
                       g_strdup_printf ("%s (role “%s”%s%s) has no accessible name",
                                        where, role_name (role),
                                        description[0] != '\0' ? ", description: " : "",
                                        description));
    }
}

/* Checks what @window shows, and returns how many controls it checked. */
static guint
audit_window (GtkWidget *window)
{
  g_autoptr(GPtrArray) all = untrain_test_collect (window, GTK_TYPE_WIDGET);
  g_autoptr(GHashTable) widgets = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *report = NULL;
  Audit audit = { widgets, problems, 0 };

  for (guint i = 0; i < all->len; i++)
    g_hash_table_add (widgets, all->pdata[i]);

  for (guint i = 0; i < all->len; i++)
    audit_widget (&audit, all->pdata[i]);

  /* The same template shows up once per row: say each problem once. */
  for (guint i = 0; i < problems->len; i++)
    for (guint j = problems->len - 1; j > i; j--)
      if (g_str_equal (problems->pdata[i], problems->pdata[j]))
        g_ptr_array_remove_index (problems, j);

  g_ptr_array_add (problems, NULL);
  report = g_strjoinv ("\n", (char **)problems->pdata);
  g_test_message ("%s: %u controls checked", G_OBJECT_TYPE_NAME (window), audit.n_checked);
  g_assert_cmpstr (report, ==, "");
  g_assert_cmpuint (audit.n_checked, >, 0);

  return audit.n_checked;
}

/* Every widget of @widget's window, as a set */
static GHashTable *
collect_window_widgets (GtkWidget *widget)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  g_autoptr(GPtrArray) all = untrain_test_collect (root, GTK_TYPE_WIDGET);
  GHashTable *widgets = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < all->len; i++)
    g_hash_table_add (widgets, all->pdata[i]);

  return widgets;
}

static char *
dup_name_of (GtkWidget *widget)
{
  g_autoptr(GHashTable) widgets = collect_window_widgets (widget);

  return dup_accessible_name (widget, widgets);
}

static char *
dup_description_of (GtkWidget *widget)
{
  g_autoptr(GHashTable) widgets = collect_window_widgets (widget);

  return dup_accessible_description (widget, widgets);
}

/* The application */

typedef void (*WindowTestFunc) (UntrainApplication *app,
                                UntrainWindow      *window);

static void
on_activate_cb (GApplication   *app,
                WindowTestFunc  func)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (UNTRAIN_IS_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  func (UNTRAIN_APPLICATION (app), UNTRAIN_WINDOW (window));

  untrain_test_destroy_window (GTK_WIDGET (window));
}

static void
run_application (WindowTestFunc func)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GFile) state_file = untrain_test_get_state_file ();
  char *argv[] = { (char *)"untrain", NULL };
  const char * const platforms[] = { "linkedin", "facebook", "x", NULL };
  UntrainApplication *app;

  g_file_delete (state_file, NULL, NULL);
  g_settings_set_boolean (settings, "first-run-done", TRUE);
  g_settings_set_string (settings, "country", "DE");
  g_settings_set_string (settings, "age-group", "adult");
  g_settings_set_strv (settings, "platforms", platforms);
  g_settings_set_int (settings, "window-width", 960);
  g_settings_set_int (settings, "window-height", 720);

  app = untrain_application_new ();
  /* Other tests run Untrain at the same time: check this one's window. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_cb), func);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_assert_finalize_object (app);
}

/* Dialogs need not belong to the application: look at every window. */
static GtkWidget *
find_window (UntrainApplication *app,
             GType               type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  untrain_test_drain ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

static void
expand_all_rows (GtkWidget *window)
{
  g_autoptr(GPtrArray) rows = untrain_test_collect (window, UNTRAIN_TYPE_ITEM_ROW);

  for (guint i = 0; i < rows->len; i++)
    adw_expander_row_set_expanded (rows->pdata[i], TRUE);
  gtk_test_widget_wait_for_draw (window);
}

static UntrainItemRow *
find_item_row (GtkWidget  *window,
               const char *platform_id,
               const char *item_id)
{
  GtkWidget *page = NULL;
  g_autoptr(GPtrArray) widgets = untrain_test_collect (window, GTK_TYPE_WIDGET);

  for (guint i = 0; i < widgets->len && page == NULL; i++)
    if (g_str_equal (G_OBJECT_TYPE_NAME (widgets->pdata[i]), "UntrainPlatformPage") &&
        g_str_equal (gtk_widget_get_name (widgets->pdata[i]), platform_id))
      page = widgets->pdata[i];
  g_assert_nonnull (page);

  return UNTRAIN_ITEM_ROW (untrain_test_find_widget (page, UNTRAIN_TYPE_ITEM_ROW, item_id));
}

/* The row of an expander row that takes the focus: the one with its title. */
static GtkWidget *
get_header_row (UntrainItemRow *row)
{
  GtkWidget *header = untrain_test_find_widget (GTK_WIDGET (row), ADW_TYPE_ACTION_ROW, NULL);

  g_assert_nonnull (header);
  g_assert_true (gtk_widget_get_focusable (header));

  return header;
}

/* The main window, wide and at phone width */

static void
audit_every_platform (UntrainWindow *window)
{
  const char * const platforms[] = { "linkedin", "facebook", "x" };

  for (guint i = 0; i < G_N_ELEMENTS (platforms); i++)
    {
      g_assert_true (untrain_window_show_platform (window, platforms[i]));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      audit_window (GTK_WIDGET (window));
    }
}

static gboolean
is_folded (gpointer user_data)
{
  return adw_leaflet_get_folded (user_data);
}

static void
check_main_window (UntrainApplication *app,
                   UntrainWindow      *window)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (untrain_test_find_widget (GTK_WIDGET (window), ADW_TYPE_LEAFLET, NULL));

  expand_all_rows (GTK_WIDGET (window));
  g_assert_false (adw_leaflet_get_folded (leaflet));
  audit_every_platform (window);

  /* At phone width the sidebar folds away behind a Back button. */
  untrain_test_resize_window (GTK_WIDGET (window), 360, 720);
  untrain_test_wait_until (is_folded, leaflet);
  audit_every_platform (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  audit_window (GTK_WIDGET (window));
}

static void
test_main_window (void)
{
  run_application (check_main_window);
}

/* What a screen reader says about a checklist item and a platform. */
static void
check_status_is_spoken (UntrainApplication *app,
                        UntrainWindow      *window)
{
  UntrainItemRow *row = find_item_row (GTK_WIDGET (window), "linkedin", "ai-training");
  GtkWidget *header = get_header_row (row);
  g_autoptr(GPtrArray) platform_rows = untrain_test_collect (GTK_WIDGET (window), UNTRAIN_TYPE_PLATFORM_ROW);
  g_autofree char *name = dup_name_of (header);
  g_autofree char *description = dup_description_of (header);

  /* The row with the focus tells the item's status, not only its icon. */
  g_assert_cmpstr (name, ==, "Turn off “Data for Generative AI Improvement”");
  g_assert_nonnull (strstr (description, "Action needed"));
  g_assert_nonnull (strstr (description, "Applies since 3 November 2025 in Germany"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.mark-done", "s", "linkedin/ai-training"));
  g_clear_pointer (&description, g_free);
  description = dup_description_of (header);
  g_assert_nonnull (strstr (description, "Done"));
  g_assert_null (strstr (description, "Action needed"));

  /* A sidebar row is named after its platform and tells the progress. */
  g_assert_cmpuint (platform_rows->len, ==, 3);
  g_clear_pointer (&name, g_free);
  g_clear_pointer (&description, g_free);
  name = dup_name_of (platform_rows->pdata[0]);
  description = dup_description_of (platform_rows->pdata[0]);
  g_assert_cmpstr (name, ==, "LinkedIn");
  g_assert_nonnull (strstr (description, "1 of 3 done"));
  g_assert_nonnull (strstr (description, "Something to do"));
}

static void
test_status_is_spoken (void)
{
  run_application (check_status_is_spoken);
}

/* The other windows */

static void
check_other_windows (UntrainApplication *app,
                     UntrainWindow      *window)
{
  GListModel *models = untrain_application_get_models (app);
  g_autoptr(UntrainStatusModel) linkedin = g_list_model_get_item (models, 0);
  GtkWidget *other;

  g_assert_cmpstr (untrain_platform_get_id (untrain_status_model_get_platform (linkedin)), ==, "linkedin");

  /* Preferences */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "preferences"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  other = find_window (app, UNTRAIN_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (other);
  gtk_test_widget_wait_for_draw (other);
  audit_window (other);
  untrain_test_destroy_window (other);

  /* The objection letter */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.write-letter", "s", "linkedin/objection-form"));
  other = find_window (app, UNTRAIN_TYPE_LETTER_DIALOG);
  g_assert_nonnull (other);
  gtk_test_widget_wait_for_draw (other);
  audit_window (other);
  untrain_test_destroy_window (other);

  /* Pasting cookies */
  other = untrain_paste_cookies_dialog_new (GTK_WINDOW (window), untrain_status_model_get_platform (linkedin));
  untrain_test_show_window (other);
  audit_window (other);
  untrain_test_destroy_window (other);

  /* The keyboard shortcuts */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  other = find_window (app, GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (other);
  gtk_test_widget_wait_for_draw (other);
  audit_window (other);
  gtk_window_destroy (GTK_WINDOW (other));
  untrain_test_drain ();
}

static void
test_other_windows (void)
{
  run_application (check_other_windows);
}

/* Every page of the first-run setup, with platforms to connect. */
static void
check_wizard (UntrainApplication *app,
              UntrainWindow      *window)
{
  GtkWidget *wizard;
  GtkWidget *chooser;
  GtkWidget *button;
  g_autofree char *name = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "run-setup", NULL);
  wizard = find_window (app, UNTRAIN_TYPE_WIZARD);
  g_assert_nonnull (wizard);
  gtk_test_widget_wait_for_draw (wizard);

  for (guint page = 0; page < 7; page++)
    {
      audit_window (wizard);
      if (page < 6)
        g_assert_true (gtk_widget_activate_action (wizard, "wizard.next", NULL));
      untrain_test_drain ();
    }

  /* The country's button says what it chooses, not only the country. */
  chooser = untrain_test_find_widget (wizard, GTK_TYPE_DROP_DOWN, NULL);
  button = untrain_test_find_widget (chooser, GTK_TYPE_TOGGLE_BUTTON, NULL);
  name = dup_name_of (button);
  g_assert_cmpstr (name, ==, "Country");

  untrain_test_destroy_window (wizard);
}

static void
test_wizard (void)
{
  run_application (check_wizard);
}

int
main (int   argc,
      char *argv[])
{
  /* GTK keeps accessible attributes only with an AT context. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  untrain_test_init_application (&argc, &argv);

  /* Rows open and pages change at once. */
  gtk_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/accessibility/main-window", test_main_window);
  g_test_add_func ("/accessibility/status-is-spoken", test_status_is_spoken);
  g_test_add_func ("/accessibility/other-windows", test_other_windows);
  g_test_add_func ("/accessibility/wizard", test_wizard);

  return g_test_run ();
}
