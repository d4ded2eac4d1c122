/* untrain-letter-dialog.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-letter-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "untrain-letter.h"
#include "untrain-letter-dialog.h"

/* How long the person's details wait after the last key before they are
 * written to disk.
 */
#define SAVE_DELAY_MS 500

/* The objection-letter helper of a form item: drafts the letter (or, once
 * the answer is overdue, the follow-up) from the person's details and the
 * law of their country, lets them edit and copy it and open the form, and
 * records when they sent it and when the answer came. It sends nothing:
 * the details stay in the state store on this computer.
 */
struct _UntrainLetterDialog
{
  AdwWindow            parent_instance;

  UntrainStatusModel  *model;
  char                *item_id;
  char                *form_url;
  UntrainItemStatus   *item_status;
  GDate                today;
  GDate                sent_on;
  UntrainLetterKind    kind;
  guint                save_source;
  guint                edited : 1;   /* the person changed the text by hand */
  guint                filling : 1;  /* the dialog is writing the text */

  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkLabel            *intro_label;
  AdwEntryRow         *name_row;
  AdwEntryRow         *email_row;
  AdwEntryRow         *profile_row;
  GtkLabel            *legal_basis_label;
  GtkTextView         *text_view;
  AdwActionRow        *open_form_row;
  AdwActionRow        *sent_on_row;
  GtkMenuButton       *date_button;
  GtkCalendar         *calendar;
  GtkButton           *submitted_button;
  AdwPreferencesGroup *answer_group;
  AdwActionRow        *answer_row;
};

enum {
  PROP_0,
  PROP_MODEL,
  PROP_ITEM_ID,
  PROP_TODAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UntrainLetterDialog, untrain_letter_dialog, ADW_TYPE_WINDOW)

static const char *
get_platform_name (UntrainLetterDialog *self)
{
  return untrain_platform_get_name (untrain_status_model_get_platform (self->model));
}

static void
show_toast (UntrainLetterDialog *self,
            const char          *title)
{
  /* Closed meanwhile: nobody to tell. */
  if (self->toast_overlay == NULL)
    return;

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
set_text (UntrainLetterDialog *self,
          const char          *text)
{
  self->filling = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
  self->filling = FALSE;
}

static void
set_edited (UntrainLetterDialog *self,
            gboolean             edited)
{
  self->edited = !!edited;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.reset", self->edited);
}

/* Drafts the letter again from the details as they are now, unless the
 * person has rewritten it: their words win until "Reset Text".
 */
static void
update_letter (UntrainLetterDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *letter = NULL;
  UntrainLetterSender sender;

  if (self->edited)
    return;

  sender.name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  sender.email = gtk_editable_get_text (GTK_EDITABLE (self->email_row));
  sender.profile_url = gtk_editable_get_text (GTK_EDITABLE (self->profile_row));

  letter = untrain_letter_draft (self->kind,
                                 get_platform_name (self),
                                 untrain_status_model_get_country (self->model),
                                 &sender,
                                 &self->today,
                                 untrain_item_status_get_submitted_on (self->item_status),
                                 untrain_item_status_get_answer_due (self->item_status),
                                 &error);
  if (letter == NULL)
    {
      g_warning ("Could not draft the letter: %s", error->message);
      return;
    }

  set_text (self, letter);
}

static gboolean
save_details_cb (gpointer user_data)
{
  UntrainLetterDialog *self = user_data;
  g_autoptr(GError) error = NULL;

  self->save_source = 0;

  if (!untrain_state_store_save (untrain_status_model_get_store (self->model), &error))
    {
      g_autofree char *message = NULL;

      /* Translators: the error says why, as in “Could not save your details: No space left on device” */
      message = g_strdup_printf (_("Could not save your details: %s"), error->message);
      show_toast (self, message);
    }

  return G_SOURCE_REMOVE;
}

static void
detail_changed_cb (UntrainLetterDialog *self,
                   GtkEditable         *row)
{
  UntrainStateStore *store = untrain_status_model_get_store (self->model);
  g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (row)));
  const char *field;

  if (row == GTK_EDITABLE (self->name_row))
    field = "name";
  else if (row == GTK_EDITABLE (self->email_row))
    field = "email";
  else
    field = "profile-url";

  untrain_state_store_set_contact (store, field, value);

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_details_cb, self);

  update_letter (self);
}

static void
buffer_changed_cb (UntrainLetterDialog *self,
                   GtkTextBuffer       *buffer)
{
  if (!self->filling && !self->edited)
    set_edited (self, TRUE);
}

static void
update_sent_on (UntrainLetterDialog *self)
{
  g_autofree char *label = untrain_format_date (&self->sent_on);

  adw_action_row_set_subtitle (self->sent_on_row, label);
  /* What the button changes, for whoever hears it rather than reads it */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, label,
                                  -1);
}

