/* untrain-linkedin-provider.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-linkedin-provider"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>

#include "untrain-catalog-private.h"
#include "untrain-linkedin-provider.h"
#include "untrain-linkedin-provider-private.h"

/* LinkedIn's settings, read and written as its own settings pages do
 * (DESIGN.md, "LinkedIn"). A settings page is HTML whose <code> elements
 * hold JSON; somewhere in one of them is the setting object, found by its
 * key. A change is a PUT of that object with a new value, and counts only
 * once a re-read of the page shows it.
 *
 * Every request goes to the base URL's origin with the session's cookies:
 * redirects are followed by hand and only within that origin, so the
 * cookies never reach another host. Nothing here logs a cookie or the
 * csrf token, or puts one in an error message.
 */

#define DEFAULT_BASE_URL        "https://www.linkedin.com"
#define DEFAULT_TIMEOUT_SECONDS 15
#define DEFAULT_MAX_CONNECTIONS 4
#define MAX_BODY_SIZE           (4 * 1024 * 1024)
#define READ_CHUNK_SIZE         (64 * 1024)
#define MAX_TRIES               3
#define MAX_RETRY_SECONDS       60
#define MAX_REDIRECTS           5
#define MAX_JSON_DEPTH          UNTRAIN_JSON_MAX_DEPTH
#define STATUS_TOO_MANY_REQUESTS 429

#define PROFILE_PATH            "/mysettings-api/settingsApiMiniProfile"
#define SETTINGS_PAGE_PATH      "/mypreferences/d/settings/"
#define SETTINGS_API_PATH       "/mysettings-api/settingsApiSettings/"
#define ACCOUNT_PAGE_PATH       "/mypreferences/d/categories/account"

struct _UntrainLinkedinProvider
{
  GObject      parent_instance;

  char        *cookies;
  char        *csrf_token;
  char        *base_url;
  GUri        *base_uri;
  guint        timeout;
  guint        max_connections;
  SoupSession *session;
};

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_COOKIES,
  PROP_MAX_CONNECTIONS,
  PROP_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void untrain_linkedin_provider_initable_iface_init (GInitableIface           *iface);
static void untrain_linkedin_provider_provider_iface_init (UntrainProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (UntrainLinkedinProvider, untrain_linkedin_provider, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      untrain_linkedin_provider_initable_iface_init)
                               G_IMPLEMENT_INTERFACE (UNTRAIN_TYPE_PROVIDER,
                                                      untrain_linkedin_provider_provider_iface_init))

/* Addresses */

static gboolean
is_loopback_host (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);

  return address != NULL && g_inet_address_get_is_loopback (address);
}

static gboolean
same_origin (GUri *a,
             GUri *b)
{
  return g_ascii_strcasecmp (g_uri_get_scheme (a), g_uri_get_scheme (b)) == 0 &&
         g_ascii_strcasecmp (g_uri_get_host (a), g_uri_get_host (b)) == 0 &&
         g_uri_get_port (a) == g_uri_get_port (b);
}

/* A redirect there means the session is over. */
static gboolean
is_sign_in_path (const char *path)
{
  return g_str_has_prefix (path, "/login") ||
         g_str_has_prefix (path, "/uas/") ||
         g_str_has_prefix (path, "/authwall") ||
         g_str_has_prefix (path, "/checkpoint/");
}

static char *
build_url (UntrainLinkedinProvider *self,
           const char              *path)
{
  return g_strconcat (self->base_url, path, NULL);
}

static char *
build_escaped_path (const char *prefix,
                    const char *segment)
{
  g_autofree char *escaped = g_uri_escape_string (segment, NULL, FALSE);

  return g_strconcat (prefix, escaped, NULL);
}

/* The value of the JSESSIONID cookie without its quotes: LinkedIn wants it
 * back as the csrf-token header.
 */
static char *
find_csrf_token (const char *cookies)
{
  g_auto(GStrv) pairs = g_strsplit (cookies, ";", -1);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *pair = g_strstrip (pairs[i]);
      const char *equals = strchr (pair, '=');
      g_autofree char *value = NULL;
      gsize length;

      if (equals == NULL || equals - pair != strlen ("JSESSIONID") ||
          strncmp (pair, "JSESSIONID", equals - pair) != 0)
        continue;

      value = g_strstrip (g_strdup (equals + 1));
      length = strlen (value);
      if (length >= 2 && value[0] == '"' && value[length - 1] == '"')
        {
          memmove (value, value + 1, length - 2);
          value[length - 2] = '\0';
        }

      if (value[0] != '\0')
        return g_steal_pointer (&value);
    }

  return NULL;
}

static gboolean
is_header_safe (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar)*p < 0x20 && *p != '\t')
      return FALSE;

  return TRUE;
}

/* Object */

static void
untrain_linkedin_provider_dispose (GObject *object)
{
  UntrainLinkedinProvider *self = (UntrainLinkedinProvider *)object;

  g_clear_object (&self->session);

  G_OBJECT_CLASS (untrain_linkedin_provider_parent_class)->dispose (object);
}

static void
untrain_linkedin_provider_finalize (GObject *object)
{
  UntrainLinkedinProvider *self = (UntrainLinkedinProvider *)object;

  g_clear_pointer (&self->cookies, g_free);
  g_clear_pointer (&self->csrf_token, g_free);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->base_uri, g_uri_unref);

  G_OBJECT_CLASS (untrain_linkedin_provider_parent_class)->finalize (object);
}

