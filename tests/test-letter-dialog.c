/* test-letter-dialog.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "untrain-catalog.h"
#include "untrain-letter-dialog.h"
#include "untrain-state-store.h"
#include "untrain-status-model.h"
#include "untrain-test-utils.h"

/* The objection-letter helper under Xvfb, for LinkedIn's objection form,
 * with the state in this test's own folders and a fixed clock: the person
 * lives in Germany, is 30, and today is 29 November 2026.
 */

#define NOW "2026-11-29T12:00:00Z"
#define ITEM_ID "objection-form"
#define FORM_URL "https://www.linkedin.com/help/linkedin/ask/TS-DPRO"

typedef struct
{
  UntrainCatalog     *catalog;
  UntrainStateStore  *store;
  UntrainStatusModel *model;
} Fixture;

static UntrainStateStore *
load_store (void)
{
  g_autoptr(GFile) file = untrain_test_get_state_file ();
  g_autoptr(UntrainStateStore) store = untrain_state_store_new (file);
  g_autoptr(GError) error = NULL;

  g_assert_true (untrain_state_store_load (store, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&store);
}

static void
set_now (Fixture    *fixture,
         const char *iso8601)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (now);
  untrain_status_model_set_now (fixture->model, now);
}

static void
fixture_set_up_for (Fixture    *fixture,
                    const char *country)
{
  fixture->catalog = untrain_test_load_catalog ();
  fixture->store = load_store ();
  fixture->model = untrain_status_model_new (untrain_catalog_lookup (fixture->catalog, "linkedin"),
                                             fixture->store, country, 30);
  set_now (fixture, NOW);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture_set_up_for (fixture, "DE");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->model);
  g_assert_finalize_object (fixture->store);
  g_assert_finalize_object (fixture->catalog);
}

static void
set_date (GDate *date,
          int    day,
          int    month,
          int    year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static void
assert_date (const GDate *date,
             int          day,
             int          month,
             int          year)
{
  g_assert_nonnull (date);
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_day (date), ==, day);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_year (date), ==, year);
}

/* The dialog, shown and drawn, with a reference of the test's own so that
 * it can assert the dialog goes away when it is closed.
 */
static UntrainLetterDialog *
open_dialog (Fixture *fixture,
             int      day,
             int      month,
             int      year)
{
  UntrainLetterDialog *dialog;
  GDate today;

  set_date (&today, day, month, year);
  dialog = g_object_new (UNTRAIN_TYPE_LETTER_DIALOG,
                         "model", fixture->model,
                         "item-id", ITEM_ID,
                         "today", &today,
                         NULL);
  g_object_ref (dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));

  return dialog;
}

static void
close_dialog (UntrainLetterDialog *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

static GtkWidget *
get_child (UntrainLetterDialog *dialog,
           const char          *id)
{
  GtkWidget *child = untrain_test_find_buildable (GTK_WIDGET (dialog), id);

  if (child == NULL)
    g_error ("The dialog has no “%s”", id);

  return child;
}

static void
type_details (UntrainLetterDialog *dialog,
              const char          *name,
              const char          *email,
              const char          *profile_url)
{
  gtk_editable_set_text (GTK_EDITABLE (get_child (dialog, "name_row")), name);
  gtk_editable_set_text (GTK_EDITABLE (get_child (dialog, "email_row")), email);
  gtk_editable_set_text (GTK_EDITABLE (get_child (dialog, "profile_row")), profile_url);
}

/* The letter as the text view shows it. */
static char *
get_letter (UntrainLetterDialog *dialog)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (get_child (dialog, "text_view")));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
assert_letter_has (UntrainLetterDialog *dialog,
                   const char          *text)
{
  g_autofree char *letter = get_letter (dialog);

  if (strstr (letter, text) == NULL)
    g_error ("The letter lacks “%s”:\n%s", text, letter);
}

static void
assert_letter_lacks (UntrainLetterDialog *dialog,
                     const char          *text)
{
  g_autofree char *letter = get_letter (dialog);

  if (strstr (letter, text) != NULL)
    g_error ("The letter has “%s”:\n%s", text, letter);
}

static void
activate (UntrainLetterDialog *dialog,
          const char          *action_name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), action_name, NULL));
}

