/* fake-linkedin.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fake-linkedin"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "fake-linkedin.h"

#define PROFILE_PATH       "/mysettings-api/settingsApiMiniProfile"
#define SETTINGS_PAGE_PATH "/mypreferences/d/settings/"
#define SETTINGS_API_PATH  "/mysettings-api/settingsApiSettings/"
#define MOVED_PATH         "/mypreferences/moved/"
#define HUGE_SIZE          (10 * 1024 * 1024)
#define GARBAGE_DEPTH      200000

typedef struct
{
  char             *page;
  char             *key;
  char             *title;
  FakeLinkedinMode  mode;
  gboolean          on;
  guint             n_busy_left;
} Page;

typedef struct
{
  FakeLinkedin      *self;
  SoupServerMessage *message;
  guint              source_id;
} Delayed;

struct _FakeLinkedin
{
  GObject     parent_instance;

  SoupServer *server;
  char       *url;
  char       *li_at;
  char       *jsessionid;
  char       *cookies;
  char       *secrets[3];

  GPtrArray  *pages;
  char       *first_name;
  char       *last_name;

  guint       busy_status;
  guint       busy_times;
  char       *busy_retry_after;
  guint       slow_ms;
  guint       latency_ms;

  guint       n_requests;
  guint       n_writes;
  guint       n_rejected;
  GHashTable *peers;
  SoupMessageHeaders *last_headers;

  GList      *delayed;

  SoupServer *elsewhere;
  char       *elsewhere_url;
  guint       elsewhere_n_requests;
  gboolean    elsewhere_saw_cookie;
};

G_DEFINE_FINAL_TYPE (FakeLinkedin, fake_linkedin, G_TYPE_OBJECT)

static void
page_free (Page *page)
{
  g_free (page->page);
  g_free (page->key);
  g_free (page->title);
  g_free (page);
}

static Page *
lookup_page (FakeLinkedin *self,
             const char   *page_or_key)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      Page *page = g_ptr_array_index (self->pages, i);

      if (g_strcmp0 (page->page, page_or_key) == 0 || g_strcmp0 (page->key, page_or_key) == 0)
        return page;
    }

  return NULL;
}

static void
add_page (FakeLinkedin *self,
          const char   *name,
          const char   *key,
          const char   *title)
{
  Page *page = g_new0 (Page, 1);

  page->page = g_strdup (name);
  page->key = g_strdup (key);
  page->title = g_strdup (title);
  page->mode = FAKE_LINKEDIN_MODE_SWITCH;
  page->on = TRUE;
  g_ptr_array_add (self->pages, page);
}

/* Pages */

/* As LinkedIn puts JSON in a <code> element: quotes, ampersands, angle
 * brackets and apostrophes as entities, everything beyond ASCII as a
 * numeric one; with @colons_as_numbers also every ':' ("&#58;"), so only a
 * parser that decodes entities reads the JSON at all.
 */
static void
append_escaped (GString    *html,
                const char *json,
                gboolean    colons_as_numbers)
{
  for (const char *p = json; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '"':
          g_string_append (html, "&quot;");
          break;

        case '&':
          g_string_append (html, "&amp;");
          break;

        case '<':
          g_string_append (html, "&lt;");
          break;

        case '>':
          g_string_append (html, "&gt;");
          break;

        case '\'':
          g_string_append (html, "&#39;");
          break;

        case ':':
          if (colons_as_numbers)
            g_string_append (html, "&#58;");
          else
            g_string_append_c (html, ':');
          break;

        default:
          if (c > 0x7f)
            g_string_append_printf (html, "&#x%X;", c);
          else
            g_string_append_unichar (html, c);
          break;
        }
    }
}

static void
append_code (GString    *html,
             const char *id,
             const char *json,
             gboolean    colons_as_numbers)
{
  g_string_append_printf (html, "<code style=\"display: none\" id=\"%s\">", id);
  append_escaped (html, json, colons_as_numbers);
  g_string_append (html, "</code>\n");
}

