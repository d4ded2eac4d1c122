/* untrain-credentials.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-credentials"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "untrain-credentials.h"
#include "untrain-error.h"
#include "untrain-live.h"

/* The sessions themselves are kept by the live side (untrain-keyring.c),
 * which these open when first called (untrain-live.h). When it cannot be
 * opened, the call completes with an error that says so.
 */

/**
 * untrain_credentials_store_async:
 * @platform_id: the platform, such as "linkedin"
 * @account: (nullable): the person signed in, as the platform shows them
 *   ("Ada Lovelace"), or %NULL when not known yet
 * @cookies: the session in Cookie-header form
 *
 * Saves the session in the default collection of the keyring, labelled
 * so that a person recognises it ("Untrain: LinkedIn session for Ada
 * Lovelace"), and removes the platform's earlier session of any other
 * account.
 */
void
untrain_credentials_store_async (const char          *platform_id,
                                 const char          *account,
                                 const char          *cookies,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  const UntrainLive *live;
  GError *error = NULL;

  g_return_if_fail (platform_id != NULL && platform_id[0] != '\0');
  g_return_if_fail (cookies != NULL && cookies[0] != '\0');
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  if ((live = untrain_live_get (&error)) == NULL)
    {
      g_task_report_error (NULL, callback, user_data, untrain_credentials_store_async, error);
      return;
    }

  live->store_async (platform_id, account, cookies, cancellable, callback, user_data);
}

gboolean
untrain_credentials_store_finish (GAsyncResult  *result,
                                  GError       **error)
{
  const UntrainLive *live;

  /* Ours when the live side could not be opened; else the live side's. */
  if (g_async_result_is_tagged (result, untrain_credentials_store_async))
    return g_task_propagate_boolean (G_TASK (result), error);

  live = untrain_live_get (NULL);
  g_return_val_if_fail (live != NULL, FALSE);

  return live->store_finish (result, error);
}

/**
 * untrain_credentials_lookup_async:
 *
 * Reads @platform_id's session from the keyring, unlocking it if need be
 * (which may ask the person for their password).
 */
void
untrain_credentials_lookup_async (const char          *platform_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  const UntrainLive *live;
  GError *error = NULL;

  g_return_if_fail (platform_id != NULL && platform_id[0] != '\0');
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  if ((live = untrain_live_get (&error)) == NULL)
    {
      g_task_report_error (NULL, callback, user_data, untrain_credentials_lookup_async, error);
      return;
    }

  live->lookup_async (platform_id, cancellable, callback, user_data);
}

/**
 * untrain_credentials_lookup_finish:
 * @account: (out) (optional) (nullable): the account the session belongs
 *   to, %NULL when it was stored without one or there is no session
 *
 * Returns: (transfer full) (nullable): the session's cookies, to free with
 *   untrain_credentials_free_secret(); %NULL without an error when the
 *   keyring holds no session of the platform
 */
char *
untrain_credentials_lookup_finish (GAsyncResult  *result,
                                   char         **account,
                                   GError       **error)
{
  const UntrainLive *live;

  /* Ours when the live side could not be opened; else the live side's. */
  if (g_async_result_is_tagged (result, untrain_credentials_lookup_async))
    {
      if (account != NULL)
        *account = NULL;
      return g_task_propagate_pointer (G_TASK (result), error);
    }

  live = untrain_live_get (NULL);
  g_return_val_if_fail (live != NULL, NULL);

  return live->lookup_finish (result, account, error);
}

/**
 * untrain_credentials_clear_async:
 *
 * Removes every session of @platform_id from the keyring, whichever its
 * account. Succeeds when there was none.
 */
void
untrain_credentials_clear_async (const char          *platform_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  const UntrainLive *live;
  GError *error = NULL;

  g_return_if_fail (platform_id != NULL && platform_id[0] != '\0');
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  if ((live = untrain_live_get (&error)) == NULL)
    {
      g_task_report_error (NULL, callback, user_data, untrain_credentials_clear_async, error);
      return;
    }

  live->clear_async (platform_id, cancellable, callback, user_data);
}