static void
untrain_linkedin_provider_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  UntrainLinkedinProvider *self = UNTRAIN_LINKEDIN_PROVIDER (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    case PROP_MAX_CONNECTIONS:
      g_value_set_uint (value, self->max_connections);
      break;

    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_linkedin_provider_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  UntrainLinkedinProvider *self = UNTRAIN_LINKEDIN_PROVIDER (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      /* Checked in init: until then it is only what was asked for. */
      self->base_url = g_value_dup_string (value);
      break;

    case PROP_COOKIES:
      self->cookies = g_value_dup_string (value);
      break;

    case PROP_MAX_CONNECTIONS:
      self->max_connections = g_value_get_uint (value);
      break;

    case PROP_TIMEOUT:
      self->timeout = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_linkedin_provider_class_init (UntrainLinkedinProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = untrain_linkedin_provider_dispose;
  object_class->finalize = untrain_linkedin_provider_finalize;
  object_class->get_property = untrain_linkedin_provider_get_property;
  object_class->set_property = untrain_linkedin_provider_set_property;

  /**
   * UntrainLinkedinProvider:base-url:
   *
   * Where LinkedIn is, "https://www.linkedin.com" when %NULL. Plain http
   * is accepted only for a loopback host.
   */
  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * UntrainLinkedinProvider:cookies:
   *
   * The session, in Cookie-header form. It can be set, never read back.
   */
  properties[PROP_COOKIES] =
    g_param_spec_string ("cookies", NULL, NULL,
                         NULL,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * UntrainLinkedinProvider:max-connections:
   *
   * How many connections to LinkedIn may be open at once. Over HTTP/1.1
   * every concurrent request needs its own, so this is at least the
   * number of live items for a check of all of them to take one round
   * trip.
   */
  properties[PROP_MAX_CONNECTIONS] =
    g_param_spec_uint ("max-connections", NULL, NULL,
                       1, 64, DEFAULT_MAX_CONNECTIONS,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * UntrainLinkedinProvider:timeout:
   *
   * How long one request may take, in seconds.
   */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL,
                       1, 600, DEFAULT_TIMEOUT_SECONDS,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  xmlInitParser ();
}

static void
untrain_linkedin_provider_init (UntrainLinkedinProvider *self)
{
}

static gboolean
untrain_linkedin_provider_initable_init (GInitable     *initable,
                                         GCancellable  *cancellable,
                                         GError       **error)
{
  UntrainLinkedinProvider *self = UNTRAIN_LINKEDIN_PROVIDER (initable);
  g_autofree char *asked = g_steal_pointer (&self->base_url);
  g_autoptr(GUri) uri = NULL;
  const char *url = asked != NULL && asked[0] != '\0' ? asked : DEFAULT_BASE_URL;
  const char *scheme;
  const char *host;

  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  host = uri != NULL ? g_uri_get_host (uri) : NULL;
  if (host == NULL || host[0] == '\0')
    {
      g_set_error (error, UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_FAILED,
                   _("“%s” is not a web address Untrain can reach LinkedIn at"), url);
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") != 0 &&
      !(g_ascii_strcasecmp (scheme, "http") == 0 && is_loopback_host (host)))
    {
      g_set_error (error, UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_INSECURE,
                   _("Untrain sends your LinkedIn session only over a secure connection, and “%s” is not one; use an https:// address"),
                   url);
      return FALSE;
    }

  /* Only the origin counts: every path is LinkedIn's own. */
  self->base_uri = g_uri_build (SOUP_HTTP_URI_FLAGS, scheme, NULL, host,
                                g_uri_get_port (uri), "", NULL, NULL);
  self->base_url = g_uri_to_string (self->base_uri);
  if (g_str_has_suffix (self->base_url, "/"))
    self->base_url[strlen (self->base_url) - 1] = '\0';

  if (self->cookies == NULL || !is_header_safe (self->cookies) ||
      (self->csrf_token = find_csrf_token (self->cookies)) == NULL)
    {
      g_set_error_literal (error, UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_SIGNED_OUT,
                           _("The saved LinkedIn session is incomplete; sign in to LinkedIn again"));
      return FALSE;
    }

  self->session = soup_session_new_with_options ("timeout", self->timeout,
                                                 "max-conns-per-host", self->max_connections,
                                                 "user-agent", "Untrain/" PACKAGE_VERSION " ",
                                                 NULL);

  return TRUE;
}

static void
untrain_linkedin_provider_initable_iface_init (GInitableIface *iface)
{
  iface->init = untrain_linkedin_provider_initable_init;
}

/**
 * untrain_linkedin_provider_new:
 * @cookies: the session, in Cookie-header form (`li_at=…; JSESSIONID="ajax:…"`)
 *
 * LinkedIn is at `https://www.linkedin.com` unless the environment
 * variable `UNTRAIN_LINKEDIN_URL` says otherwise; plain `http://` is
 * refused with %UNTRAIN_PROVIDER_ERROR_INSECURE unless the host is
 * loopback. `UNTRAIN_HTTP_TIMEOUT` (seconds, 1–600) replaces the 15 s a
 * request may take, for tests.
 *
 * Returns: (transfer full) (nullable): the provider, or %NULL with @error
 *   set
 */
UntrainProvider *
untrain_linkedin_provider_new (const char  *cookies,
                               GError     **error)
{
  const char *timeout_text = g_getenv ("UNTRAIN_HTTP_TIMEOUT");
  guint64 timeout = DEFAULT_TIMEOUT_SECONDS;

  g_return_val_if_fail (cookies != NULL, NULL);

  if (timeout_text != NULL &&
      !g_ascii_string_to_unsigned (timeout_text, 10, 1, 600, &timeout, NULL))
    {
      g_warning ("UNTRAIN_HTTP_TIMEOUT must be a number of seconds from 1 to 600; using %u",
                 DEFAULT_TIMEOUT_SECONDS);
      timeout = DEFAULT_TIMEOUT_SECONDS;
    }

  return g_initable_new (UNTRAIN_TYPE_LINKEDIN_PROVIDER, NULL, error,
                         "base-url", g_getenv ("UNTRAIN_LINKEDIN_URL"),
                         "cookies", cookies,
                         "timeout", (guint)timeout,
                         NULL);
}

/**
 * untrain_linkedin_provider_get_base_url:
 *
 * Returns: where LinkedIn is, such as "https://www.linkedin.com"
 */
const char *
untrain_linkedin_provider_get_base_url (UntrainLinkedinProvider *self)
{
  g_return_val_if_fail (UNTRAIN_IS_LINKEDIN_PROVIDER (self), NULL);

  return self->base_url;
}

/**
 * untrain_linkedin_provider_get_session:
 *
 * Returns: (transfer none): the one session all requests go through
 */
SoupSession *
untrain_linkedin_provider_get_session (UntrainLinkedinProvider *self)
{
  g_return_val_if_fail (UNTRAIN_IS_LINKEDIN_PROVIDER (self), NULL);

  return self->session;
}

/* Requests
 *
 * One request with everything around it: the session's headers, the
 * deadline, the body size cap, redirects within the origin, and new tries
 * when LinkedIn is busy. It ends with the body of a 2xx answer or an
 * UNTRAIN_PROVIDER_ERROR a person can act on.
 */

typedef struct
{
  const char    *method;
  char          *accept;
  GBytes        *body;
  char          *page_url;
  GUri          *uri;
  guint          n_tries;       /* sends after busy answers; redirects do not count */
  guint          n_redirects;
  gint64         started;
  gint64         try_started;

  SoupMessage   *message;
  GInputStream  *stream;
  GByteArray    *data;
  GCancellable  *try_cancellable;
  GCancellable  *cancellable;
  gulong         cancelled_id;
  GSource       *deadline;
  GSource       *wait;
  gboolean       timed_out;
} Request;

static void
request_end_try (Request *request)
{
  if (request->deadline != NULL)
    {
      g_source_destroy (request->deadline);
      g_clear_pointer (&request->deadline, g_source_unref);
    }

  if (request->cancelled_id != 0)
    {
      g_cancellable_disconnect (request->cancellable, request->cancelled_id);
      request->cancelled_id = 0;
    }

  if (request->stream != NULL)
    {
      /* Read to the end, the connection goes back to the session for the
       * next request; not read to the end, it is closed.
       */
      if (!g_input_stream_is_closed (request->stream) &&
          !g_input_stream_has_pending (request->stream))
        g_input_stream_close_async (request->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      g_clear_object (&request->stream);
    }

  g_clear_object (&request->try_cancellable);
  g_clear_object (&request->message);
  g_clear_pointer (&request->data, g_byte_array_unref);
}

static void
request_free (Request *request)
{
  request_end_try (request);

  if (request->wait != NULL)
    {
      g_source_destroy (request->wait);
      g_clear_pointer (&request->wait, g_source_unref);
    }

  g_clear_pointer (&request->accept, g_free);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_clear_pointer (&request->page_url, g_free);
  g_clear_pointer (&request->uri, g_uri_unref);
  g_clear_object (&request->cancellable);
  g_free (request);
}

static gint64
milliseconds_since (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000;
}

static void
request_fail (GTask  *task,
              GError *error)
{
  Request *request = g_task_get_task_data (task);

  request_end_try (request);
  g_task_return_error (task, error);
}

static void
request_fail_page_changed (GTask *task)
{
  Request *request = g_task_get_task_data (task);

  request_fail (task, g_error_new (UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_PAGE_CHANGED,
                                   _("LinkedIn changed its settings page; check by hand at %s"),
                                   request->page_url));
}

static void request_send (GTask *task);

static void
on_cancelled (GCancellable *cancellable,
              GCancellable *try_cancellable)
{
  g_cancellable_cancel (try_cancellable);
}

static gboolean
on_deadline (gpointer user_data)
{
  Request *request = g_task_get_task_data (G_TASK (user_data));

  request->timed_out = TRUE;
  g_cancellable_cancel (request->try_cancellable);

  return G_SOURCE_REMOVE;
}

static gboolean
on_wait_over (gpointer user_data)
{
  GTask *task = G_TASK (user_data);
  Request *request = g_task_get_task_data (task);

  g_clear_pointer (&request->wait, g_source_unref);

  if (!g_task_return_error_if_cancelled (task))
    {
      request->n_tries++;
      request_send (task);
    }

  return G_SOURCE_REMOVE;
}

/* Seconds to wait as the answer's Retry-After says: a number of seconds or
 * an HTTP date. -1 when it says neither.
 */
static gint64
parse_retry_after (const char *text)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *trimmed = NULL;
  guint64 seconds;

  if (text == NULL)
    return -1;

  trimmed = g_strstrip (g_strdup (text));
  if (g_ascii_string_to_unsigned (trimmed, 10, 0, G_MAXINT32, &seconds, NULL))
    return seconds;

  when = soup_date_time_new_from_http_string (trimmed);
  if (when == NULL)
    return -1;

  now = g_date_time_new_now_utc ();
  return MAX (0, g_date_time_difference (when, now) / G_TIME_SPAN_SECOND);
}

/* 429 or 503: try again after the wait LinkedIn asks for, or after a
 * growing one; at most MAX_TRIES tries in MAX_RETRY_SECONDS in all.
 */
static void
request_retry_later (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (request->message);
  gint64 wait = parse_retry_after (soup_message_headers_get_one (headers, "Retry-After"));
  g_autoptr(GSource) cancelled = NULL;

  if (wait < 0)
    wait = 1 << (request->n_tries - 1);

  if (request->n_tries >= MAX_TRIES ||
      milliseconds_since (request->started) + wait * 1000 > MAX_RETRY_SECONDS * 1000)
    {
      request_fail (task, g_error_new_literal (UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_UNREACHABLE,
                                               _("Can’t reach LinkedIn: it is too busy to answer; try again in a few minutes")));
      return;
    }

  g_debug ("%s %s: busy, trying again in %" G_GINT64_FORMAT " s",
           request->method, g_uri_get_path (request->uri), wait);

  request_end_try (request);

  /* The wait ends early when the caller cancels. */
  request->wait = g_timeout_source_new (wait * 1000);
  g_source_set_callback (request->wait, on_wait_over, g_object_ref (task), g_object_unref);
  if (request->cancellable != NULL)
    {
      cancelled = g_cancellable_source_new (request->cancellable);
      g_source_set_dummy_callback (cancelled);
      g_source_add_child_source (request->wait, cancelled);
    }
  g_source_set_static_name (request->wait, "[untrain] linkedin retry");
  g_source_attach (request->wait, g_task_get_context (task));
}

/* A 3xx: a sign-in page means signed out; the same origin is followed a
 * few times; anywhere else is never followed, so the cookies stay home.
 */
static void
request_redirect (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (request->message);
  const char *location = soup_message_headers_get_one (headers, "Location");
  g_autoptr(GUri) target = NULL;

  if (location != NULL)
    target = g_uri_parse_relative (request->uri, location, SOUP_HTTP_URI_FLAGS, NULL);

  if (target == NULL || g_uri_get_host (target) == NULL)
    {
      request_fail_page_changed (task);
      return;
    }

  if (is_sign_in_path (g_uri_get_path (target)))
    {
      request_fail (task, g_error_new_literal (UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_SIGNED_OUT,
                                               _("LinkedIn signed you out; sign in again")));
      return;
    }

  if (!same_origin (target, request->uri))
    {
      request_fail (task, g_error_new (UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_PAGE_CHANGED,
                                       _("LinkedIn sent Untrain on to another site, %s, which it doesn’t follow with your session; check by hand at %s"),
                                       g_uri_get_host (target), request->page_url));
      return;
    }

  if (++request->n_redirects > MAX_REDIRECTS)
    {
      request_fail_page_changed (task);
      return;
    }

  g_clear_pointer (&request->uri, g_uri_unref);
  request->uri = g_steal_pointer (&target);
  request_end_try (request);
  request_send (task);
}

/* The whole answer is in: decide what it means. */
static void
request_answered (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  guint status = soup_message_get_status (request->message);

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      GBytes *body = g_byte_array_free_to_bytes (g_steal_pointer (&request->data));

      request_end_try (request);
      g_task_return_pointer (task, body, (GDestroyNotify)g_bytes_unref);
      return;
    }

  switch (status)
    {
    case SOUP_STATUS_MOVED_PERMANENTLY:
    case SOUP_STATUS_FOUND:
    case SOUP_STATUS_SEE_OTHER:
    case SOUP_STATUS_TEMPORARY_REDIRECT:
    case SOUP_STATUS_PERMANENT_REDIRECT:
      request_redirect (task);
      break;

    case SOUP_STATUS_UNAUTHORIZED:
    case SOUP_STATUS_FORBIDDEN:
      request_fail (task, g_error_new_literal (UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_SIGNED_OUT,
                                               _("LinkedIn signed you out; sign in again")));
      break;

    case STATUS_TOO_MANY_REQUESTS:
    case SOUP_STATUS_SERVICE_UNAVAILABLE:
      request_retry_later (task);
      break;

    default:
      if (SOUP_STATUS_IS_SERVER_ERROR (status))
        request_fail (task, g_error_new (UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_UNREACHABLE,
                                         _("Can’t reach LinkedIn: it answered with an error (%u); try again later"),
                                         status));
      else
        request_fail_page_changed (task);
      break;
    }
}

/* Takes @error */
static void
request_fail_network (GTask  *task,
                      GError *error)
{
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) owned = error;

  g_debug ("%s %s failed after %" G_GINT64_FORMAT " ms: %s",
           request->method, g_uri_get_path (request->uri),
           milliseconds_since (request->try_started), error->message);

  if (request->timed_out || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      guint timeout = UNTRAIN_LINKEDIN_PROVIDER (g_task_get_source_object (task))->timeout;

      request_fail (task, g_error_new (UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_UNREACHABLE,
                                       ngettext ("Can’t reach LinkedIn: it didn’t answer within %u second",
                                                 "Can’t reach LinkedIn: it didn’t answer within %u seconds",
                                                 timeout),
                                       timeout));
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    request_fail (task, g_steal_pointer (&owned));
  else
    request_fail (task, g_error_new (UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_UNREACHABLE,
                                     _("Can’t reach LinkedIn: %s"), error->message));
}

static void
request_too_large (GTask *task)
{
  Request *request = g_task_get_task_data (task);

  request_fail (task, g_error_new (UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_PAGE_CHANGED,
                                   _("LinkedIn’s answer was too large to be its settings page (over %u MiB); check by hand at %s"),
                                   MAX_BODY_SIZE / (1024 * 1024), request->page_url));
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize size;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (bytes == NULL)
    {
      request_fail_network (task, g_steal_pointer (&error));
      return;
    }

  size = g_bytes_get_size (bytes);
  if (size == 0)
    {
      request_answered (task);
      return;
    }

  if (request->data->len + size > MAX_BODY_SIZE)
    {
      request_too_large (task);
      return;
    }

  g_byte_array_append (request->data, g_bytes_get_data (bytes, NULL), size);
  g_input_stream_read_bytes_async (request->stream, READ_CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   request->try_cancellable, read_cb, g_steal_pointer (&task));
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;

  request->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (request->stream == NULL)
    {
      request_fail_network (task, g_steal_pointer (&error));
      return;
    }

  g_debug ("%s %s: %u in %" G_GINT64_FORMAT " ms",
           request->method, g_uri_get_path (request->uri),
           soup_message_get_status (request->message),
           milliseconds_since (request->try_started));

  headers = soup_message_get_response_headers (request->message);
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > MAX_BODY_SIZE)
    {
      request_too_large (task);
      return;
    }

  request->data = g_byte_array_new ();
  g_input_stream_read_bytes_async (request->stream, READ_CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   request->try_cancellable, read_cb, g_steal_pointer (&task));
}

static void
request_send (GTask *task)
{
  UntrainLinkedinProvider *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  request->try_started = g_get_monotonic_time ();
  request->timed_out = FALSE;

  request->message = soup_message_new_from_uri (request->method, request->uri);
  soup_message_add_flags (request->message, SOUP_MESSAGE_NO_REDIRECT);

  /* request->uri is always the base URL's origin: the cookies go nowhere else. */
  headers = soup_message_get_request_headers (request->message);
  soup_message_headers_replace (headers, "Cookie", self->cookies);
  soup_message_headers_replace (headers, "csrf-token", self->csrf_token);
  soup_message_headers_replace (headers, "x-restli-protocol-version", "2.0.0");
  soup_message_headers_replace (headers, "Accept", request->accept);

  if (request->body != NULL)
    soup_message_set_request_body_from_bytes (request->message, "application/json", request->body);

  /* The session's timeout catches a silent connection; this one also a
   * slow trickle.
   */
  request->try_cancellable = g_cancellable_new ();
  if (request->cancellable != NULL)
    request->cancelled_id = g_cancellable_connect (request->cancellable, G_CALLBACK (on_cancelled),
                                                   g_object_ref (request->try_cancellable),
                                                   g_object_unref);

  request->deadline = g_timeout_source_new (self->timeout * 1000);
  g_source_set_callback (request->deadline, on_deadline, task, NULL);
  g_source_set_static_name (request->deadline, "[untrain] linkedin deadline");
  g_source_attach (request->deadline, g_task_get_context (task));

  soup_session_send_async (self->session, request->message, G_PRIORITY_DEFAULT,
                           request->try_cancellable, send_cb, g_object_ref (task));
}

/*
 * request_async:
 * @accept: "application/json" for the API, "text/html" for a page
 * @body: (nullable): JSON to send
 * @page_url: the page a person can open to check by hand, for messages
 */
static void
request_async (UntrainLinkedinProvider *self,
               const char              *method,
               const char              *path,
               const char              *accept,
               GBytes                  *body,
               const char              *page_url,
               GCancellable            *cancellable,
               GAsyncReadyCallback      callback,
               gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, request_async);

  request = g_new0 (Request, 1);
  request->method = method;
  request->accept = g_strdup (accept);
  request->body = body != NULL ? g_bytes_ref (body) : NULL;
  request->page_url = g_strdup (page_url);
  request->uri = g_uri_parse_relative (self->base_uri, path, SOUP_HTTP_URI_FLAGS, NULL);
  request->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  request->started = g_get_monotonic_time ();
  g_task_set_task_data (task, request, (GDestroyNotify)request_free);

  g_assert (request->uri != NULL && same_origin (request->uri, self->base_uri));

  request->n_tries = 1;
  request_send (task);
}

/* Returns: (transfer full): the body of a 2xx answer */
static GBytes *
request_finish (UntrainLinkedinProvider  *self,
                GAsyncResult             *result,
                GError                  **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Reading a settings page */

void
_untrain_linkedin_reading_free (UntrainLinkedinReading *reading)
{
  g_clear_pointer (&reading->object, json_object_unref);
  g_clear_pointer (&reading->value, json_node_unref);
  g_clear_pointer (&reading->off_value, json_node_unref);
  g_free (reading);
}

static gboolean
is_scalar (JsonNode *node)
{
  return node != NULL && JSON_NODE_TYPE (node) == JSON_NODE_VALUE;
}

/* JSON values compare by type: true is not "true", 1 is 1.0. */
static gboolean
scalars_equal (JsonNode *a,
               JsonNode *b)
{
  GType type_a = json_node_get_value_type (a);
  GType type_b = json_node_get_value_type (b);

  if (type_a == G_TYPE_BOOLEAN && type_b == G_TYPE_BOOLEAN)
    return !json_node_get_boolean (a) == !json_node_get_boolean (b);

  if (type_a == G_TYPE_STRING && type_b == G_TYPE_STRING)
    return g_strcmp0 (json_node_get_string (a), json_node_get_string (b)) == 0;

  if (type_a == G_TYPE_INT64 && type_b == G_TYPE_INT64)
    return json_node_get_int (a) == json_node_get_int (b);

  if ((type_a == G_TYPE_INT64 || type_a == G_TYPE_DOUBLE) &&
      (type_b == G_TYPE_INT64 || type_b == G_TYPE_DOUBLE))
    return json_node_get_double (a) == json_node_get_double (b);

  return FALSE;
}

/* The value a setting object shows: "value", else the selected entry of
 * "settingDisplayValues".
 */
static JsonNode *
get_current_value (JsonObject *object)
{
  JsonNode *value = json_object_get_member (object, "value");
  JsonNode *displayed = json_object_get_member (object, "settingDisplayValues");
  JsonArray *entries;

  if (is_scalar (value))
    return value;

  if (displayed == NULL || !JSON_NODE_HOLDS_ARRAY (displayed))
    return NULL;

  entries = json_node_get_array (displayed);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonNode *entry = json_array_get_element (entries, i);
      JsonObject *entry_object;
      JsonNode *selected;

      if (!JSON_NODE_HOLDS_OBJECT (entry))
        continue;

      entry_object = json_node_get_object (entry);
      selected = json_object_get_member (entry_object, "selected");
      if (is_scalar (selected) &&
          json_node_get_value_type (selected) == G_TYPE_BOOLEAN &&
          json_node_get_boolean (selected))
        {
          value = json_object_get_member (entry_object, "value");
          return is_scalar (value) ? value : NULL;
        }
    }

  return NULL;
}

/* The first object, at any depth, whose "key" is @key and that shows a
 * value; objects with other keys are only looked through.
 */
static JsonObject *
find_setting_object (JsonNode   *node,
                     const char *key,
                     guint       depth)
{
  if (depth > MAX_JSON_DEPTH)
    return NULL;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonNode *object_key = json_object_get_member (object, "key");
      JsonObjectIter iter;
      JsonNode *member;

      if (is_scalar (object_key) &&
          json_node_get_value_type (object_key) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (object_key), key) == 0 &&
          get_current_value (object) != NULL)
        return object;

      json_object_iter_init (&iter, object);
      while (json_object_iter_next (&iter, NULL, &member))
        {
          JsonObject *found = find_setting_object (member, key, depth + 1);

          if (found != NULL)
            return found;
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *found = find_setting_object (json_array_get_element (array, i), key, depth + 1);

          if (found != NULL)
            return found;
        }
    }

  return NULL;
}