static char *
node_to_string (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

static void
add_setting_object (JsonBuilder      *builder,
                    Page             *page,
                    FakeLinkedinMode  form)
{
  g_autofree char *urn = g_strdup_printf ("urn:li:fsd_setting:%s", page->key);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "$type");
  json_builder_add_string_value (builder, "com.linkedin.voyager.dash.settings.Setting");
  json_builder_set_member_name (builder, "entityUrn");
  json_builder_add_string_value (builder, urn);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, page->key);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, page->title);
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder,
                                 "LinkedIn’s <b>members</b> & partners — "
                                 "it's \"your\" choice: <a href='/help'>learn more</a>");

  switch (form)
    {
    case FAKE_LINKEDIN_MODE_DISPLAY_VALUES:
      json_builder_set_member_name (builder, "settingDisplayType");
      json_builder_add_string_value (builder, "RADIO_BUTTON");
      json_builder_set_member_name (builder, "onValue");
      json_builder_add_string_value (builder, "ENABLED");
      json_builder_set_member_name (builder, "offValue");
      json_builder_add_string_value (builder, "DISABLED");
      json_builder_set_member_name (builder, "settingDisplayValues");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "displayText");
      json_builder_add_string_value (builder, "On");
      json_builder_set_member_name (builder, "value");
      json_builder_add_string_value (builder, "ENABLED");
      json_builder_set_member_name (builder, "selected");
      json_builder_add_boolean_value (builder, page->on);
      json_builder_end_object (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "displayText");
      json_builder_add_string_value (builder, "Off");
      json_builder_set_member_name (builder, "value");
      json_builder_add_string_value (builder, "DISABLED");
      json_builder_set_member_name (builder, "selected");
      json_builder_add_boolean_value (builder, !page->on);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
      break;

    case FAKE_LINKEDIN_MODE_NO_OFF_VALUE:
      json_builder_set_member_name (builder, "settingDisplayType");
      json_builder_add_string_value (builder, "TOGGLE");
      json_builder_set_member_name (builder, "value");
      json_builder_add_boolean_value (builder, page->on);
      break;

    case FAKE_LINKEDIN_MODE_SWITCH:
    case FAKE_LINKEDIN_MODE_UNAUTHORIZED:
    case FAKE_LINKEDIN_MODE_FORBIDDEN:
    case FAKE_LINKEDIN_MODE_LOGIN_REDIRECT:
    case FAKE_LINKEDIN_MODE_NOT_FOUND:
    case FAKE_LINKEDIN_MODE_BUSY:
    case FAKE_LINKEDIN_MODE_SLOW:
    case FAKE_LINKEDIN_MODE_GARBAGE:
    case FAKE_LINKEDIN_MODE_HUGE:
    case FAKE_LINKEDIN_MODE_HUGE_CHUNKED:
    case FAKE_LINKEDIN_MODE_ELSEWHERE:
    case FAKE_LINKEDIN_MODE_MOVED:
    case FAKE_LINKEDIN_MODE_REDIRECT_LOOP:
    case FAKE_LINKEDIN_MODE_STUCK:
    default:
      json_builder_set_member_name (builder, "settingDisplayType");
      json_builder_add_string_value (builder, "TOGGLE");
      json_builder_set_member_name (builder, "value");
      json_builder_add_boolean_value (builder, page->on);
      json_builder_set_member_name (builder, "onValue");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_set_member_name (builder, "offValue");
      json_builder_add_boolean_value (builder, FALSE);
      break;
    }

  json_builder_end_object (builder);
}

/* A setting that is not the page's, showing the opposite value: a reader
 * that takes the first setting it sees gets it wrong.
 */
static void
add_decoy_object (JsonBuilder *builder,
                  const char  *key,
                  gboolean     on)
{
  g_autofree char *urn = g_strdup_printf ("urn:li:fsd_setting:%s", key);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "$type");
  json_builder_add_string_value (builder, "com.linkedin.voyager.dash.settings.Setting");
  json_builder_set_member_name (builder, "entityUrn");
  json_builder_add_string_value (builder, urn);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, key);
  json_builder_set_member_name (builder, "settingDisplayType");
  json_builder_add_string_value (builder, "TOGGLE");
  json_builder_set_member_name (builder, "value");
  json_builder_add_boolean_value (builder, on);
  json_builder_set_member_name (builder, "onValue");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "offValue");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_end_object (builder);
}

static void
append_page_start (GString    *html,
                   const char *title)
{
  g_string_append_printf (html,
                          "<!DOCTYPE html>\n"
                          "<html lang=\"en\">\n<head>\n"
                          "<meta charset=\"utf-8\">\n"
                          "<title>%s | LinkedIn</title>\n"
                          "<script>window.__lix = { \"a\": \"<code>{}</code>\" };</script>\n"
                          "</head>\n<body class=\"render-mode-BIGPIPE\">\n"
                          "<div id=\"app-mount\"><p>Loading&hellip;</p></div>\n",
                          title);
}

/* A settings page as LinkedIn's look: bits of JSON in <code> elements,
 * the setting object inside an "included" array between decoys.
 */
static char *
build_settings_page (FakeLinkedin     *self,
                     Page             *page,
                     FakeLinkedinMode  form,
                     gsize             padding)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GString) html = g_string_new (NULL);
  g_autofree char *decoy_key = g_strconcat (page->key, "Preview", NULL);
  g_autofree char *json = NULL;

  append_page_start (html, page->title);

  /* Not JSON at all */
  append_code (html, "bpr-guid-1000", "window.__como_rehydration__ = [];", FALSE);

  /* A request's answer about something else */
  append_code (html, "datalet-bpr-guid-1001",
               "{\"request\":\"/voyager/api/me\",\"status\":200,\"body\":\"bpr-guid-1001\"}", FALSE);

  /* A setting whose key only starts like this one's, and one with the
   * same key that shows no value (a label)
   */
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "included");
  json_builder_begin_array (builder);
  add_decoy_object (builder, decoy_key, !page->on);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "$type");
  json_builder_add_string_value (builder, "com.linkedin.voyager.dash.settings.Label");
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, page->key);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, page->title);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json = node_to_string (builder);
  append_code (html, "bpr-guid-1002", json, FALSE);
  g_clear_pointer (&json, g_free);
  g_clear_object (&builder);

  /* The page's own data: the setting between two others */
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "data");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "$type");
  json_builder_add_string_value (builder, "com.linkedin.restli.common.CollectionResponse");
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, "settingsCollection");
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "included");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->pages->len; i++)
    {
      Page *other = g_ptr_array_index (self->pages, i);

      if (other != page)
        add_decoy_object (builder, other->key, !page->on);
    }
  add_setting_object (builder, page, form);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json = node_to_string (builder);
  append_code (html, "bpr-guid-1003", json, TRUE);

  if (padding > 0)
    {
      g_string_append (html, "<!-- ");
      while (html->len < padding)
        g_string_append (html, "padding padding padding padding padding padding padding\n");
      g_string_append (html, " -->\n");
    }

  g_string_append (html, "</body>\n</html>\n");

  return g_string_free (g_steal_pointer (&html), FALSE);
}