gboolean
untrain_credentials_clear_finish (GAsyncResult  *result,
                                  GError       **error)
{
  const UntrainLive *live;

  /* Ours when the live side could not be opened; else the live side's. */
  if (g_async_result_is_tagged (result, untrain_credentials_clear_async))
    return g_task_propagate_boolean (G_TASK (result), error);

  live = untrain_live_get (NULL);
  g_return_val_if_fail (live != NULL, FALSE);

  return live->clear_finish (result, error);
}

/* The blocking calls run the async ones in a main context of their own,
 * as libsecret's do, so that both take the same path.
 */
typedef struct
{
  GMainContext *context;
  GAsyncResult *result;
} Sync;

static void
sync_begin (Sync *sync)
{
  sync->context = g_main_context_new ();
  sync->result = NULL;
  g_main_context_push_thread_default (sync->context);
}

static void
on_sync_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Sync *sync = user_data;

  sync->result = g_object_ref (result);
}

static GAsyncResult *
sync_wait (Sync *sync)
{
  while (sync->result == NULL)
    g_main_context_iteration (sync->context, TRUE);

  return sync->result;
}

static void
sync_end (Sync *sync)
{
  /* What the call left queued on the context (libsecret may still be
   * setting up the item proxies it made) runs here, as in libsecret's own
   * blocking calls; dropped with the context, it would never be freed.
   */
  while (g_main_context_iteration (sync->context, FALSE))
    ;

  g_main_context_pop_thread_default (sync->context);
  g_clear_object (&sync->result);
  g_main_context_unref (sync->context);
}

/**
 * untrain_credentials_store_sync:
 *
 * Like untrain_credentials_store_async(), blocking.
 */
gboolean
untrain_credentials_store_sync (const char    *platform_id,
                                const char    *account,
                                const char    *cookies,
                                GCancellable  *cancellable,
                                GError       **error)
{
  Sync sync;
  gboolean stored;

  g_return_val_if_fail (platform_id != NULL && platform_id[0] != '\0', FALSE);
  g_return_val_if_fail (cookies != NULL && cookies[0] != '\0', FALSE);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), FALSE);

  sync_begin (&sync);
  untrain_credentials_store_async (platform_id, account, cookies, cancellable, on_sync_done, &sync);
  stored = untrain_credentials_store_finish (sync_wait (&sync), error);
  sync_end (&sync);

  return stored;
}

/**
 * untrain_credentials_lookup_sync:
 *
 * Like untrain_credentials_lookup_async(), blocking.
 *
 * Returns: (transfer full) (nullable): as untrain_credentials_lookup_finish()
 */
char *
untrain_credentials_lookup_sync (const char    *platform_id,
                                 char         **account,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  Sync sync;
  char *secret;

  g_return_val_if_fail (platform_id != NULL && platform_id[0] != '\0', NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);

  sync_begin (&sync);
  untrain_credentials_lookup_async (platform_id, cancellable, on_sync_done, &sync);
  secret = untrain_credentials_lookup_finish (sync_wait (&sync), account, error);
  sync_end (&sync);

  return secret;
}

/**
 * untrain_credentials_clear_sync:
 *
 * Like untrain_credentials_clear_async(), blocking.
 */
gboolean
untrain_credentials_clear_sync (const char    *platform_id,
                                GCancellable  *cancellable,
                                GError       **error)
{
  Sync sync;
  gboolean cleared;

  g_return_val_if_fail (platform_id != NULL && platform_id[0] != '\0', FALSE);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), FALSE);

  sync_begin (&sync);
  untrain_credentials_clear_async (platform_id, cancellable, on_sync_done, &sync);
  cleared = untrain_credentials_clear_finish (sync_wait (&sync), error);
  sync_end (&sync);

  return cleared;
}

/* Parsing cookies
 *
 * The text is copied once and cut up in place; the copy is wiped before
 * it is freed, and so is every other copy of a value made on the way.
 */

typedef struct
{
  char    *value;     /* the chosen value, or NULL */
  int      rank;      /* of the chosen value's domain; lower is better */
  gboolean expired;   /* an expired one was seen */
} WantedCookie;

typedef struct
{
  const char * const *wanted;
  const char         *domain;
  gint64              now;
  WantedCookie       *found;
  guint               n_parsed;
  GError             *error;
} Parser;