static JsonObject *
find_setting_in_text (const char *text,
                      const char *key)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;
  JsonObject *found;

  /* Deeper is not LinkedIn's, and the JSON parser would recurse without
   * end; several values it would leak.
   */
  if (_untrain_json_check_text (text, -1) != UNTRAIN_JSON_TEXT_OK)
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL)
    return NULL;

  found = find_setting_object (root, key, 0);

  return found != NULL ? json_object_ref (found) : NULL;
}

/* The text of every <code> element, entities decoded, in page order. */
static JsonObject *
find_setting_in_tree (xmlNode    *node,
                      const char *key)
{
  for (; node != NULL; node = node->next)
    {
      JsonObject *found = NULL;

      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (xmlStrcasecmp (node->name, BAD_CAST "code") == 0)
        {
          xmlChar *text = xmlNodeGetContent (node);

          if (text != NULL)
            found = find_setting_in_text ((const char *)text, key);
          xmlFree (text);
        }
      else
        found = find_setting_in_tree (node->children, key);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static JsonObject *
find_setting_in_page (GBytes     *page,
                      const char *key)
{
  gsize size;
  const char *data = g_bytes_get_data (page, &size);
  htmlDocPtr document;
  JsonObject *found;

  if (size == 0)
    return NULL;

  document = htmlReadMemory (data, (int)size, NULL, "UTF-8",
                             HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                             HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  if (document == NULL)
    return NULL;

  found = find_setting_in_tree (xmlDocGetRootElement (document), key);
  xmlFreeDoc (document);

  return found;
}

/**
 * _untrain_linkedin_read_setting:
 * @page: a settings page, as LinkedIn sent it
 * @page_url: where it came from, for the error message
 *
 * Returns: (transfer full): the setting as @page shows it, or %NULL with
 *   %UNTRAIN_PROVIDER_ERROR_PAGE_CHANGED when @page does not show it
 */
UntrainLinkedinReading *
_untrain_linkedin_read_setting (GBytes                *page,
                                const UntrainSetting  *setting,
                                const char            *page_url,
                                GError               **error)
{
  g_autoptr(UntrainLinkedinReading) reading = g_new0 (UntrainLinkedinReading, 1);
  JsonNode *off_value;

  reading->object = find_setting_in_page (page, setting->key);
  if (reading->object != NULL)
    {
      off_value = json_object_get_member (reading->object, "offValue");
      if (!is_scalar (off_value))
        off_value = is_scalar (setting->off_value) ? setting->off_value : NULL;

      if (off_value != NULL)
        {
          reading->value = json_node_ref (get_current_value (reading->object));
          reading->off_value = json_node_ref (off_value);
          reading->is_desired = scalars_equal (reading->value, reading->off_value) != setting->desired_on;

          return g_steal_pointer (&reading);
        }
    }

  g_debug ("No value of %s on %s", setting->key, page_url);
  g_set_error (error, UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_PAGE_CHANGED,
               _("LinkedIn changed its settings page; check by hand at %s"), page_url);
  return NULL;
}

/* Who is signed in */

static JsonObject *
get_object_member (JsonObject *object,
                   const char *name)
{
  JsonNode *member = json_object_get_member (object, name);

  return member != NULL && JSON_NODE_HOLDS_OBJECT (member) ? json_node_get_object (member) : NULL;
}

static const char *
get_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *member = json_object_get_member (object, name);

  return is_scalar (member) ? json_node_get_string (member) : NULL;
}

/**
 * _untrain_linkedin_read_profile_name:
 * @body: the answer to a request for the mini profile
 *
 * Returns: (transfer full) (nullable): "First Last", or %NULL when @body
 *   does not say
 */
char *
_untrain_linkedin_read_profile_name (GBytes *body)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *name = NULL;
  JsonNode *root;
  JsonObject *data = NULL;
  const char *first = NULL;
  const char *last = NULL;

  /* An empty body has no data at all. */
  if (g_bytes_get_size (body) == 0 ||
      _untrain_json_check_text (g_bytes_get_data (body, NULL), g_bytes_get_size (body)) != UNTRAIN_JSON_TEXT_OK)
    return NULL;

  parser = json_parser_new_immutable ();
  if (json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL) &&
      (root = json_parser_get_root (parser)) != NULL &&
      JSON_NODE_HOLDS_OBJECT (root))
    data = get_object_member (json_node_get_object (root), "data");

  if (data != NULL)
    {
      first = get_string_member (data, "firstName");
      last = get_string_member (data, "lastName");
      name = g_strstrip (g_strjoin (" ", first != NULL ? first : "", last != NULL ? last : "", NULL));
    }

  if (name == NULL || name[0] == '\0')
    return NULL;

  return g_steal_pointer (&name);
}

