/* untrain-wizard.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "untrain-age-group-row.h"
#include "untrain-command-line.h"
#include "untrain-country-row.h"
#include "untrain-platforms-group.h"
#include "untrain-status-model.h"
#include "untrain-connect.h"
#include "untrain-narrow.h"
#include "untrain-wizard.h"

/* The first run: what Untrain does, where the person lives and their age,
 * what applies to them, which platforms they use, connecting accounts,
 * reminders. Every answer goes to GSettings as it is given, and so does the
 * page, so that closing the window half-way resumes where the person was.
 */

typedef enum
{
  PAGE_WELCOME,
  PAGE_PERSON,
  PAGE_APPLIES,
  PAGE_PLATFORMS,
  PAGE_CONNECT,
  PAGE_REMINDERS,
  PAGE_DONE,
  N_PAGES
} WizardPage;

struct _UntrainWizard
{
  AdwApplicationWindow   parent_instance;

  GSettings             *settings;
  UntrainCatalog        *catalog;
  UntrainStateStore     *store;

  GPtrArray             *models;          /* UntrainStatusModel, chosen first */
  GPtrArray             *applies_rows;
  GPtrArray             *connect_rows;
  UntrainCountryRow     *country_row;     /* in person_group */

  guint                  page;
  int                    scrolling_to;    /* -1 unless we move the carousel */
  gboolean               allocated;
  gboolean               restore_page;    /* scroll once allocated */
  gboolean               narrow;          /* see set_narrow() */

  /* Template widgets */
  GtkButton             *back_button;
  GtkButton             *next_button;
  AdwCarousel           *carousel;
  AdwPreferencesGroup   *person_group;
  AdwPreferencesGroup   *applies_group;
  AdwStatusPage         *platforms_page;
  AdwPreferencesGroup   *connect_group;
  GtkLabel              *connect_empty_label;
  GtkSwitch             *reminder_switch;
  AdwActionRow          *interval_row;
  GtkSpinButton         *interval_spin;
  GtkButton             *finish_button;
};

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_CATALOG,
  PROP_STORE,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (UntrainWizard, untrain_wizard, ADW_TYPE_APPLICATION_WINDOW)

/* What the country row shows: the person's choice, else the locale's;
 * NULL if neither names a country.
 */
static char *
dup_country (UntrainWizard *self)
{
  const char *shown = untrain_country_row_get_country (self->country_row);

  if (shown[0] == '\0')
    return NULL;

  return g_strdup (shown);
}

/* A row about @platform, named by its id */
static GtkWidget *
create_platform_row (UntrainPlatform *platform,
                     const char      *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  gtk_widget_set_name (row, untrain_platform_get_id (platform));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), untrain_platform_get_name (platform));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* As many lines as it takes: a long country name, large text and a
   * narrow window take more than four.
   */
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  return row;
}

/* What applies to you */

static UntrainItemStatus *
find_headline (UntrainStatusModel *model)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (model));

  /* A platform's first step is the one about AI training. */
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(UntrainItemStatus) item_status = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (untrain_item_is_actionable (untrain_item_status_get_item (item_status)))
        return g_steal_pointer (&item_status);
    }

  return NULL;
}