static void
calendar_day_selected_cb (UntrainLetterDialog *self,
                          GtkCalendar         *calendar)
{
  g_autoptr(GDateTime) date_time = gtk_calendar_get_date (calendar);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date,
                  g_date_time_get_day_of_month (date_time),
                  g_date_time_get_month (date_time),
                  g_date_time_get_year (date_time));

  /* Nobody sent it tomorrow. */
  if (g_date_compare (&date, &self->today) > 0)
    date = self->today;

  self->sent_on = date;
  update_sent_on (self);
}

static void
select_day (GtkCalendar *calendar,
            const GDate *date)
{
  g_autoptr(GDateTime) date_time = NULL;

  date_time = g_date_time_new_local (g_date_get_year (date),
                                     g_date_get_month (date),
                                     g_date_get_day (date),
                                     12, 0, 0);
  gtk_calendar_select_day (calendar, date_time);
}

static void
update_intro (UntrainLetterDialog *self)
{
  const char *platform_name = get_platform_name (self);
  const GDate *answer_due = untrain_item_status_get_answer_due (self->item_status);
  g_autofree char *intro = NULL;
  g_autofree char *open_form = NULL;

  if (self->kind == UNTRAIN_LETTER_FOLLOW_UP)
    {
      g_autofree char *due = untrain_format_date (answer_due);

      adw_window_title_set_title (self->window_title, _("Follow-Up Letter"));
      gtk_window_set_title (GTK_WINDOW (self), _("Follow-Up Letter"));
      /* Translators: “LinkedIn’s answer was due on 29 December 2026 and has not come. …” */
      intro = g_strdup_printf (_("%s’s answer was due on %s and has not come. This follow-up letter asks again. "
                                 "Untrain never sends anything: copy the letter, open the form and send it yourself."),
                               platform_name, due);
      gtk_button_set_label (self->submitted_button, _("I Sent the _Follow-Up"));
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Objection Letter"));
      /* Translators: “This letter asks LinkedIn to stop using your data …” */
      intro = g_strdup_printf (_("This letter asks %s to stop using your data to train AI models. "
                                 "Untrain never sends anything: copy the letter, open the form and send it yourself."),
                               platform_name);
      gtk_button_set_label (self->submitted_button, _("I _Submitted It"));
    }

  adw_window_title_set_subtitle (self->window_title, platform_name);
  gtk_label_set_label (self->intro_label, intro);

  /* Translators: “Open LinkedIn’s form and paste the letter there” */
  open_form = g_strdup_printf (_("Open %s’s form and paste the letter there"), platform_name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->open_form_row), open_form);
}

/* Where the last letter stands: sent and waiting, overdue, or answered. */
static void
update_answer (UntrainLetterDialog *self)
{
  const GDate *submitted_on = untrain_item_status_get_submitted_on (self->item_status);
  const GDate *answer_due = untrain_item_status_get_answer_due (self->item_status);
  const GDate *received_on = untrain_item_status_get_answer_received_on (self->item_status);
  const char *platform_name = get_platform_name (self);
  g_autofree char *title = NULL;
  g_autofree char *sent = NULL;
  g_autofree char *subtitle = NULL;

  /* Nothing sent, no answer to wait for. */
  if (submitted_on == NULL || !g_date_valid (submitted_on))
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.answer-received", FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->answer_group), FALSE);
      return;
    }

  if (received_on != NULL && g_date_valid (received_on))
    {
      g_autofree char *received = untrain_format_date (received_on);

      /* Translators: “LinkedIn answered on 10 December 2026” */
      title = g_strdup_printf (_("%s answered on %s"), platform_name, received);
    }
  else if (answer_due != NULL && g_date_valid (answer_due))
    {
      g_autofree char *due = untrain_format_date (answer_due);

      if (self->kind == UNTRAIN_LETTER_FOLLOW_UP)
        /* Translators: “Did LinkedIn answer after all?” */
        title = g_strdup_printf (_("Did %s answer after all?"), platform_name);
      else
        /* Translators: “LinkedIn’s answer is due by 29 December 2026” */
        title = g_strdup_printf (_("%s’s answer is due by %s"), platform_name, due);
    }
  else
    {
      /* Translators: “Waiting for LinkedIn’s answer” */
      title = g_strdup_printf (_("Waiting for %s’s answer"), platform_name);
    }

  sent = untrain_format_date (submitted_on);
  /* Translators: “You sent it on 29 November 2026” */
  subtitle = g_strdup_printf (_("You sent it on %s"), sent);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->answer_row), title);
  adw_action_row_set_subtitle (self->answer_row, subtitle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.answer-received",
                                 received_on == NULL || !g_date_valid (received_on));
  gtk_widget_set_visible (GTK_WIDGET (self->answer_group), TRUE);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UntrainLetterDialog *self = UNTRAIN_LETTER_DIALOG (widget);
  g_autofree char *text = untrain_letter_dialog_get_text (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  show_toast (self, _("Letter copied"));
}