static char *
build_garbage_page (Page *page)
{
  g_autoptr(GString) html = g_string_new (NULL);

  append_page_start (html, page->title);
  g_string_append (html, "<div><code>{&quot;included&quot;:[{&quot;key&quot;:&quot;somethingElse&quot;,"
                         "&quot;value&quot;:true,&quot;offValue&quot;:false}]}</code>\n");
  g_string_append (html, "<code>{&quot;key&quot;:&quot;");
  g_string_append (html, page->key);
  g_string_append (html, "&quot;, &quot;value&quot; tru</code>\n");
  g_string_append (html, "<code>");
  for (guint i = 0; i < GARBAGE_DEPTH; i++)
    g_string_append_c (html, '[');
  g_string_append (html, "{&quot;key&quot;:&quot;");
  g_string_append (html, page->key);
  g_string_append (html, "&quot;,&quot;value&quot;:false}");
  for (guint i = 0; i < GARBAGE_DEPTH; i++)
    g_string_append_c (html, ']');
  g_string_append (html, "</code>\n");
  g_string_append (html, "<p>Something went wrong <b><i>unclosed <table><tr><td>\n");
  g_string_append (html, "\x01\xff\xfe not UTF-8\n");
  g_string_append (html, "</code></div></html>");

  return g_string_free (g_steal_pointer (&html), FALSE);
}

/* Answers */

static void
set_html (SoupServerMessage *message,
          char              *html)
{
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "text/html; charset=utf-8",
                                    SOUP_MEMORY_TAKE, html, strlen (html));
}

static void
set_json (SoupServerMessage *message,
          guint              status,
          const char        *json)
{
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, "application/json",
                                    SOUP_MEMORY_COPY, json, strlen (json));
}

static void
set_redirect (SoupServerMessage *message,
              guint              status,
              const char        *location)
{
  soup_server_message_set_status (message, status, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                "Location", location);
}

static void
delayed_free (Delayed *delayed)
{
  g_clear_handle_id (&delayed->source_id, g_source_remove);
  g_object_unref (delayed->message);
  g_free (delayed);
}

static gboolean
on_delay_over (gpointer user_data)
{
  Delayed *delayed = user_data;
  FakeLinkedin *self = delayed->self;

  delayed->source_id = 0;
  self->delayed = g_list_remove (self->delayed, delayed);
  soup_server_message_unpause (delayed->message);
  delayed_free (delayed);

  return G_SOURCE_REMOVE;
}

static void
delay_answer (FakeLinkedin      *self,
              SoupServerMessage *message,
              guint              delay_ms)
{
  Delayed *delayed = g_new0 (Delayed, 1);

  delayed->self = self;
  delayed->message = g_object_ref (message);
  delayed->source_id = g_timeout_add (delay_ms, on_delay_over, delayed);
  self->delayed = g_list_prepend (self->delayed, delayed);
  soup_server_message_pause (message);
}

/* The client went away while an answer waited. */
static void
on_request_aborted (SoupServer        *server,
                    SoupServerMessage *message,
                    FakeLinkedin      *self)
{
  for (GList *l = self->delayed; l != NULL; l = l->next)
    {
      Delayed *delayed = l->data;

      if (delayed->message == message)
        {
          self->delayed = g_list_delete_link (self->delayed, l);
          delayed_free (delayed);
          return;
        }
    }
}

static gboolean
has_session (FakeLinkedin       *self,
             SoupMessageHeaders *headers)
{
  const char *cookie = soup_message_headers_get_one (headers, "Cookie");
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", self->jsessionid);
  g_auto(GStrv) pairs = NULL;
  gboolean has_li_at = FALSE;
  gboolean has_jsessionid = FALSE;

  if (cookie == NULL ||
      g_strcmp0 (soup_message_headers_get_one (headers, "csrf-token"), self->jsessionid) != 0 ||
      g_strcmp0 (soup_message_headers_get_one (headers, "x-restli-protocol-version"), "2.0.0") != 0)
    return FALSE;

  pairs = g_strsplit (cookie, ";", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *pair = g_strstrip (pairs[i]);

      if (g_str_has_prefix (pair, "li_at=") && strcmp (pair + strlen ("li_at="), self->li_at) == 0)
        has_li_at = TRUE;
      else if (g_str_has_prefix (pair, "JSESSIONID=") &&
               (strcmp (pair + strlen ("JSESSIONID="), self->jsessionid) == 0 ||
                strcmp (pair + strlen ("JSESSIONID="), quoted) == 0))
        has_jsessionid = TRUE;
    }

  return has_li_at && has_jsessionid;
}