static GtkWidget *
create_applies_row (UntrainStatusModel *model)
{
  UntrainPlatform *platform = untrain_status_model_get_platform (model);
  g_autoptr(UntrainItemStatus) headline = find_headline (model);
  g_autofree char *subtitle = NULL;
  g_autofree char *summary = NULL;
  UntrainStatus status = UNTRAIN_STATUS_UNKNOWN;
  const char *css_class = "dim-label";
  GtkWidget *row;
  GtkWidget *icon;
  GtkWidget *label;

  if (headline == NULL)
    {
      subtitle = g_strdup (_("Nothing to do here"));
      summary = g_strdup ("");
    }
  else
    {
      const char *reason = untrain_item_status_get_reason (headline);
      guint n_pending = untrain_status_model_count_pending (model);

      switch (untrain_item_status_get_applies (headline))
        {
        case UNTRAIN_APPLIES_YES:
          subtitle = g_strdup (reason);
          if (n_pending > 0)
            {
              status = UNTRAIN_STATUS_ACTION_NEEDED;
              css_class = "warning";
              /* Translators: “3 things to do” */
              summary = g_strdup_printf (ngettext ("%u thing to do", "%u things to do", n_pending),
                                         n_pending);
            }
          else
            {
              status = UNTRAIN_STATUS_DONE;
              css_class = "success";
              summary = g_strdup (_("All done"));
            }
          break;

        case UNTRAIN_APPLIES_NO:
          status = UNTRAIN_STATUS_NOT_APPLICABLE;
          /* Translators: %s is why, such as “Not applicable: LinkedIn
           * excludes members under 18” */
          subtitle = g_strdup_printf (_("%s. Nothing needs doing for its AI training."), reason);
          summary = g_strdup (_("Not covered"));
          break;

        case UNTRAIN_APPLIES_NOT_YET:
          status = UNTRAIN_STATUS_NOT_APPLICABLE;
          subtitle = g_strdup (reason);
          summary = g_strdup (_("Not yet"));
          break;

        case UNTRAIN_APPLIES_UNKNOWN:
        default:
          subtitle = g_strdup (reason);
          summary = g_strdup ("");
          break;
        }
    }

  row = create_platform_row (platform, subtitle);

  icon = gtk_image_new_from_icon_name (untrain_status_get_icon_name (status));
  gtk_widget_set_name (icon, "status");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (icon, css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, summary, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  label = gtk_label_new (summary);
  gtk_widget_set_name (label, "summary");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, css_class);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  return row;
}

/* The first of @widget and its descendants named @name */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Narrow (untrain-narrow.h), a platform's row leaves out the words beside
 * its title, "2 things to do", and its icon tells them instead, on hover
 * and to screen readers; otherwise the words do, and the icon is only a
 * picture.
 */
static void
set_row_narrow (GtkWidget *row,
                gboolean   narrow)
{
  GtkWidget *icon = find_named (row, "status");
  GtkWidget *summary = find_named (row, "summary");
  const char *words = gtk_label_get_label (GTK_LABEL (summary));
  gboolean told = narrow && *words != '\0';

  gtk_widget_set_visible (summary, !narrow);
  gtk_widget_set_tooltip_text (icon, told ? words : NULL);
  /* The tooltip is also the description: the name says it already. */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, !told, -1);
}

static void
set_narrow (UntrainWizard *self,
            gboolean       narrow)
{
  if (self->narrow == narrow)
    return;

  self->narrow = narrow;
  for (guint i = 0; i < self->applies_rows->len; i++)
    set_row_narrow (g_ptr_array_index (self->applies_rows, i), narrow);
}

static void
update_applies (UntrainWizard *self)
{
  g_autofree char *country = dup_country (self);
  int age = untrain_person_get_age (self->settings);

  for (guint i = 0; i < self->applies_rows->len; i++)
    adw_preferences_group_remove (self->applies_group, g_ptr_array_index (self->applies_rows, i));
  g_ptr_array_set_size (self->applies_rows, 0);

  /* Rebuilt rather than updated: the order follows the chosen platforms. */
  g_clear_pointer (&self->models, g_ptr_array_unref);
  self->models = untrain_command_line_build_models (self->catalog, self->store, self->settings,
                                                    country, age);

  for (guint i = 0; i < self->models->len; i++)
    {
      GtkWidget *row = create_applies_row (g_ptr_array_index (self->models, i));

      set_row_narrow (row, self->narrow);
      adw_preferences_group_add (self->applies_group, row);
      g_ptr_array_add (self->applies_rows, row);
    }
}

/* Connect accounts */

