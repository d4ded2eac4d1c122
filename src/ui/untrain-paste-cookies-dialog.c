/* untrain-paste-cookies-dialog.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-paste-cookies-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "untrain-credentials.h"
#include "untrain-paste-cookies-dialog.h"
#include "untrain-provider.h"

/* Connecting an account without Untrain's sign-in window, for people who
 * prefer their own browser: they paste the Cookie header of a request to
 * the platform, or a cookies.txt export, and the dialog keeps just the
 * session cookies of the platform's domain. On success it hands them over
 * with ::cookies-accepted and closes; the caller keeps them in the
 * keyring. What was pasted is a secret: it is never shown in a message,
 * and the text view forgets it when the dialog closes.
 */
struct _UntrainPasteCookiesDialog
{
  AdwWindow        parent_instance;

  UntrainPlatform *platform;

  AdwWindowTitle  *window_title;
  GtkLabel        *intro_label;
  GtkLabel        *header_steps_label;
  GtkTextView     *text_view;
  GtkLabel        *error_label;
  GtkLabel        *keep_label;
};

enum {
  PROP_0,
  PROP_PLATFORM,
  N_PROPS
};

enum {
  COOKIES_ACCEPTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (UntrainPasteCookiesDialog, untrain_paste_cookies_dialog, ADW_TYPE_WINDOW)

static const char *
get_provider (UntrainPasteCookiesDialog *self)
{
  return untrain_platform_get_provider (self->platform);
}

static char *
get_text (UntrainPasteCookiesDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
forget_text (UntrainPasteCookiesDialog *self)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", 0);
}

static void
show_error (UntrainPasteCookiesDialog *self,
            const char                *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->text_view), "error");
}