static gboolean
accepts (SoupMessageHeaders *headers,
         const char         *type)
{
  const char *accept = soup_message_headers_get_one (headers, "Accept");

  return accept != NULL && strstr (accept, type) != NULL;
}

/* Answers the failure modes; FALSE when the page answers as a page. */
static gboolean
answer_mode (FakeLinkedin      *self,
             SoupServerMessage *message,
             Page              *page,
             const char        *path)
{
  g_autofree char *location = NULL;
  g_autofree char *escaped = NULL;

  switch (page->mode)
    {
    case FAKE_LINKEDIN_MODE_UNAUTHORIZED:
      set_json (message, SOUP_STATUS_UNAUTHORIZED, "{\"status\":401}");
      return TRUE;

    case FAKE_LINKEDIN_MODE_FORBIDDEN:
      set_json (message, SOUP_STATUS_FORBIDDEN, "{\"status\":403}");
      return TRUE;

    case FAKE_LINKEDIN_MODE_LOGIN_REDIRECT:
      escaped = g_uri_escape_string (path, NULL, FALSE);
      location = g_strdup_printf ("/uas/login?session_redirect=%s", escaped);
      set_redirect (message, SOUP_STATUS_FOUND, location);
      return TRUE;

    case FAKE_LINKEDIN_MODE_NOT_FOUND:
      set_html (message, g_strdup ("<html><body><h1>Page not found</h1></body></html>"));
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return TRUE;

    case FAKE_LINKEDIN_MODE_BUSY:
      if (page->n_busy_left == 0)
        return FALSE;
      page->n_busy_left--;
      soup_server_message_set_status (message, self->busy_status, NULL);
      if (self->busy_retry_after != NULL)
        soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                      "Retry-After", self->busy_retry_after);
      return TRUE;

    case FAKE_LINKEDIN_MODE_ELSEWHERE:
      location = g_strconcat (self->elsewhere_url, path, NULL);
      set_redirect (message, SOUP_STATUS_FOUND, location);
      return TRUE;

    case FAKE_LINKEDIN_MODE_MOVED:
      if (g_str_has_prefix (path, MOVED_PATH))
        return FALSE;
      location = g_strconcat (MOVED_PATH, page->page, NULL);
      set_redirect (message, SOUP_STATUS_MOVED_PERMANENTLY, location);
      return TRUE;

    case FAKE_LINKEDIN_MODE_REDIRECT_LOOP:
      set_redirect (message, SOUP_STATUS_FOUND, path);
      return TRUE;

    case FAKE_LINKEDIN_MODE_SWITCH:
    case FAKE_LINKEDIN_MODE_DISPLAY_VALUES:
    case FAKE_LINKEDIN_MODE_NO_OFF_VALUE:
    case FAKE_LINKEDIN_MODE_SLOW:
    case FAKE_LINKEDIN_MODE_GARBAGE:
    case FAKE_LINKEDIN_MODE_HUGE:
    case FAKE_LINKEDIN_MODE_HUGE_CHUNKED:
    case FAKE_LINKEDIN_MODE_STUCK:
    default:
      return FALSE;
    }
}

static void
answer_profile (FakeLinkedin      *self,
                SoupServerMessage *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *json = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "data");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "firstName");
  json_builder_add_string_value (builder, self->first_name);
  json_builder_set_member_name (builder, "lastName");
  json_builder_add_string_value (builder, self->last_name);
  json_builder_set_member_name (builder, "publicIdentifier");
  json_builder_add_string_value (builder, "fake-member");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json = node_to_string (builder);

  set_json (message, SOUP_STATUS_OK, json);
}

static void
answer_page (FakeLinkedin      *self,
             SoupServerMessage *message,
             Page              *page)
{
  FakeLinkedinMode form = page->mode;

  switch (page->mode)
    {
    case FAKE_LINKEDIN_MODE_GARBAGE:
      set_html (message, build_garbage_page (page));
      return;

    case FAKE_LINKEDIN_MODE_HUGE:
      set_html (message, build_settings_page (self, page, FAKE_LINKEDIN_MODE_SWITCH, HUGE_SIZE));
      return;

    case FAKE_LINKEDIN_MODE_HUGE_CHUNKED:
      set_html (message, build_settings_page (self, page, FAKE_LINKEDIN_MODE_SWITCH, HUGE_SIZE));
      soup_message_headers_set_encoding (soup_server_message_get_response_headers (message),
                                         SOUP_ENCODING_CHUNKED);
      return;

    case FAKE_LINKEDIN_MODE_DISPLAY_VALUES:
    case FAKE_LINKEDIN_MODE_NO_OFF_VALUE:
      break;

    case FAKE_LINKEDIN_MODE_SWITCH:
    case FAKE_LINKEDIN_MODE_UNAUTHORIZED:
    case FAKE_LINKEDIN_MODE_FORBIDDEN:
    case FAKE_LINKEDIN_MODE_LOGIN_REDIRECT:
    case FAKE_LINKEDIN_MODE_NOT_FOUND:
    case FAKE_LINKEDIN_MODE_BUSY:
    case FAKE_LINKEDIN_MODE_SLOW:
    case FAKE_LINKEDIN_MODE_ELSEWHERE:
    case FAKE_LINKEDIN_MODE_MOVED:
    case FAKE_LINKEDIN_MODE_REDIRECT_LOOP:
    case FAKE_LINKEDIN_MODE_STUCK:
    default:
      form = FAKE_LINKEDIN_MODE_SWITCH;
      break;
    }

  set_html (message, build_settings_page (self, page, form, 0));
}