static void
wipe (char  *buffer,
      gsize  length)
{
  volatile char *p = buffer;

  while (length-- > 0)
    *p++ = '\0';
}

/**
 * untrain_credentials_free_secret:
 * @secret: (nullable): a session's cookies, or text that holds them
 *
 * Wipes @secret, then frees it: what held a session does not stay in
 * freed memory.
 */
void
untrain_credentials_free_secret (char *secret)
{
  if (secret != NULL)
    wipe (secret, strlen (secret));
  g_free (secret);
}

/* How well @cookie_domain stands for @domain: 0 for the domain itself and
 * its "www.", 1 for another subdomain, -1 for anything else, lookalikes
 * such as "evillinkedin.com" included.
 */
static int
rank_domain (const char *cookie_domain,
             const char *domain)
{
  g_autofree char *host = NULL;
  gsize host_length, domain_length;

  if (cookie_domain[0] == '.')
    cookie_domain++;

  host = g_ascii_strdown (cookie_domain, -1);
  host_length = strlen (host);
  domain_length = strlen (domain);

  if (g_str_equal (host, domain))
    return 0;

  if (g_str_has_prefix (host, "www.") && g_str_equal (host + 4, domain))
    return 0;

  if (host_length > domain_length + 1 &&
      host[host_length - domain_length - 1] == '.' &&
      g_str_equal (host + host_length - domain_length, domain))
    return 1;

  return -1;
}