static void
hide_error (UntrainPasteCookiesDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_label_set_text (self->error_label, "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->text_view), "error");
}

/* A new paste is a new try: the old message no longer applies. */
static void
buffer_changed_cb (UntrainPasteCookiesDialog *self,
                   GtkTextBuffer             *buffer)
{
  hide_error (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "paste-cookies.connect",
                                 gtk_text_buffer_get_char_count (buffer) > 0);
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  UntrainPasteCookiesDialog *self = UNTRAIN_PASTE_COOKIES_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  char *text = get_text (self);
  char *cookies;

  cookies = untrain_cookies_parse (text,
                                   untrain_provider_get_cookie_domain (get_provider (self)),
                                   untrain_provider_get_session_cookie_names (get_provider (self)),
                                   &error);
  untrain_credentials_free_secret (text);

  if (cookies == NULL)
    {
      show_error (self, error->message);
      return;
    }

  g_debug ("Read a %s session from the pasted text", untrain_platform_get_name (self->platform));

  /* A handler may close the dialog itself. */
  g_object_ref (self);
  forget_text (self);
  g_signal_emit (self, signals[COOKIES_ACCEPTED], 0, cookies);
  untrain_credentials_free_secret (cookies);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
untrain_paste_cookies_dialog_constructed (GObject *object)
{
  UntrainPasteCookiesDialog *self = (UntrainPasteCookiesDialog *)object;
  const char *name = untrain_platform_get_name (self->platform);
  const char *domain = untrain_provider_get_cookie_domain (get_provider (self));
  g_autofree char *title = NULL;
  g_autofree char *intro = NULL;
  g_autofree char *steps = NULL;
  g_autofree char *keep = NULL;

  G_OBJECT_CLASS (untrain_paste_cookies_dialog_parent_class)->constructed (object);

  /* Translators: the dialog's title, as in “Connect LinkedIn” */
  title = g_strdup_printf (_("Connect %s"), name);
  adw_window_title_set_subtitle (self->window_title, title);

  /* Translators: the first %s is a platform's name, as in “LinkedIn”; the second its domain, as in “linkedin.com” */
  intro = g_strdup_printf (_("Sign in to %s in your web browser as you always do, then copy its cookies and paste them here. Untrain keeps only the cookies of your session, and sends them only to %s."),
                           name, domain);
  gtk_label_set_text (self->intro_label, intro);

  /* Translators: %s is a platform's home page, as in “https://www.linkedin.com/” */
  steps = g_strdup_printf (_("In your browser, open %s and press F12 to open its developer tools. In the Network tab, reload the page and select the first request; under Request Headers, copy the whole value of “Cookie”."),
                           untrain_platform_get_homepage (self->platform));
  gtk_label_set_text (self->header_steps_label, steps);

  /* Translators: %s is a platform's name, as in “LinkedIn” */
  keep = g_strdup_printf (_("These cookies let anyone who has them use your %s account until you sign out there. Untrain keeps them in your keyring, never in a file, and never shows them again."),
                          name);
  gtk_label_set_text (self->keep_label, keep);
}

static void
untrain_paste_cookies_dialog_dispose (GObject *object)
{
  UntrainPasteCookiesDialog *self = (UntrainPasteCookiesDialog *)object;

  if (self->text_view != NULL)
    forget_text (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), UNTRAIN_TYPE_PASTE_COOKIES_DIALOG);

  G_OBJECT_CLASS (untrain_paste_cookies_dialog_parent_class)->dispose (object);
}

static void
untrain_paste_cookies_dialog_finalize (GObject *object)
{
  UntrainPasteCookiesDialog *self = (UntrainPasteCookiesDialog *)object;

  g_clear_object (&self->platform);

  G_OBJECT_CLASS (untrain_paste_cookies_dialog_parent_class)->finalize (object);
}

static void
untrain_paste_cookies_dialog_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  UntrainPasteCookiesDialog *self = UNTRAIN_PASTE_COOKIES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PLATFORM:
      g_value_set_object (value, self->platform);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_paste_cookies_dialog_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  UntrainPasteCookiesDialog *self = UNTRAIN_PASTE_COOKIES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PLATFORM:
      self->platform = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_paste_cookies_dialog_class_init (UntrainPasteCookiesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = untrain_paste_cookies_dialog_constructed;
  object_class->dispose = untrain_paste_cookies_dialog_dispose;
  object_class->finalize = untrain_paste_cookies_dialog_finalize;
  object_class->get_property = untrain_paste_cookies_dialog_get_property;
  object_class->set_property = untrain_paste_cookies_dialog_set_property;

  /**
   * UntrainPasteCookiesDialog:platform:
   *
   * The platform to connect; it has a provider in the catalog.
   */
  properties[PROP_PLATFORM] =
    g_param_spec_object ("platform", NULL, NULL,
                         UNTRAIN_TYPE_PLATFORM,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UntrainPasteCookiesDialog::cookies-accepted:
   * @cookies: the session's cookies in Cookie-header form
   *
   * The pasted text held the whole session. The dialog closes right after.
   */
  signals[COOKIES_ACCEPTED] =
    g_signal_new ("cookies-accepted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/untrain-paste-cookies-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, UntrainPasteCookiesDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, UntrainPasteCookiesDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, UntrainPasteCookiesDialog, header_steps_label);
  gtk_widget_class_bind_template_child (widget_class, UntrainPasteCookiesDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, UntrainPasteCookiesDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, UntrainPasteCookiesDialog, keep_label);

  gtk_widget_class_install_action (widget_class, "paste-cookies.connect", NULL, connect_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
untrain_paste_cookies_dialog_init (UntrainPasteCookiesDialog *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* No undo history: it would keep what was pasted. */
  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "paste-cookies.connect", FALSE);
}

/**
 * untrain_paste_cookies_dialog_new:
 * @parent: (nullable): the window the dialog is modal for
 * @platform: a platform with a provider, such as LinkedIn
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
GtkWidget *
untrain_paste_cookies_dialog_new (GtkWindow       *parent,
                                  UntrainPlatform *platform)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (UNTRAIN_IS_PLATFORM (platform), NULL);
  g_return_val_if_fail (untrain_provider_get_session_cookie_names (untrain_platform_get_provider (platform)) != NULL, NULL);

  return g_object_new (UNTRAIN_TYPE_PASTE_COOKIES_DIALOG,
                       "transient-for", parent,
                       "platform", platform,
                       NULL);
}

UntrainPlatform *
untrain_paste_cookies_dialog_get_platform (UntrainPasteCookiesDialog *self)
{
  g_return_val_if_fail (UNTRAIN_IS_PASTE_COOKIES_DIALOG (self), NULL);

  return self->platform;
}