static void
test_draft (Fixture       *fixture,
            gconstpointer  user_data)
{
  UntrainLetterDialog *dialog = open_dialog (fixture, 29, G_DATE_NOVEMBER, 2026);
  GtkLabel *legal_basis = GTK_LABEL (get_child (dialog, "legal_basis_label"));

  /* Nothing typed yet: the letter drafts all the same, with placeholders. */
  assert_letter_has (dialog, "[Your name]");
  assert_letter_has (dialog, "[Your email address]");
  assert_letter_has (dialog, "[Your profile address]");
  assert_letter_has (dialog, "Article 21(1) GDPR");
  assert_letter_has (dialog, "29 November 2026");
  g_assert_nonnull (untrain_test_find_label (GTK_WIDGET (dialog), "Untrain never sends anything"));
  g_assert_cmpstr (gtk_label_get_text (legal_basis), ==,
                   "Based on Article 21(1) GDPR, because you live in Germany");

  type_details (dialog, "Ada Lovelace", "ada@example.org", "https://www.linkedin.com/in/ada");

  assert_letter_has (dialog, "Name: Ada Lovelace");
  assert_letter_has (dialog, "Email address: ada@example.org");
  assert_letter_has (dialog, "Profile: https://www.linkedin.com/in/ada");
  assert_letter_has (dialog, "Article 21(1) GDPR");
  assert_letter_lacks (dialog, "[Your");

  /* The answer part shows only once something was sent. */
  g_assert_false (gtk_widget_get_visible (get_child (dialog, "answer_group")));
  g_assert_false (gtk_widget_get_sensitive (untrain_test_find_action_button (GTK_WIDGET (dialog), "letter.answer-received")));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "letter.answer-received", NULL);
  g_assert_false (g_date_valid (untrain_item_status_get_answer_received_on (untrain_status_model_lookup (fixture->model, ITEM_ID))));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (get_child (dialog, "submitted_button"))), ==,
                   "I _Submitted It");

  close_dialog (dialog);
}

static void
test_legal_basis_by_country (void)
{
  static const struct { const char *country; const char *law; const char *sentence; } cases[] = {
    { "DE", "Article 21(1) GDPR", "Based on Article 21(1) GDPR, because you live in Germany" },
    { "GB", "Article 21(1) UK GDPR", "Based on Article 21(1) UK GDPR, because you live in United Kingdom" },
    { "CH", "Federal Act on Data Protection", "Based on the revised Federal Act on Data Protection, because you live in Switzerland" },
    { "CA", "principle 4.3.8 of the Personal Information Protection and Electronic Documents Act (PIPEDA)", "Based on principle 4.3.8 of PIPEDA, because you live in Canada" },
    { "HK", "Personal Data (Privacy) Ordinance", "Based on the Personal Data (Privacy) Ordinance, because you live in Hong Kong" },
    { "US", "I object to the use of my personal data", "The letter asks without citing a law: Untrain knows of none to cite in United States" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Fixture fixture;
      UntrainLetterDialog *dialog;

      fixture_set_up_for (&fixture, cases[i].country);
      dialog = open_dialog (&fixture, 29, G_DATE_NOVEMBER, 2026);
      type_details (dialog, "Grace Hopper", "grace@example.org", "");

      assert_letter_has (dialog, cases[i].law);
      assert_letter_has (dialog, "Grace Hopper");
      assert_letter_has (dialog, "grace@example.org");
      assert_letter_has (dialog, "[Your profile address]");
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_child (dialog, "legal_basis_label"))), ==,
                       cases[i].sentence);
      if (g_str_equal (cases[i].country, "US"))
        assert_letter_lacks (dialog, "GDPR");

      close_dialog (dialog);
      fixture_tear_down (&fixture, NULL);
    }
}

static void
test_edit_and_reset (Fixture       *fixture,
                     gconstpointer  user_data)
{
  UntrainLetterDialog *dialog = open_dialog (fixture, 29, G_DATE_NOVEMBER, 2026);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (get_child (dialog, "text_view")));
  GtkWidget *reset_button = untrain_test_find_action_button (GTK_WIDGET (dialog), "letter.reset");
  GtkTextIter end;

  g_assert_nonnull (reset_button);
  type_details (dialog, "Ada Lovelace", "ada@example.org", "");
  g_assert_false (gtk_widget_get_sensitive (reset_button));

  /* The person's own words stay when the details change… */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\n\nP.S. In my own words.", -1);
  g_assert_true (gtk_widget_get_sensitive (reset_button));

  gtk_editable_set_text (GTK_EDITABLE (get_child (dialog, "name_row")), "Ada King");
  assert_letter_has (dialog, "P.S. In my own words.");
  assert_letter_has (dialog, "Ada Lovelace");
  assert_letter_lacks (dialog, "Ada King");

  /* …until Reset Text drafts it again. */
  activate (dialog, "letter.reset");
  assert_letter_lacks (dialog, "P.S.");
  assert_letter_has (dialog, "Name: Ada King");
  g_assert_false (gtk_widget_get_sensitive (reset_button));

  /* And the details drive it again. */
  gtk_editable_set_text (GTK_EDITABLE (get_child (dialog, "name_row")), "Augusta Ada King");
  assert_letter_has (dialog, "Name: Augusta Ada King");

  close_dialog (dialog);
}