static void
whoami_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  UntrainLinkedinProvider *self = UNTRAIN_LINKEDIN_PROVIDER (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *page_url = NULL;
  g_autofree char *name = NULL;

  body = request_finish (self, result, &error);
  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  name = _untrain_linkedin_read_profile_name (body);
  if (name == NULL)
    {
      page_url = build_url (self, ACCOUNT_PAGE_PATH);
      g_task_return_new_error (task, UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_PAGE_CHANGED,
                               _("LinkedIn changed how it says who is signed in; check by hand at %s"),
                               page_url);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&name), g_free);
}

static void
untrain_linkedin_provider_whoami_async (UntrainProvider     *provider,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  UntrainLinkedinProvider *self = UNTRAIN_LINKEDIN_PROVIDER (provider);
  g_autoptr(GTask) task = NULL;
  g_autofree char *page_url = build_url (self, ACCOUNT_PAGE_PATH);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, untrain_linkedin_provider_whoami_async);

  request_async (self, SOUP_METHOD_GET, PROFILE_PATH, "application/json", NULL, page_url,
                 cancellable, whoami_cb, g_steal_pointer (&task));
}

static char *
untrain_linkedin_provider_whoami_finish (UntrainProvider  *provider,
                                         GAsyncResult     *result,
                                         GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, provider), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Checking and changing a setting */