static void
open_form_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(UntrainLetterDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error))
    return;

  g_debug ("Could not open the form: %s", error->message);

  /* The address still reaches the person, even from a closed dialog. */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->form_url);
  show_toast (self, _("Could not open a browser. The form’s address was copied: paste it into your browser."));
}

static void
open_form_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UntrainLetterDialog *self = UNTRAIN_LETTER_DIALOG (widget);
  g_return_if_fail (self->form_url != NULL);

  gtk_show_uri_full (GTK_WINDOW (self), self->form_url, GDK_CURRENT_TIME, NULL,
                     open_form_cb, g_object_ref (self));
}

static void
submitted_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UntrainLetterDialog *self = UNTRAIN_LETTER_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!untrain_status_model_record_submission (self->model, self->item_id, &self->sent_on, &error))
    {
      show_toast (self, error->message);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
answer_received_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  UntrainLetterDialog *self = UNTRAIN_LETTER_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!untrain_status_model_record_answer (self->model, self->item_id, &self->today, &error))
    {
      show_toast (self, error->message);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  UntrainLetterDialog *self = UNTRAIN_LETTER_DIALOG (widget);

  set_edited (self, FALSE);
  update_letter (self);
}

static void
fill_detail (UntrainLetterDialog *self,
             AdwEntryRow         *row,
             const char          *field)
{
  g_autofree char *value = untrain_state_store_get_contact (untrain_status_model_get_store (self->model), field);

  gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
  g_signal_connect_object (row, "changed", G_CALLBACK (detail_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
untrain_letter_dialog_constructed (GObject *object)
{
  UntrainLetterDialog *self = (UntrainLetterDialog *)object;
  g_autofree char *legal_basis = NULL;
  g_autoptr(GError) error = NULL;
  UntrainItem *item;

  G_OBJECT_CLASS (untrain_letter_dialog_parent_class)->constructed (object);

  g_return_if_fail (UNTRAIN_IS_STATUS_MODEL (self->model));
  g_return_if_fail (self->item_id != NULL);

  self->item_status = untrain_status_model_lookup (self->model, self->item_id);
  g_return_if_fail (UNTRAIN_IS_ITEM_STATUS (self->item_status));
  g_object_ref (self->item_status);

  item = untrain_item_status_get_item (self->item_status);
  if (untrain_item_get_kind (item) != UNTRAIN_ITEM_KIND_FORM)
    g_critical ("“%s” is not a form: it needs no letter", self->item_id);
  self->form_url = g_strdup (untrain_item_get_url (item));

  if (!g_date_valid (&self->today))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (&self->today,
                      g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }

  self->kind = untrain_item_status_needs_follow_up (self->item_status)
             ? UNTRAIN_LETTER_FOLLOW_UP
             : UNTRAIN_LETTER_OBJECTION;

  legal_basis = untrain_letter_describe_legal_basis (untrain_status_model_get_country (self->model), &error);
  if (legal_basis == NULL)
    g_warning ("Could not describe the letter’s legal basis: %s", error->message);
  gtk_label_set_label (self->legal_basis_label, legal_basis);

  update_intro (self);
  update_answer (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.open-form", self->form_url != NULL);

  /* An objection sent already was sent on the day recorded then; a new
   * letter (a follow-up too) is sent today, most likely.
   */
  if (self->kind == UNTRAIN_LETTER_OBJECTION &&
      g_date_valid (untrain_item_status_get_submitted_on (self->item_status)))
    self->sent_on = *untrain_item_status_get_submitted_on (self->item_status);
  else
    self->sent_on = self->today;
  select_day (self->calendar, &self->sent_on);
  update_sent_on (self);

  fill_detail (self, self->name_row, "name");
  fill_detail (self, self->email_row, "email");
  fill_detail (self, self->profile_row, "profile-url");

  update_letter (self);
  set_edited (self, FALSE);
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
}

/* The person's details are saved when the dialog goes, if they were not
 * yet: nothing typed is lost to the delay.
 */
static void
flush_details (UntrainLetterDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->save_source == 0)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (!untrain_state_store_save (untrain_status_model_get_store (self->model), &error))
    g_warning ("Could not save the letter’s details: %s", error->message);
}

static void
untrain_letter_dialog_dispose (GObject *object)
{
  UntrainLetterDialog *self = (UntrainLetterDialog *)object;

  flush_details (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), UNTRAIN_TYPE_LETTER_DIALOG);
  g_clear_object (&self->item_status);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (untrain_letter_dialog_parent_class)->dispose (object);
}

static void
untrain_letter_dialog_finalize (GObject *object)
{
  UntrainLetterDialog *self = (UntrainLetterDialog *)object;

  g_clear_pointer (&self->item_id, g_free);
  g_clear_pointer (&self->form_url, g_free);

  G_OBJECT_CLASS (untrain_letter_dialog_parent_class)->finalize (object);
}

static void
untrain_letter_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  UntrainLetterDialog *self = UNTRAIN_LETTER_DIALOG (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_ITEM_ID:
      g_value_set_string (value, self->item_id);
      break;

    case PROP_TODAY:
      g_value_set_boxed (value, &self->today);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_letter_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  UntrainLetterDialog *self = UNTRAIN_LETTER_DIALOG (object);
  const GDate *today;

  switch (prop_id)
    {
    case PROP_MODEL:
      self->model = g_value_dup_object (value);
      break;

    case PROP_ITEM_ID:
      self->item_id = g_value_dup_string (value);
      break;

    case PROP_TODAY:
      if ((today = g_value_get_boxed (value)) != NULL && g_date_valid (today))
        self->today = *today;
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_letter_dialog_class_init (UntrainLetterDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = untrain_letter_dialog_constructed;
  object_class->dispose = untrain_letter_dialog_dispose;
  object_class->finalize = untrain_letter_dialog_finalize;
  object_class->get_property = untrain_letter_dialog_get_property;
  object_class->set_property = untrain_letter_dialog_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         UNTRAIN_TYPE_STATUS_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ITEM_ID] =
    g_param_spec_string ("item-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * UntrainLetterDialog:today:
   *
   * The day the letter is dated and, by default, sent: the clock's today
   * unless a test or a preview sets another.
   */
  properties[PROP_TODAY] =
    g_param_spec_boxed ("today", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/untrain-letter-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, UntrainLetterDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, UntrainLetterDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, UntrainLetterDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, UntrainLetterDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, UntrainLetterDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, UntrainLetterDialog, profile_row);
  gtk_widget_class_bind_template_child (widget_class, UntrainLetterDialog, legal_basis_label);
  gtk_widget_class_bind_template_child (widget_class, UntrainLetterDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, UntrainLetterDialog, open_form_row);
  gtk_widget_class_bind_template_child (widget_class, UntrainLetterDialog, sent_on_row);
  gtk_widget_class_bind_template_child (widget_class, UntrainLetterDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, UntrainLetterDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, UntrainLetterDialog, submitted_button);
  gtk_widget_class_bind_template_child (widget_class, UntrainLetterDialog, answer_group);
  gtk_widget_class_bind_template_child (widget_class, UntrainLetterDialog, answer_row);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "letter.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "letter.open-form", NULL, open_form_action);
  gtk_widget_class_install_action (widget_class, "letter.submitted", NULL, submitted_action);
  gtk_widget_class_install_action (widget_class, "letter.answer-received", NULL, answer_received_action);
  gtk_widget_class_install_action (widget_class, "letter.reset", NULL, reset_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
untrain_letter_dialog_init (UntrainLetterDialog *self)
{
  g_date_clear (&self->today, 1);
  g_date_clear (&self->sent_on, 1);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * untrain_letter_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @model: the checklist of the platform written to
 * @item_id: the id of the form item in @model
 *
 * Returns: (transfer none): a modal dialog, not yet shown
 */
GtkWidget *
untrain_letter_dialog_new (GtkWindow          *parent,
                           UntrainStatusModel *model,
                           const char         *item_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (UNTRAIN_IS_STATUS_MODEL (model), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  return g_object_new (UNTRAIN_TYPE_LETTER_DIALOG,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "transient-for", parent,
                       "model", model,
                       "item-id", item_id,
                       NULL);
}

UntrainStatusModel *
untrain_letter_dialog_get_model (UntrainLetterDialog *self)
{
  g_return_val_if_fail (UNTRAIN_IS_LETTER_DIALOG (self), NULL);

  return self->model;
}

const char *
untrain_letter_dialog_get_item_id (UntrainLetterDialog *self)
{
  g_return_val_if_fail (UNTRAIN_IS_LETTER_DIALOG (self), NULL);

  return self->item_id;
}

/**
 * untrain_letter_dialog_get_text:
 *
 * Returns: (transfer full): the letter as it stands, with the person's
 *   own changes
 */
char *
untrain_letter_dialog_get_text (UntrainLetterDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (UNTRAIN_IS_LETTER_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}