static void
update_connect (UntrainWizard *self)
{
  g_auto(GStrv) chosen = g_settings_get_strv (self->settings, "platforms");

  for (guint i = 0; i < self->connect_rows->len; i++)
    adw_preferences_group_remove (self->connect_group, g_ptr_array_index (self->connect_rows, i));
  g_ptr_array_set_size (self->connect_rows, 0);

  for (guint i = 0; chosen[i] != NULL; i++)
    {
      UntrainPlatform *platform = untrain_catalog_lookup (self->catalog, chosen[i]);
      g_autofree char *subtitle = NULL;
      g_autofree char *account = NULL;
      GtkWidget *row;

      if (platform == NULL || untrain_platform_get_provider (platform) == NULL)
        continue;

      account = untrain_state_store_get_account (self->store, chosen[i]);

      if (account != NULL)
        /* Translators: “Connected as First Last” */
        subtitle = g_strdup_printf (_("Connected as %s"), account);
      else
        /* Translators: %s is a platform, such as “LinkedIn” */
        subtitle = g_strdup_printf (_("Untrain will read your %s settings and turn off AI training for you"),
                                    untrain_platform_get_name (platform));

      row = create_platform_row (platform, subtitle);

      if (account == NULL)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Connect…"));

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "wizard.connect");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", chosen[i]);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }

      adw_preferences_group_add (self->connect_group, row);
      g_ptr_array_add (self->connect_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->connect_group), self->connect_rows->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->connect_empty_label), self->connect_rows->len == 0);
}