static gboolean
is_valid_name (const char *name)
{
  if (name[0] == '\0')
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    {
      if (g_ascii_iscntrl (*p) || g_ascii_isspace (*p) ||
          *p == ';' || *p == '=' || *p == ',' || *p == '"')
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_valid_value (const char *value)
{
  for (const char *p = value; *p != '\0'; p++)
    {
      if (g_ascii_iscntrl (*p) || *p == ';')
        return FALSE;
    }

  return TRUE;
}

/* Takes note of a cookie set for a domain of @rank (0 for a Cookie line,
 * which has no domain of its own). @value is cut in place.
 */
static void
parser_add (Parser     *parser,
            const char *name,
            char       *value,
            int         rank,
            gboolean    expired)
{
  parser->n_parsed++;

  if (parser->error != NULL || rank < 0)
    return;

  for (guint i = 0; parser->wanted[i] != NULL; i++)
    {
      WantedCookie *cookie = &parser->found[i];

      if (!g_str_equal (parser->wanted[i], name))
        continue;

      if (expired)
        {
          cookie->expired = TRUE;
          return;
        }

      /* An empty value is what a site leaves when it signs a person out;
       * quoted ("") it is as empty, and no session either.
       */
      g_strstrip (value);
      if (value[0] == '\0' || g_str_equal (value, "\"\""))
        return;

      if (!is_valid_value (value))
        {
          g_set_error (&parser->error, UNTRAIN_ERROR, UNTRAIN_ERROR_FAILED,
                       _("The %s cookie holds characters a Cookie header can’t carry; copy the cookies again"),
                       name);
          return;
        }

      if (cookie->value == NULL || rank < cookie->rank)
        {
          g_clear_pointer (&cookie->value, untrain_credentials_free_secret);
          cookie->value = g_strdup (value);
          cookie->rank = rank;
        }

      return;
    }
}

/* A line of a Netscape cookies.txt: domain, include-subdomains flag, path,
 * secure flag, expiry (seconds since 1970, 0 for a session cookie), name
 * and value, separated by tabs. curl and browser extensions mark
 * HttpOnly cookies by putting "#HttpOnly_" before the domain.
 */
#define HTTP_ONLY_PREFIX "#HttpOnly_"
#define N_NETSCAPE_FIELDS 7

static gboolean
is_netscape_record (const char *line,
                    gsize       length)
{
  guint n_tabs = 0;

  for (gsize i = 0; i < length; i++)
    n_tabs += line[i] == '\t';

  return n_tabs >= N_NETSCAPE_FIELDS - 1;
}

static void
parse_netscape_line (Parser *parser,
                     char   *line)
{
  char *fields[N_NETSCAPE_FIELDS];
  gint64 expiry;

  if (g_str_has_prefix (line, HTTP_ONLY_PREFIX))
    line += strlen (HTTP_ONLY_PREFIX);
  else if (line[0] == '#')
    return;

  if (!is_netscape_record (line, strlen (line)))
    return;

  /* The value is the rest of the line, tabs and all, so that a value
   * with a tab in it is refused rather than cut short.
   */
  for (guint i = 0; i < N_NETSCAPE_FIELDS - 1; i++)
    {
      char *tab = strchr (line, '\t');

      *tab = '\0';
      fields[i] = line;
      line = tab + 1;
    }
  fields[N_NETSCAPE_FIELDS - 1] = line;

  g_strstrip (fields[0]);
  g_strstrip (fields[5]);

  if (!is_valid_name (fields[5]) ||
      !g_ascii_string_to_signed (fields[4], 10, G_MININT64, G_MAXINT64, &expiry, NULL))
    return;

  parser_add (parser, fields[5], fields[6],
              rank_domain (fields[0], parser->domain),
              expiry > 0 && expiry <= parser->now);
}

/* "Name: value", a request header other than Cookie, or an HTTP/2
 * pseudo-header (":authority: …"), as copied with the Cookie line from a
 * browser's developer tools.
 */
static gboolean
is_other_header (const char *line)
{
  const char *p = line;

  if (*p == ':')
    return TRUE;

  while (g_ascii_isalnum (*p) || *p == '-' || *p == '_')
    p++;

  return p != line && *p == ':';
}

static void
parse_cookie_line (Parser *parser,
                   char   *line)
{
  if (g_ascii_strncasecmp (line, "cookie", strlen ("cookie")) == 0)
    {
      char *rest = line + strlen ("cookie");

      while (*rest == ' ' || *rest == '\t')
        rest++;

      if (*rest == ':')
        line = rest + 1;
    }

  if (is_other_header (line))
    return;

  while (line != NULL)
    {
      char *semicolon = strchr (line, ';');
      char *equals;

      if (semicolon != NULL)
        *semicolon = '\0';

      equals = strchr (line, '=');
      if (equals != NULL)
        {
          *equals = '\0';
          g_strstrip (line);

          if (is_valid_name (line))
            parser_add (parser, line, equals + 1, 0, FALSE);
        }

      line = semicolon != NULL ? semicolon + 1 : NULL;
    }
}

/* A text with a comment line or a line of seven tab-separated fields is
 * a cookies.txt; anything else, Cookie lines.
 */
static gboolean
is_netscape_file (const char *text)
{
  while (text != NULL)
    {
      const char *newline = strchr (text, '\n');
      gsize length = newline != NULL ? (gsize)(newline - text) : strlen (text);

      while (length > 0 && (*text == ' ' || *text == '\t'))
        text++, length--;

      if (text[0] == '#' || is_netscape_record (text, length))
        return TRUE;

      text = newline != NULL ? newline + 1 : NULL;
    }

  return FALSE;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        return FALSE;
    }

  return TRUE;
}

/**
 * untrain_cookies_parse:
 * @text: what the person pasted or piped in
 * @domain: the platform's cookie domain, such as "linkedin.com"
 * @wanted: the cookies that make a session, such as "li_at" and
 *   "JSESSIONID"
 *
 * Reads either a Cookie header ("Cookie: a=b; c=d", the name optional and
 * in any case; other request headers copied along with it are skipped)
 * or a Netscape cookies.txt; a text with a comment line or a line of
 * seven tab-separated fields is read as the latter. Lines may end in
 * "\r\n".
 *
 * From a cookies.txt only cookies set for @domain or a subdomain count,
 * and expired ones do not. When a cookie is there for several domains,
 * the one for @domain itself or its "www." wins over other subdomains,
 * and among equals the first one in the file; a Cookie line lists the
 * cookies a browser sends, and there too the first one wins. A cookie
 * with an empty value counts as missing. Values are kept as given,
 * quotes included.
 *
 * Returns: (transfer full): the @wanted cookies in Cookie-header form, in
 *   the order of @wanted ("li_at=…; JSESSIONID=\"ajax:…\""), to free
 *   with untrain_credentials_free_secret(); %NULL with @error set when one
 *   is missing or the text is not cookies. The message names cookies, never a value.
 */
char *
untrain_cookies_parse (const char          *text,
                       const char          *domain,
                       const char * const  *wanted,
                       GError             **error)
{
  g_autofree char *bare_domain = NULL;
  g_autoptr(GString) header = NULL;
  Parser parser = { 0 };
  gboolean netscape;
  gsize text_length;
  guint n_wanted;
  char *copy;
  char *line;
  char *result;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (domain != NULL && domain[0] != '\0', NULL);
  g_return_val_if_fail (wanted != NULL && wanted[0] != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, UNTRAIN_ERROR, UNTRAIN_ERROR_FAILED,
                           _("The cookies are not text; copy them again as a “Cookie:” line or a cookies.txt file"));
      return NULL;
    }

  if (is_blank (text))
    {
      g_set_error_literal (error, UNTRAIN_ERROR, UNTRAIN_ERROR_FAILED,
                           _("There are no cookies to read; paste a “Cookie:” line or a cookies.txt file"));
      return NULL;
    }

  bare_domain = g_ascii_strdown (domain[0] == '.' ? domain + 1 : domain, -1);
  n_wanted = g_strv_length ((char **)wanted);

  parser.wanted = wanted;
  parser.domain = bare_domain;
  parser.now = g_get_real_time () / G_USEC_PER_SEC;
  parser.found = g_new0 (WantedCookie, n_wanted);

  netscape = is_netscape_file (text);
  text_length = strlen (text);
  copy = g_strndup (text, text_length);

  for (line = copy; line != NULL; )
    {
      char *newline = strchr (line, '\n');
      gsize length;

      if (newline != NULL)
        *newline = '\0';

      length = strlen (line);
      if (length > 0 && line[length - 1] == '\r')
        line[length - 1] = '\0';

      /* Leading whitespace only: a tab at the end ends an empty value. */
      g_strchug (line);

      if (netscape)
        parse_netscape_line (&parser, line);
      else if (line[0] != '\0')
        parse_cookie_line (&parser, line);

      line = newline != NULL ? newline + 1 : NULL;
    }

  wipe (copy, text_length);
  g_free (copy);

  if (parser.error == NULL && parser.n_parsed == 0)
    {
      if (netscape)
        g_set_error (&parser.error, UNTRAIN_ERROR, UNTRAIN_ERROR_FAILED,
                     _("The cookies.txt file holds no cookies; export them again while signed in to %s"),
                     bare_domain);
      else
        g_set_error_literal (&parser.error, UNTRAIN_ERROR, UNTRAIN_ERROR_FAILED,
                             _("This is neither a “Cookie:” line nor a cookies.txt file; copy the cookies again"));
    }

  for (guint i = 0; parser.error == NULL && i < n_wanted; i++)
    {
      if (parser.found[i].value != NULL)
        continue;

      if (parser.found[i].expired)
        g_set_error (&parser.error, UNTRAIN_ERROR, UNTRAIN_ERROR_NOT_FOUND,
                     _("The %s cookie has expired; sign in to %s again and copy the cookies again"),
                     wanted[i], bare_domain);
      else
        g_set_error (&parser.error, UNTRAIN_ERROR, UNTRAIN_ERROR_NOT_FOUND,
                     _("The cookies hold no %s; copy them again while signed in to %s"),
                     wanted[i], bare_domain);
    }

  if (parser.error == NULL)
    {
      gsize header_length = 0;

      /* Sized up front, so that no copy is left behind by growing. */
      for (guint i = 0; i < n_wanted; i++)
        header_length += strlen ("; ") + strlen (wanted[i]) + 1 + strlen (parser.found[i].value);

      header = g_string_sized_new (header_length + 1);
      for (guint i = 0; i < n_wanted; i++)
        {
          if (i > 0)
            g_string_append (header, "; ");
          g_string_append (header, wanted[i]);
          g_string_append_c (header, '=');
          g_string_append (header, parser.found[i].value);
        }
    }

  for (guint i = 0; i < n_wanted; i++)
    g_clear_pointer (&parser.found[i].value, untrain_credentials_free_secret);
  g_free (parser.found);

  if (parser.error != NULL)
    {
      g_propagate_error (error, parser.error);
      return NULL;
    }

  result = g_strndup (header->str, header->len);
  wipe (header->str, header->allocated_len);

  return result;
}