typedef struct
{
  UntrainItem *item;
  char        *page_path;
  char        *page_url;
  char        *wire_value;
  gboolean     is_desired;
} Op;

static void
op_free (Op *op)
{
  g_clear_object (&op->item);
  g_clear_pointer (&op->page_path, g_free);
  g_clear_pointer (&op->page_url, g_free);
  g_clear_pointer (&op->wire_value, g_free);
  g_free (op);
}

static GTask *
op_task_new (UntrainLinkedinProvider *self,
             UntrainItem             *item,
             gpointer                 source_tag,
             GCancellable            *cancellable,
             GAsyncReadyCallback      callback,
             gpointer                 user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  const UntrainSetting *setting = untrain_item_get_setting (item);
  Op *op = g_new0 (Op, 1);

  g_task_set_source_tag (task, source_tag);

  op->item = g_object_ref (item);
  op->page_path = build_escaped_path (SETTINGS_PAGE_PATH, setting->page);
  op->page_url = build_url (self, op->page_path);
  g_task_set_task_data (task, op, (GDestroyNotify)op_free);

  return task;
}

static void
op_read_page (GTask               *task,
              GAsyncReadyCallback  callback)
{
  Op *op = g_task_get_task_data (task);

  request_async (g_task_get_source_object (task), SOUP_METHOD_GET, op->page_path, "text/html",
                 NULL, op->page_url, g_task_get_cancellable (task), callback, task);
}