static void
connect_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(UntrainWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *account = untrain_connect_finish (result, &error);

  if (account == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          AdwMessageDialog *dialog;

          dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Not Connected"), error->message));
          adw_message_dialog_add_response (dialog, "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
      return;
    }

  update_connect (self);
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  UntrainWizard *self = UNTRAIN_WIZARD (widget);
  UntrainPlatform *platform = untrain_catalog_lookup (self->catalog, g_variant_get_string (parameter, NULL));

  if (platform == NULL)
    return;

  untrain_connect_async (GTK_WINDOW (self), platform, self->store, UNTRAIN_CONNECT_SIGN_IN,
                         NULL, connect_cb, g_object_ref (self));
}

/* Following the settings */

static void
on_settings_changed_cb (UntrainWizard *self,
                        const char    *key,
                        GSettings     *settings)
{
  if (g_str_equal (key, "age-group"))
    {
      update_applies (self);
    }
  else if (g_str_equal (key, "platforms"))
    {
      update_applies (self);
      update_connect (self);
    }
}

/* Moving between pages */

static void
update_page_state (UntrainWizard *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *current = adw_carousel_get_nth_page (self->carousel, self->page);
  gboolean last = self->page == N_PAGES - 1;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next", !last);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), !last);

  /* Only the page on screen takes the keyboard focus. */
  for (guint i = 0; i < N_PAGES; i++)
    gtk_widget_set_can_focus (adw_carousel_get_nth_page (self->carousel, i), i == self->page);

  if (last)
    gtk_widget_grab_focus (GTK_WIDGET (self->finish_button));
  else if (focus != NULL &&
           gtk_widget_is_ancestor (focus, GTK_WIDGET (self->carousel)) &&
           !gtk_widget_is_ancestor (focus, current))
    gtk_widget_grab_focus (GTK_WIDGET (self->next_button));
}

static void
set_page (UntrainWizard *self,
          guint          page)
{
  if (self->page == page)
    return;

  self->page = page;
  g_settings_set_uint (self->settings, "wizard-page", page);
  update_page_state (self);
}

static void
go_to_page (UntrainWizard *self,
            guint          page,
            gboolean       animate)
{
  g_assert (page < N_PAGES);

  set_page (self, page);

  /* Until it is allocated, the carousel does not know where its pages are. */
  if (!self->allocated)
    {
      self->restore_page = TRUE;
      return;
    }

  self->scrolling_to = page;
  adw_carousel_scroll_to (self->carousel, adw_carousel_get_nth_page (self->carousel, page), animate);
}

static void
on_page_changed_cb (UntrainWizard *self,
                    guint          index)
{
  /* Moving on while the carousel was still scrolling stops it half-way,
   * which it reports: we know better where it is going.
   */
  if (self->scrolling_to >= 0)
    {
      if ((int)index != self->scrolling_to)
        return;

      self->scrolling_to = -1;
    }

  /* A swipe */
  if (index < N_PAGES)
    set_page (self, index);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UntrainWizard *self = UNTRAIN_WIZARD (widget);

  if (self->page > 0)
    go_to_page (self, self->page - 1, TRUE);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UntrainWizard *self = UNTRAIN_WIZARD (widget);

  if (self->page + 1 < N_PAGES)
    go_to_page (self, self->page + 1, TRUE);
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UntrainWizard *self = UNTRAIN_WIZARD (widget);

  g_object_ref (self);

  g_settings_set_boolean (self->settings, "first-run-done", TRUE);
  g_settings_set_uint (self->settings, "wizard-page", 0);
  g_signal_handlers_disconnect_by_data (self->settings, self);
  self->scrolling_to = N_PAGES; /* nothing more to save */

  g_signal_emit (self, signals[FINISHED], 0);
  gtk_window_close (GTK_WINDOW (self));

  g_object_unref (self);
}

/* Construction */

static void
untrain_wizard_constructed (GObject *object)
{
  UntrainWizard *self = (UntrainWizard *)object;
  GtkWidget *age_row;
  GtkWidget *platforms_group;

  G_OBJECT_CLASS (untrain_wizard_parent_class)->constructed (object);

  g_return_if_fail (G_IS_SETTINGS (self->settings));
  g_return_if_fail (UNTRAIN_IS_CATALOG (self->catalog));
  g_return_if_fail (UNTRAIN_IS_STATE_STORE (self->store));

  /* About you: what applies follows the country the row shows */
  self->country_row = UNTRAIN_COUNTRY_ROW (untrain_country_row_new (self->settings));
  g_signal_connect_object (self->country_row, "notify::country",
                           G_CALLBACK (update_applies), self, G_CONNECT_SWAPPED);
  age_row = untrain_age_group_row_new (self->settings);
  gtk_widget_set_name (age_row, "age-row");
  adw_preferences_group_add (self->person_group, GTK_WIDGET (self->country_row));
  adw_preferences_group_add (self->person_group, age_row);

  /* Your platforms */
  platforms_group = untrain_platforms_group_new (self->settings, self->catalog);
  gtk_widget_set_name (platforms_group, "platforms-group");
  adw_status_page_set_child (self->platforms_page, platforms_group);

  /* Reminders */
  g_settings_bind (self->settings, "reminder-enabled",
                   self->reminder_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reminder-interval-days",
                   gtk_spin_button_get_adjustment (self->interval_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reminder-enabled",
                   self->interval_row, "sensitive",
                   G_SETTINGS_BIND_GET);

  update_applies (self);
  update_connect (self);

  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (on_settings_changed_cb), self, G_CONNECT_SWAPPED);

  /* Resume where the person left off, once the carousel knows where its
   * pages are: see untrain_wizard_size_allocate().
   */
  self->page = MIN (g_settings_get_uint (self->settings, "wizard-page"), N_PAGES - 1);
  self->restore_page = TRUE;
  update_page_state (self);
}

static void
untrain_wizard_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  UntrainWizard *self = UNTRAIN_WIZARD (widget);

  /* Before what is inside is laid out, as on the platform page (see
   * untrain_platform_page_size_allocate()): what changes is inside the
   * carousel's scrolled pages.
   */
  set_narrow (self, untrain_is_narrow (widget, width));

  GTK_WIDGET_CLASS (untrain_wizard_parent_class)->size_allocate (widget, width, height, baseline);

  self->allocated = TRUE;
  if (self->restore_page)
    {
      self->restore_page = FALSE;
      go_to_page (self, self->page, FALSE);

      /* The carousel moved: lay it out again before it is drawn. */
      GTK_WIDGET_CLASS (untrain_wizard_parent_class)->size_allocate (widget, width, height, baseline);
    }
}