static void
test_copy (Fixture       *fixture,
           gconstpointer  user_data)
{
  UntrainLetterDialog *dialog = open_dialog (fixture, 29, G_DATE_NOVEMBER, 2026);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (get_child (dialog, "text_view")));
  g_autofree char *copied = NULL;
  g_autofree char *letter = NULL;
  GtkTextIter end;

  type_details (dialog, "Ada Lovelace", "ada@example.org", "");
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\nP.S.", -1);

  activate (dialog, "letter.copy");

  /* What is copied is the letter as edited, and the person is told. */
  copied = untrain_test_read_clipboard (GTK_WIDGET (dialog));
  letter = get_letter (dialog);
  g_assert_cmpstr (copied, ==, letter);
  g_assert_nonnull (strstr (copied, "Ada Lovelace"));
  g_assert_true (g_str_has_suffix (copied, "\nP.S."));
  g_assert_nonnull (untrain_test_find_label (GTK_WIDGET (dialog), "Letter copied"));

  close_dialog (dialog);
}

static gboolean
clipboard_has_url (gpointer user_data)
{
  GtkWidget *widget = user_data;
  g_autofree char *text = untrain_test_read_clipboard (widget);

  return g_strcmp0 (text, FORM_URL) == 0;
}

static void
test_open_form_without_browser (Fixture       *fixture,
                                gconstpointer  user_data)
{
  UntrainLetterDialog *dialog;

  /* The isolated XDG_DATA_DIRS hold no application for https://; a
   * portal would open a real browser.
   */
  if (g_getenv ("GTK_USE_PORTAL") != NULL)
    {
      g_test_skip ("GTK_USE_PORTAL is set: a browser might open");
      return;
    }

  dialog = open_dialog (fixture, 29, G_DATE_NOVEMBER, 2026);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), "nothing yet");

  activate (dialog, "letter.open-form");

  /* The form's address is copied instead, and the person is told. */
  untrain_test_wait_until (clipboard_has_url, dialog);
  g_assert_nonnull (untrain_test_find_label (GTK_WIDGET (dialog), "Could not open a browser"));

  close_dialog (dialog);
}