/* PUT /mysettings-api/settingsApiSettings/<key> with the setting object
 * as read and the new value.
 */
static void
answer_write (FakeLinkedin      *self,
              SoupServerMessage *message,
              Page              *page)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (message));
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *urn = g_strdup_printf ("urn:li:fsd_setting:%s", page->key);
  g_autofree char *content_type = NULL;
  JsonObject *object;
  JsonNode *value;
  gboolean on;

  content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));

  if (g_strcmp0 (content_type, "application/json") != 0 ||
      !json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    goto bad_request;

  object = json_node_get_object (json_parser_get_root (parser));
  value = json_object_get_member (object, "value");
  if (g_strcmp0 (json_object_get_string_member_with_default (object, "key", NULL), page->key) != 0 ||
      g_strcmp0 (json_object_get_string_member_with_default (object, "entityUrn", NULL), urn) != 0 ||
      json_object_get_string_member_with_default (object, "settingDisplayType", NULL) == NULL ||
      !json_object_has_member (object, "hasChild") ||
      json_object_get_boolean_member_with_default (object, "hasChild", TRUE) ||
      value == NULL || JSON_NODE_TYPE (value) != JSON_NODE_VALUE)
    goto bad_request;

  if (page->mode == FAKE_LINKEDIN_MODE_DISPLAY_VALUES)
    {
      const char *text = json_node_get_string (value);

      if (g_strcmp0 (text, "ENABLED") != 0 && g_strcmp0 (text, "DISABLED") != 0)
        goto bad_request;
      on = g_strcmp0 (text, "ENABLED") == 0;
    }
  else
    {
      if (json_node_get_value_type (value) != G_TYPE_BOOLEAN)
        goto bad_request;
      on = json_node_get_boolean (value);
    }

  self->n_writes++;
  if (page->mode != FAKE_LINKEDIN_MODE_STUCK)
    page->on = on;

  set_json (message, SOUP_STATUS_OK, "{}");
  return;

bad_request:
  self->n_rejected++;
  set_json (message, SOUP_STATUS_BAD_REQUEST, "{\"status\":400}");
}

static void
record_peer (FakeLinkedin      *self,
             SoupServerMessage *message)
{
  GSocketAddress *address = soup_server_message_get_remote_address (message);
  g_autofree char *host = NULL;

  if (!G_IS_INET_SOCKET_ADDRESS (address))
    return;

  host = g_inet_address_to_string (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (address)));
  g_hash_table_add (self->peers,
                    g_strdup_printf ("%s:%u", host,
                                     g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address))));
}

/* Returns: the page that answered, if any */
static Page *
answer_request (FakeLinkedin      *self,
                SoupServerMessage *message,
                const char        *path)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  const char *method = soup_server_message_get_method (message);
  gboolean is_get = strcmp (method, SOUP_METHOD_GET) == 0;
  gboolean is_put = strcmp (method, SOUP_METHOD_PUT) == 0;
  Page *page = NULL;

  if (is_get && g_str_has_prefix (path, "/uas/login"))
    {
      set_html (message, g_strdup ("<html><body><form>Sign in</form></body></html>"));
      return NULL;
    }

  if (!has_session (self, headers))
    {
      self->n_rejected++;
      set_json (message, SOUP_STATUS_UNAUTHORIZED, "{\"status\":401}");
      return NULL;
    }

  if (is_get && strcmp (path, PROFILE_PATH) == 0)
    page = lookup_page (self, FAKE_LINKEDIN_PROFILE_PAGE);
  else if (is_get && g_str_has_prefix (path, SETTINGS_PAGE_PATH))
    page = lookup_page (self, path + strlen (SETTINGS_PAGE_PATH));
  else if (is_get && g_str_has_prefix (path, MOVED_PATH))
    page = lookup_page (self, path + strlen (MOVED_PATH));
  else if (is_put && g_str_has_prefix (path, SETTINGS_API_PATH))
    page = lookup_page (self, path + strlen (SETTINGS_API_PATH));

  if (page == NULL || (is_put && page->key == NULL))
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return NULL;
    }

  if (answer_mode (self, message, page, path))
    return page;

  if (!accepts (headers, page->key == NULL || is_put ? "application/json" : "text/html"))
    {
      self->n_rejected++;
      soup_server_message_set_status (message, SOUP_STATUS_NOT_ACCEPTABLE, NULL);
      return page;
    }

  if (page->key == NULL)
    answer_profile (self, message);
  else if (is_put)
    answer_write (self, message, page);
  else
    answer_page (self, message, page);

  return page;
}