static void
untrain_wizard_dispose (GObject *object)
{
  UntrainWizard *self = (UntrainWizard *)object;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), UNTRAIN_TYPE_WIZARD);

  g_clear_pointer (&self->models, g_ptr_array_unref);
  g_clear_pointer (&self->applies_rows, g_ptr_array_unref);
  g_clear_pointer (&self->connect_rows, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->catalog);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (untrain_wizard_parent_class)->dispose (object);
}

static void
untrain_wizard_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  UntrainWizard *self = UNTRAIN_WIZARD (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_wizard_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  UntrainWizard *self = UNTRAIN_WIZARD (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;

    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_wizard_class_init (UntrainWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = untrain_wizard_constructed;
  object_class->dispose = untrain_wizard_dispose;
  object_class->get_property = untrain_wizard_get_property;
  object_class->set_property = untrain_wizard_set_property;

  widget_class->size_allocate = untrain_wizard_size_allocate;

  /**
   * UntrainWizard:settings:
   *
   * Untrain's settings, where every answer goes.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * UntrainWizard:catalog:
   *
   * The platforms to offer and to tell about.
   */
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         UNTRAIN_TYPE_CATALOG,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * UntrainWizard:store:
   *
   * What the person already did, for "what applies to you".
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         UNTRAIN_TYPE_STATE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UntrainWizard::finished:
   *
   * The person went through to the end: `first-run-done` is set, and the
   * wizard closes. The application shows the checklist.
   */
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/untrain-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, UntrainWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, UntrainWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, UntrainWizard, carousel);
  gtk_widget_class_bind_template_child (widget_class, UntrainWizard, person_group);
  gtk_widget_class_bind_template_child (widget_class, UntrainWizard, applies_group);
  gtk_widget_class_bind_template_child (widget_class, UntrainWizard, platforms_page);
  gtk_widget_class_bind_template_child (widget_class, UntrainWizard, connect_group);
  gtk_widget_class_bind_template_child (widget_class, UntrainWizard, connect_empty_label);
  gtk_widget_class_bind_template_child (widget_class, UntrainWizard, reminder_switch);
  gtk_widget_class_bind_template_child (widget_class, UntrainWizard, interval_row);
  gtk_widget_class_bind_template_child (widget_class, UntrainWizard, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, UntrainWizard, finish_button);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed_cb);

  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "wizard.finish", NULL, finish_action);
  gtk_widget_class_install_action (widget_class, "wizard.connect", "s", connect_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "wizard.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "wizard.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "wizard.next", NULL);

  /* The answers are saved already: Escape just closes. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
untrain_wizard_init (UntrainWizard *self)
{
  self->scrolling_to = -1;
  self->applies_rows = g_ptr_array_new ();
  self->connect_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * untrain_wizard_new:
 * @application: (nullable): the application
 * @settings: Untrain's settings, where the answers go
 * @catalog: the platforms
 * @store: what the person already did
 *
 * Returns: (transfer none): the first-run wizard, on the page where the
 *   person left it
 */
GtkWidget *
untrain_wizard_new (GtkApplication    *application,
                    GSettings         *settings,
                    UntrainCatalog    *catalog,
                    UntrainStateStore *store)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (UNTRAIN_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (UNTRAIN_IS_STATE_STORE (store), NULL);

  return g_object_new (UNTRAIN_TYPE_WIZARD,
                       "application", application,
                       "settings", settings,
                       "catalog", catalog,
                       "store", store,
                       NULL);
}

/**
 * untrain_wizard_get_page:
 *
 * Returns: the index of the page the wizard shows or is moving to, as
 *   saved in `wizard-page`
 */
guint
untrain_wizard_get_page (UntrainWizard *self)
{
  g_return_val_if_fail (UNTRAIN_IS_WIZARD (self), 0);

  return self->page;
}