static void
test_submitted_and_follow_up (Fixture       *fixture,
                              gconstpointer  user_data)
{
  UntrainLetterDialog *dialog = open_dialog (fixture, 29, G_DATE_NOVEMBER, 2026);
  UntrainItemStatus *item_status = untrain_status_model_lookup (fixture->model, ITEM_ID);
  GtkWidget *answer_group;

  g_assert_cmpint (untrain_item_status_get_status (item_status), ==, UNTRAIN_STATUS_ACTION_NEEDED);
  type_details (dialog, "Ada Lovelace", "ada@example.org", "https://www.linkedin.com/in/ada");

  /* Sent today: done, by the person's word, the answer due a month on. */
  activate (dialog, "letter.submitted");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_finalize_object (dialog);

  g_assert_cmpint (untrain_item_status_get_status (item_status), ==, UNTRAIN_STATUS_DONE);
  g_assert_cmpint (untrain_item_status_get_evidence (item_status), ==, UNTRAIN_EVIDENCE_CONFIRMED);
  assert_date (untrain_item_status_get_submitted_on (item_status), 29, G_DATE_NOVEMBER, 2026);
  assert_date (untrain_item_status_get_answer_due (item_status), 29, G_DATE_DECEMBER, 2026);
  g_assert_false (untrain_item_status_needs_follow_up (item_status));

  /* Before the due date, the dialog says what it waits for. */
  dialog = open_dialog (fixture, 10, G_DATE_DECEMBER, 2026);
  answer_group = get_child (dialog, "answer_group");
  g_assert_true (gtk_widget_get_visible (answer_group));
  g_assert_nonnull (untrain_test_find_label (answer_group, "LinkedIn’s answer is due by 29 December 2026"));
  g_assert_nonnull (untrain_test_find_label (answer_group, "You sent it on 29 November 2026"));
  /* …and the day it was sent is that day, not today. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (get_child (dialog, "sent_on_row"))), ==,
                   "29 November 2026");
  assert_letter_lacks (dialog, "I ask you again");
  close_dialog (dialog);

  /* Past the due date without an answer: a follow-up is needed. */
  set_now (fixture, "2027-01-05T09:00:00Z");
  g_assert_cmpint (untrain_item_status_get_status (item_status), ==, UNTRAIN_STATUS_ACTION_NEEDED);
  g_assert_true (untrain_item_status_needs_follow_up (item_status));

  dialog = open_dialog (fixture, 5, G_DATE_JANUARY, 2027);
  assert_letter_has (dialog, "On 29 November 2026");
  assert_letter_has (dialog, "due by 29 December 2026");
  assert_letter_has (dialog, "I ask you again");
  assert_letter_has (dialog, "5 January 2027");
  assert_letter_has (dialog, "Article 21(1) GDPR");
  /* The details came back from the store. */
  assert_letter_has (dialog, "Name: Ada Lovelace");
  assert_letter_has (dialog, "ada@example.org");
  g_assert_nonnull (untrain_test_find_label (GTK_WIDGET (dialog), "answer was due on 29 December 2026"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Follow-Up Letter");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (get_child (dialog, "submitted_button"))), ==,
                   "I Sent the _Follow-Up");

  /* The answer came after all. */
  activate (dialog, "letter.answer-received");
  g_assert_finalize_object (dialog);

  g_assert_cmpint (untrain_item_status_get_status (item_status), ==, UNTRAIN_STATUS_DONE);
  g_assert_false (untrain_item_status_needs_follow_up (item_status));
  assert_date (untrain_item_status_get_answer_received_on (item_status), 5, G_DATE_JANUARY, 2027);
}

static void
test_follow_up_sent (Fixture       *fixture,
                     gconstpointer  user_data)
{
  UntrainItemStatus *item_status = untrain_status_model_lookup (fixture->model, ITEM_ID);
  g_autoptr(GError) error = NULL;
  UntrainLetterDialog *dialog;
  GDate submitted_on;

  set_date (&submitted_on, 29, G_DATE_NOVEMBER, 2026);
  g_assert_true (untrain_status_model_record_submission (fixture->model, ITEM_ID, &submitted_on, &error));
  g_assert_no_error (error);
  set_now (fixture, "2027-01-05T09:00:00Z");
  g_assert_true (untrain_item_status_needs_follow_up (item_status));

  /* Sending the follow-up starts a new month of waiting. */
  dialog = open_dialog (fixture, 5, G_DATE_JANUARY, 2027);
  activate (dialog, "letter.submitted");
  g_assert_finalize_object (dialog);

  g_assert_cmpint (untrain_item_status_get_status (item_status), ==, UNTRAIN_STATUS_DONE);
  g_assert_false (untrain_item_status_needs_follow_up (item_status));
  assert_date (untrain_item_status_get_submitted_on (item_status), 5, G_DATE_JANUARY, 2027);
  assert_date (untrain_item_status_get_answer_due (item_status), 5, G_DATE_FEBRUARY, 2027);
}

static void
test_sent_on_another_day (Fixture       *fixture,
                          gconstpointer  user_data)
{
  UntrainItemStatus *item_status = untrain_status_model_lookup (fixture->model, ITEM_ID);
  UntrainLetterDialog *dialog = open_dialog (fixture, 29, G_DATE_NOVEMBER, 2026);
  GtkCalendar *calendar = GTK_CALENDAR (get_child (dialog, "calendar"));
  AdwActionRow *sent_on_row = ADW_ACTION_ROW (get_child (dialog, "sent_on_row"));
  g_autoptr(GDateTime) tomorrow = g_date_time_new_local (2026, 11, 30, 12, 0, 0);
  g_autoptr(GDateTime) last_week = g_date_time_new_local (2026, 11, 20, 12, 0, 0);

  g_assert_cmpstr (adw_action_row_get_subtitle (sent_on_row), ==, "29 November 2026");

  /* Nobody sent it tomorrow. */
  gtk_calendar_select_day (calendar, tomorrow);
  g_assert_cmpstr (adw_action_row_get_subtitle (sent_on_row), ==, "29 November 2026");

  gtk_calendar_select_day (calendar, last_week);
  g_assert_cmpstr (adw_action_row_get_subtitle (sent_on_row), ==, "20 November 2026");

  activate (dialog, "letter.submitted");
  g_assert_finalize_object (dialog);

  assert_date (untrain_item_status_get_submitted_on (item_status), 20, G_DATE_NOVEMBER, 2026);
  assert_date (untrain_item_status_get_answer_due (item_status), 20, G_DATE_DECEMBER, 2026);
}

static gboolean
store_file_has_name (gpointer user_data)
{
  g_autoptr(UntrainStateStore) store = load_store ();
  g_autofree char *name = untrain_state_store_get_contact (store, "name");

  return g_strcmp0 (name, user_data) == 0;
}

static void
test_details_persist (Fixture       *fixture,
                      gconstpointer  user_data)
{
  UntrainLetterDialog *dialog = open_dialog (fixture, 29, G_DATE_NOVEMBER, 2026);
  g_autoptr(UntrainStateStore) reloaded = NULL;
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *profile_url = NULL;

  type_details (dialog, "Ada Lovelace", "ada@example.org", "https://www.linkedin.com/in/ada");

  /* Saved to disk shortly after typing, with the dialog still open. */
  untrain_test_wait_until (store_file_has_name, (gpointer)"Ada Lovelace");

  /* What is typed last is saved when the dialog closes. */
  gtk_editable_set_text (GTK_EDITABLE (get_child (dialog, "email_row")), "ada@example.com");
  close_dialog (dialog);

  reloaded = load_store ();
  name = untrain_state_store_get_contact (reloaded, "name");
  email = untrain_state_store_get_contact (reloaded, "email");
  profile_url = untrain_state_store_get_contact (reloaded, "profile-url");
  g_assert_cmpstr (name, ==, "Ada Lovelace");
  g_assert_cmpstr (email, ==, "ada@example.com");
  g_assert_cmpstr (profile_url, ==, "https://www.linkedin.com/in/ada");

  /* The next letter starts from them. */
  dialog = open_dialog (fixture, 29, G_DATE_NOVEMBER, 2026);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_child (dialog, "name_row"))), ==, "Ada Lovelace");
  assert_letter_has (dialog, "Email address: ada@example.com");

  /* Emptying a field forgets it. */
  gtk_editable_set_text (GTK_EDITABLE (get_child (dialog, "profile_row")), "");
  close_dialog (dialog);

  g_clear_object (&reloaded);
  g_clear_pointer (&profile_url, g_free);
  reloaded = load_store ();
  profile_url = untrain_state_store_get_contact (reloaded, "profile-url");
  g_assert_null (profile_url);
}