static void
handle_request (SoupServer        *server,
                SoupServerMessage *message,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  FakeLinkedin *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  SoupMessageHeadersIter iter;
  const char *name;
  const char *value;
  guint delay_ms = self->latency_ms;
  Page *page;

  self->n_requests++;
  record_peer (self, message);

  g_clear_pointer (&self->last_headers, soup_message_headers_unref);
  self->last_headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  soup_message_headers_iter_init (&iter, headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    soup_message_headers_append (self->last_headers, name, value);

  page = answer_request (self, message, path);
  if (page != NULL && page->mode == FAKE_LINKEDIN_MODE_SLOW)
    delay_ms += self->slow_ms;

  if (delay_ms > 0)
    delay_answer (self, message, delay_ms);
}

/* The other host: it answers as if it were LinkedIn, with every switch
 * off, and notes whether a session reached it.
 */
static void
handle_elsewhere (SoupServer        *server,
                  SoupServerMessage *message,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  FakeLinkedin *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  Page *page = NULL;

  self->elsewhere_n_requests++;
  if (soup_message_headers_get_one (headers, "Cookie") != NULL ||
      soup_message_headers_get_one (headers, "csrf-token") != NULL)
    self->elsewhere_saw_cookie = TRUE;

  if (g_str_has_prefix (path, SETTINGS_PAGE_PATH))
    page = lookup_page (self, path + strlen (SETTINGS_PAGE_PATH));

  if (page != NULL && page->key != NULL)
    {
      gboolean on = page->on;

      page->on = FALSE;
      set_html (message, build_settings_page (self, page, FAKE_LINKEDIN_MODE_SWITCH, 0));
      page->on = on;
    }
  else
    soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
}

/* Object */

static void
fake_linkedin_dispose (GObject *object)
{
  FakeLinkedin *self = (FakeLinkedin *)object;

  g_list_free_full (g_steal_pointer (&self->delayed), (GDestroyNotify)delayed_free);

  if (self->server != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->server, self);
      soup_server_disconnect (self->server);
      g_clear_object (&self->server);
    }

  if (self->elsewhere != NULL)
    {
      soup_server_disconnect (self->elsewhere);
      g_clear_object (&self->elsewhere);
    }

  G_OBJECT_CLASS (fake_linkedin_parent_class)->dispose (object);
}

static void
fake_linkedin_finalize (GObject *object)
{
  FakeLinkedin *self = (FakeLinkedin *)object;

  g_free (self->url);
  g_free (self->li_at);
  g_free (self->jsessionid);
  g_free (self->cookies);
  g_ptr_array_unref (self->pages);
  g_free (self->first_name);
  g_free (self->last_name);
  g_free (self->busy_retry_after);
  g_hash_table_unref (self->peers);
  g_clear_pointer (&self->last_headers, soup_message_headers_unref);
  g_free (self->elsewhere_url);

  G_OBJECT_CLASS (fake_linkedin_parent_class)->finalize (object);
}

static void
fake_linkedin_class_init (FakeLinkedinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fake_linkedin_dispose;
  object_class->finalize = fake_linkedin_finalize;
}

static void
set_session (FakeLinkedin *self,
             const char   *li_at,
             const char   *jsessionid)
{
  g_free (self->li_at);
  self->li_at = g_strdup (li_at);
  g_free (self->jsessionid);
  self->jsessionid = g_strdup (jsessionid);
  g_free (self->cookies);
  self->cookies = g_strdup_printf ("li_at=%s; JSESSIONID=\"%s\"", self->li_at, self->jsessionid);
  self->secrets[0] = self->li_at;
  self->secrets[1] = self->jsessionid;
  self->secrets[2] = NULL;
}

static void
fake_linkedin_init (FakeLinkedin *self)
{
  g_autofree char *li_at = NULL;
  g_autofree char *jsessionid = NULL;

  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)page_free);
  add_page (self, FAKE_LINKEDIN_AI_TRAINING_PAGE, FAKE_LINKEDIN_AI_TRAINING_KEY,
            "Use my data for training content creation AI models");
  add_page (self, FAKE_LINKEDIN_ADS_SHARING_PAGE, FAKE_LINKEDIN_ADS_SHARING_KEY,
            "Share data with affiliates and partners");
  add_page (self, FAKE_LINKEDIN_RESEARCH_PAGE, FAKE_LINKEDIN_RESEARCH_KEY,
            "Data for research");
  add_page (self, FAKE_LINKEDIN_PROFILE_PAGE, NULL, "Mini profile");

  self->first_name = g_strdup ("Ada");
  self->last_name = g_strdup ("Lovelace");
  self->busy_status = 429;
  self->busy_times = 1;
  self->busy_retry_after = g_strdup ("1");
  self->slow_ms = 5000;
  self->peers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Values no test could find by chance anywhere else */
  li_at = g_strdup_printf ("AQEDAFakeLiAt%08x%08x", g_random_int (), g_random_int ());
  jsessionid = g_strdup_printf ("ajax:%010u%09u", g_random_int (), g_random_int_range (0, 1000000000));
  set_session (self, li_at, jsessionid);
}