/* The setting as the page the request of @result read shows it */
static UntrainLinkedinReading *
finish_read (UntrainLinkedinProvider  *self,
             GAsyncResult             *result,
             Op                       *op,
             GError                  **error)
{
  g_autoptr(GBytes) page = request_finish (self, result, error);

  if (page == NULL)
    return NULL;

  return _untrain_linkedin_read_setting (page, untrain_item_get_setting (op->item), op->page_url, error);
}

static void
check_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  UntrainLinkedinProvider *self = UNTRAIN_LINKEDIN_PROVIDER (object);
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(UntrainLinkedinReading) reading = NULL;

  reading = finish_read (self, result, op, &error);
  if (reading == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  op->is_desired = reading->is_desired;
  op->wire_value = json_to_string (reading->value, FALSE);
  g_task_return_boolean (task, TRUE);
}

static void
untrain_linkedin_provider_check_async (UntrainProvider     *provider,
                                       UntrainItem         *item,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  UntrainLinkedinProvider *self = UNTRAIN_LINKEDIN_PROVIDER (provider);
  GTask *task;

  task = op_task_new (self, item, untrain_linkedin_provider_check_async,
                      cancellable, callback, user_data);
  op_read_page (task, check_cb);
}

static gboolean
untrain_linkedin_provider_check_finish (UntrainProvider  *provider,
                                        GAsyncResult     *result,
                                        gboolean         *is_desired,
                                        char            **wire_value,
                                        GError          **error)
{
  Op *op;

  g_return_val_if_fail (g_task_is_valid (result, provider), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  op = g_task_get_task_data (G_TASK (result));
  *is_desired = op->is_desired;
  if (wire_value != NULL)
    *wire_value = g_strdup (op->wire_value);

  return TRUE;
}

static void
reread_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  UntrainLinkedinProvider *self = UNTRAIN_LINKEDIN_PROVIDER (object);
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  const UntrainSetting *setting = untrain_item_get_setting (op->item);
  g_autoptr(GError) error = NULL;
  g_autoptr(UntrainLinkedinReading) reading = NULL;

  reading = finish_read (self, result, op, &error);
  if (reading == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  op->wire_value = json_to_string (reading->value, FALSE);

  if (!reading->is_desired)
    {
      g_debug ("%s did not change on %s", setting->key, op->page_path);
      if (setting->desired_on)
        g_task_return_new_error (task, UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_NOT_APPLIED,
                                 _("LinkedIn didn’t keep the change: the setting is still off. Turn it on by hand at %s"),
                                 op->page_url);
      else
        g_task_return_new_error (task, UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_NOT_APPLIED,
                                 _("LinkedIn didn’t keep the change: the setting is still on. Turn it off by hand at %s"),
                                 op->page_url);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
write_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  UntrainLinkedinProvider *self = UNTRAIN_LINKEDIN_PROVIDER (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) answer = NULL;

  answer = request_finish (self, result, &error);
  if (answer == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Done only once the page shows it. */
  op_read_page (g_steal_pointer (&task), reread_cb);
}

/* The PUT body: the setting object as read, with the value replaced. */
static GBytes *
build_change (const char *key,
              JsonObject *object,
              JsonNode   *value)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonNode *member;
  char *text;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, key);
  json_builder_set_member_name (builder, "value");
  json_builder_add_value (builder, json_node_copy (value));
  if ((member = json_object_get_member (object, "entityUrn")) != NULL)
    {
      json_builder_set_member_name (builder, "entityUrn");
      json_builder_add_value (builder, json_node_copy (member));
    }
  if ((member = json_object_get_member (object, "settingDisplayType")) != NULL)
    {
      json_builder_set_member_name (builder, "settingDisplayType");
      json_builder_add_value (builder, json_node_copy (member));
    }
  json_builder_set_member_name (builder, "hasChild");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);

  return g_bytes_new_take (text, strlen (text));
}