static void
test_escape_closes (Fixture       *fixture,
                    gconstpointer  user_data)
{
  UntrainLetterDialog *dialog = open_dialog (fixture, 29, G_DATE_NOVEMBER, 2026);
  UntrainItemStatus *item_status = untrain_status_model_lookup (fixture->model, ITEM_ID);
  const GDate *submitted_on;

  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (untrain_test_has_shortcut (GTK_WIDGET (dialog), "Escape", "window.close"));

  /* Closing records nothing. */
  activate (dialog, "window.close");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_finalize_object (dialog);

  submitted_on = untrain_item_status_get_submitted_on (item_status);
  g_assert_cmpint (untrain_item_status_get_status (item_status), ==, UNTRAIN_STATUS_ACTION_NEEDED);
  g_assert_true (submitted_on == NULL || !g_date_valid (submitted_on));
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  user_data)
{
  UntrainLetterDialog *dialog;
  GDate today;

  set_date (&today, 29, G_DATE_NOVEMBER, 2026);
  dialog = g_object_new (UNTRAIN_TYPE_LETTER_DIALOG,
                         "model", fixture->model,
                         "item-id", ITEM_ID,
                         "today", &today,
                         "default-width", 360,
                         "default-height", 640,
                         NULL);
  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));

  /* Everything fits a phone's width. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dialog)), <=, 360);
  g_assert_cmpint (gtk_widget_get_width (get_child (dialog, "text_view")), <=, 360);

  close_dialog (dialog);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  untrain_test_init_widgets (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/letter-dialog/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("draft", test_draft);
  g_test_add_func ("/letter-dialog/legal-basis-by-country", test_legal_basis_by_country);
  ADD ("edit-and-reset", test_edit_and_reset);
  ADD ("copy", test_copy);
  ADD ("open-form-without-browser", test_open_form_without_browser);
  ADD ("submitted-and-follow-up", test_submitted_and_follow_up);
  ADD ("follow-up-sent", test_follow_up_sent);
  ADD ("sent-on-another-day", test_sent_on_another_day);
  ADD ("details-persist", test_details_persist);
  ADD ("escape-closes", test_escape_closes);
  ADD ("narrow", test_narrow);

#undef ADD

  return g_test_run ();
}