static char *
listen_loopback (SoupServer *server,
                 const char *address_text)
{
  g_autoptr(GInetAddress) address = g_inet_address_new_from_string (address_text);
  g_autoptr(GSocketAddress) socket_address = g_inet_socket_address_new (address, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  GSList *listeners;

  if (!soup_server_listen (server, socket_address, 0, &error))
    return NULL;

  /* soup_server_get_uris() would do, but leaks in libsoup 3.2 */
  listeners = soup_server_get_listeners (server);
  g_assert (listeners != NULL);
  bound = g_socket_get_local_address (listeners->data, &error);
  g_slist_free (listeners);
  g_assert_no_error (error);

  return g_strdup_printf ("http://%s:%u", address_text,
                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
}

/**
 * fake_linkedin_new:
 *
 * Starts the fake and the other host on loopback ports of their own.
 *
 * Returns: (transfer full): the fake LinkedIn
 */
FakeLinkedin *
fake_linkedin_new (void)
{
  FakeLinkedin *self = g_object_new (FAKE_TYPE_LINKEDIN, NULL);

  self->server = soup_server_new ("server-header", "fake-linkedin ", NULL);
  soup_server_add_handler (self->server, NULL, handle_request, self, NULL);
  g_signal_connect (self->server, "request-aborted", G_CALLBACK (on_request_aborted), self);
  self->url = listen_loopback (self->server, "127.0.0.1");
  g_assert (self->url != NULL);

  /* Another address where the system has one, else another port */
  self->elsewhere = soup_server_new ("server-header", "elsewhere ", NULL);
  soup_server_add_handler (self->elsewhere, NULL, handle_elsewhere, self, NULL);
  self->elsewhere_url = listen_loopback (self->elsewhere, "127.0.0.2");
  if (self->elsewhere_url == NULL)
    self->elsewhere_url = listen_loopback (self->elsewhere, "127.0.0.1");
  g_assert (self->elsewhere_url != NULL);

  return self;
}

/**
 * fake_linkedin_get_url:
 *
 * Returns: where it listens, "http://127.0.0.1:PORT", for UNTRAIN_LINKEDIN_URL
 */
const char *
fake_linkedin_get_url (FakeLinkedin *self)
{
  g_return_val_if_fail (FAKE_IS_LINKEDIN (self), NULL);

  return self->url;
}

/**
 * fake_linkedin_get_cookies:
 *
 * Returns: the session it accepts, `li_at=…; JSESSIONID="ajax:…"`
 */
const char *
fake_linkedin_get_cookies (FakeLinkedin *self)
{
  g_return_val_if_fail (FAKE_IS_LINKEDIN (self), NULL);

  return self->cookies;
}

/**
 * fake_linkedin_get_secrets:
 *
 * Returns: (array zero-terminated=1): the session's secret values, the
 *   li_at cookie and the JSESSIONID (the csrf token), which must appear in
 *   no log, file or message
 */
const char * const *
fake_linkedin_get_secrets (FakeLinkedin *self)
{
  g_return_val_if_fail (FAKE_IS_LINKEDIN (self), NULL);

  return (const char * const *)self->secrets;
}

/**
 * fake_linkedin_set_session:
 * @jsessionid: such as "ajax:123", without quotes
 *
 * Accepts this session instead of the random one it made up, for a test
 * that must know the secrets before the fake exists (in a subprocess).
 */
void
fake_linkedin_set_session (FakeLinkedin *self,
                           const char   *li_at,
                           const char   *jsessionid)
{
  g_return_if_fail (FAKE_IS_LINKEDIN (self));
  g_return_if_fail (li_at != NULL && jsessionid != NULL);

  set_session (self, li_at, jsessionid);
}

/**
 * fake_linkedin_set_page_mode:
 * @page: one of the FAKE_LINKEDIN_*_PAGE names
 *
 * How the page answers from now on: reads of the page, writes of its
 * setting, and for %FAKE_LINKEDIN_PROFILE_PAGE who is signed in. Setting
 * %FAKE_LINKEDIN_MODE_BUSY starts the count of busy answers afresh.
 */
void
fake_linkedin_set_page_mode (FakeLinkedin     *self,
                             const char       *page,
                             FakeLinkedinMode  mode)
{
  Page *found;

  g_return_if_fail (FAKE_IS_LINKEDIN (self));

  found = lookup_page (self, page);
  g_return_if_fail (found != NULL);

  found->mode = mode;
  found->n_busy_left = self->busy_times;
}

/**
 * fake_linkedin_set_setting_on:
 * @key: a setting's key, such as %FAKE_LINKEDIN_AI_TRAINING_KEY, or its page
 */
void
fake_linkedin_set_setting_on (FakeLinkedin *self,
                              const char   *key,
                              gboolean      on)
{
  Page *page;

  g_return_if_fail (FAKE_IS_LINKEDIN (self));

  page = lookup_page (self, key);
  g_return_if_fail (page != NULL && page->key != NULL);

  page->on = !!on;
}

/**
 * fake_linkedin_get_setting_on:
 * @key: a setting's key, or its page
 *
 * Returns: whether the switch is on on the server
 */
gboolean
fake_linkedin_get_setting_on (FakeLinkedin *self,
                              const char   *key)
{
  Page *page;

  g_return_val_if_fail (FAKE_IS_LINKEDIN (self), FALSE);

  page = lookup_page (self, key);
  g_return_val_if_fail (page != NULL && page->key != NULL, FALSE);

  return page->on;
}

/**
 * fake_linkedin_set_profile:
 *
 * Who is signed in ("Ada" "Lovelace" unless set).
 */
void
fake_linkedin_set_profile (FakeLinkedin *self,
                           const char   *first_name,
                           const char   *last_name)
{
  g_return_if_fail (FAKE_IS_LINKEDIN (self));

  g_free (self->first_name);
  self->first_name = g_strdup (first_name);
  g_free (self->last_name);
  self->last_name = g_strdup (last_name);
}

/**
 * fake_linkedin_set_busy:
 * @status: 429 or 503
 * @n_times: how many answers are busy before the page answers normally
 * @retry_after: (nullable): the Retry-After header, seconds or an HTTP date
 *
 * What %FAKE_LINKEDIN_MODE_BUSY answers (429, once, "Retry-After: 1"
 * unless set); applies to pages whose mode is set after this call.
 */
void
fake_linkedin_set_busy (FakeLinkedin *self,
                        guint         status,
                        guint         n_times,
                        const char   *retry_after)
{
  g_return_if_fail (FAKE_IS_LINKEDIN (self));

  self->busy_status = status;
  self->busy_times = n_times;
  g_free (self->busy_retry_after);
  self->busy_retry_after = g_strdup (retry_after);
}

/**
 * fake_linkedin_set_slow_ms:
 *
 * How long %FAKE_LINKEDIN_MODE_SLOW keeps the client waiting.
 */
void
fake_linkedin_set_slow_ms (FakeLinkedin *self,
                           guint         slow_ms)
{
  g_return_if_fail (FAKE_IS_LINKEDIN (self));

  self->slow_ms = slow_ms;
}

/**
 * fake_linkedin_set_latency_ms:
 *
 * Delays every answer by @latency_ms, as a far server would.
 */
void
fake_linkedin_set_latency_ms (FakeLinkedin *self,
                              guint         latency_ms)
{
  g_return_if_fail (FAKE_IS_LINKEDIN (self));

  self->latency_ms = latency_ms;
}

/**
 * fake_linkedin_get_n_requests:
 *
 * Returns: how many requests reached it, rejected ones included
 */
guint
fake_linkedin_get_n_requests (FakeLinkedin *self)
{
  g_return_val_if_fail (FAKE_IS_LINKEDIN (self), 0);

  return self->n_requests;
}

/**
 * fake_linkedin_get_n_writes:
 *
 * Returns: how many well-formed PUTs of a setting it took
 */
guint
fake_linkedin_get_n_writes (FakeLinkedin *self)
{
  g_return_val_if_fail (FAKE_IS_LINKEDIN (self), 0);

  return self->n_writes;
}

/**
 * fake_linkedin_get_n_rejected:
 *
 * Returns: how many requests it refused for a missing or wrong header
 *   (Cookie, csrf-token, x-restli-protocol-version, Accept) or a bad PUT body
 */
guint
fake_linkedin_get_n_rejected (FakeLinkedin *self)
{
  g_return_val_if_fail (FAKE_IS_LINKEDIN (self), 0);

  return self->n_rejected;
}

/**
 * fake_linkedin_get_n_connections:
 *
 * Returns: how many TCP connections its requests came over (distinct
 *   client address and port)
 */
guint
fake_linkedin_get_n_connections (FakeLinkedin *self)
{
  g_return_val_if_fail (FAKE_IS_LINKEDIN (self), 0);

  return g_hash_table_size (self->peers);
}

/**
 * fake_linkedin_dup_last_header:
 *
 * Returns: (transfer full) (nullable): the header @name of the last request
 */
char *
fake_linkedin_dup_last_header (FakeLinkedin *self,
                               const char   *name)
{
  g_return_val_if_fail (FAKE_IS_LINKEDIN (self), NULL);

  if (self->last_headers == NULL)
    return NULL;

  return g_strdup (soup_message_headers_get_one (self->last_headers, name));
}

/**
 * fake_linkedin_reset_counts:
 *
 * Starts the requests, writes, rejections and connections from zero; the
 * connections still open count again when used.
 */
void
fake_linkedin_reset_counts (FakeLinkedin *self)
{
  g_return_if_fail (FAKE_IS_LINKEDIN (self));

  self->n_requests = 0;
  self->n_writes = 0;
  self->n_rejected = 0;
  g_hash_table_remove_all (self->peers);
  self->elsewhere_n_requests = 0;
  self->elsewhere_saw_cookie = FALSE;
}

/**
 * fake_linkedin_get_elsewhere_url:
 *
 * Returns: the other host, on 127.0.0.2 where the system allows, else on
 *   another port of 127.0.0.1
 */
const char *
fake_linkedin_get_elsewhere_url (FakeLinkedin *self)
{
  g_return_val_if_fail (FAKE_IS_LINKEDIN (self), NULL);

  return self->elsewhere_url;
}

guint
fake_linkedin_get_elsewhere_n_requests (FakeLinkedin *self)
{
  g_return_val_if_fail (FAKE_IS_LINKEDIN (self), 0);

  return self->elsewhere_n_requests;
}

/**
 * fake_linkedin_get_elsewhere_saw_cookie:
 *
 * Returns: whether a request to the other host carried a Cookie or a
 *   csrf-token header
 */
gboolean
fake_linkedin_get_elsewhere_saw_cookie (FakeLinkedin *self)
{
  g_return_val_if_fail (FAKE_IS_LINKEDIN (self), FALSE);

  return self->elsewhere_saw_cookie;
}