static void
apply_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  UntrainLinkedinProvider *self = UNTRAIN_LINKEDIN_PROVIDER (object);
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  const UntrainSetting *setting = untrain_item_get_setting (op->item);
  g_autoptr(GError) error = NULL;
  g_autoptr(UntrainLinkedinReading) reading = NULL;
  g_autoptr(JsonNode) desired = NULL;
  g_autoptr(GBytes) change = NULL;
  g_autofree char *path = NULL;
  GCancellable *cancellable;
  JsonNode *on_value;

  reading = finish_read (self, result, op, &error);
  if (reading == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Already as it should be: nothing to write. */
  if (reading->is_desired)
    {
      op->wire_value = json_to_string (reading->value, FALSE);
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (!setting->desired_on)
    desired = json_node_ref (reading->off_value);
  else if (is_scalar (on_value = json_object_get_member (reading->object, "onValue")))
    desired = json_node_ref (on_value);
  else if (json_node_get_value_type (reading->off_value) == G_TYPE_BOOLEAN)
    desired = json_node_init_boolean (json_node_alloc (), !json_node_get_boolean (reading->off_value));
  else
    {
      g_task_return_new_error (task, UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_PAGE_CHANGED,
                               _("LinkedIn changed its settings page; check by hand at %s"),
                               op->page_url);
      return;
    }

  change = build_change (setting->key, reading->object, desired);
  path = build_escaped_path (SETTINGS_API_PATH, setting->key);
  cancellable = g_task_get_cancellable (task);
  request_async (self, SOUP_METHOD_PUT, path, "application/json", change, op->page_url,
                 cancellable, write_cb, g_steal_pointer (&task));
}

static void
untrain_linkedin_provider_apply_async (UntrainProvider     *provider,
                                       UntrainItem         *item,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  UntrainLinkedinProvider *self = UNTRAIN_LINKEDIN_PROVIDER (provider);
  GTask *task;

  task = op_task_new (self, item, untrain_linkedin_provider_apply_async,
                      cancellable, callback, user_data);
  op_read_page (task, apply_read_cb);
}

static gboolean
untrain_linkedin_provider_apply_finish (UntrainProvider  *provider,
                                        GAsyncResult     *result,
                                        char            **wire_value,
                                        GError          **error)
{
  Op *op;

  g_return_val_if_fail (g_task_is_valid (result, provider), FALSE);

  /* The value a failed re-read showed is history too. */
  op = g_task_get_task_data (G_TASK (result));
  if (wire_value != NULL)
    *wire_value = g_strdup (op->wire_value);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
untrain_linkedin_provider_provider_iface_init (UntrainProviderInterface *iface)
{
  iface->whoami_async = untrain_linkedin_provider_whoami_async;
  iface->whoami_finish = untrain_linkedin_provider_whoami_finish;
  iface->check_async = untrain_linkedin_provider_check_async;
  iface->check_finish = untrain_linkedin_provider_check_finish;
  iface->apply_async = untrain_linkedin_provider_apply_async;
  iface->apply_finish = untrain_linkedin_provider_apply_finish;
}
