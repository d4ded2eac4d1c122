/* test-cookies.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "untrain-credentials.h"
#include "untrain-error.h"

/* What a person pastes or pipes into Untrain, read as LinkedIn's session.
 * The values are made up, but shaped like LinkedIn's.
 */
#define LI_AT       "AQEDAR1c2VjcmV0LWxpLWF0LXZhbHVl"
#define JSESSIONID  "\"ajax:4242424242424242424\""
#define SESSION     "li_at=" LI_AT "; JSESSIONID=" JSESSIONID

static const char * const wanted[] = { "li_at", "JSESSIONID", NULL };

/* A cookie's expiry far in the future and one in the past. */
#define LATER   "4102444800"
#define EARLIER "946684800"

static char *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  char *cookies;

  cookies = untrain_cookies_parse (text, "linkedin.com", wanted, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cookies);

  return cookies;
}

/* Asserts that @text fails to parse with @code, that the message has
 * @fragment in it, and that it holds none of the values in @text.
 */
static void
assert_parse_fails (const char *text,
                    int         code,
                    const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cookies = NULL;

  cookies = untrain_cookies_parse (text, "linkedin.com", wanted, &error);
  g_assert_null (cookies);
  g_assert_error (error, UNTRAIN_ERROR, code);
  g_assert_nonnull (strstr (error->message, fragment));

  g_assert_null (strstr (error->message, LI_AT));
  g_assert_null (strstr (error->message, "ajax:"));
  g_assert_null (strstr (error->message, "4242"));
}

static void
test_cookie_line (void)
{
  g_autofree char *cookies = NULL;

  cookies = parse ("Cookie: lang=v=2&lang=en-us; li_at=" LI_AT "; bcookie=\"v=2&0a1b\"; "
                   "JSESSIONID=" JSESSIONID "; lidc=\"b=VB12:s=V:r=V\"");
  g_assert_cmpstr (cookies, ==, SESSION);
}

static void
test_cookie_line_forms (void)
{
  const char *forms[] = {
    /* Without the header's name, as a browser extension copies it */
    "li_at=" LI_AT "; JSESSIONID=" JSESSIONID,
    /* Any case, spaces and tabs anywhere, a trailing newline */
    "cookie: li_at=" LI_AT ";JSESSIONID=" JSESSIONID "\n",
    "COOKIE\t:\t li_at = " LI_AT " ;  JSESSIONID=" JSESSIONID " ;\n\n",
    "   Cookie:li_at=" LI_AT "; JSESSIONID=" JSESSIONID "   ",
    /* Windows line ends */
    "Cookie: li_at=" LI_AT "; JSESSIONID=" JSESSIONID "\r\n",
    /* The other order: the output follows the wanted list */
    "Cookie: JSESSIONID=" JSESSIONID "; li_at=" LI_AT,
    /* Split over two lines */
    "Cookie: JSESSIONID=" JSESSIONID "\r\nCookie: li_at=" LI_AT "\r\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *cookies = parse (forms[i]);

      g_assert_cmpstr (cookies, ==, SESSION);
    }
}

/* A browser's developer tools copy every request header at once. */
static void
test_cookie_line_among_headers (void)
{
  g_autofree char *http1 = NULL;
  g_autofree char *http2 = NULL;

  http1 = parse ("GET /mypreferences/d/settings/data-for-ai-improvement HTTP/1.1\r\n"
                 "Host: www.linkedin.com\r\n"
                 "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0\r\n"
                 "Accept: text/html,application/xhtml+xml;q=0.9,*/*;q=0.8\r\n"
                 "Cookie: li_at=" LI_AT "; JSESSIONID=" JSESSIONID "\r\n"
                 "Csrf-Token: ajax:1\r\n"
                 "\r\n");
  g_assert_cmpstr (http1, ==, SESSION);

  http2 = parse (":authority: www.linkedin.com\n"
                 ":method: GET\n"
                 "accept-language: en-GB,en;q=0.9\n"
                 "cookie: JSESSIONID=" JSESSIONID "; li_at=" LI_AT "\n");
  g_assert_cmpstr (http2, ==, SESSION);
}

/* Values are kept as the browser sent them: quotes, "=" and all. */
static void
test_values_kept (void)
{
  static const char * const others[] = { "bcookie", "li_theme", "JSESSIONID", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *cookies = NULL;

  cookies = untrain_cookies_parse ("li_theme=light; bcookie=\"v=2&0a1b-2c3d\"; JSESSIONID=ajax:1",
                                   "linkedin.com", others, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cookies, ==, "bcookie=\"v=2&0a1b-2c3d\"; li_theme=light; JSESSIONID=ajax:1");
}

/* Names match whole and by case: "xli_at" and "LI_AT" are not "li_at". */
static void
test_names_exact (void)
{
  assert_parse_fails ("xli_at=" LI_AT "; li_at2=" LI_AT "; LI_AT=" LI_AT "; JSESSIONID=" JSESSIONID,
                      UNTRAIN_ERROR_NOT_FOUND, "li_at");
}

/* The first of two cookies of a name is the one a browser thinks most
 * specific.
 */
static void
test_cookie_line_first_wins (void)
{
  g_autofree char *cookies = NULL;

  cookies = parse ("li_at=" LI_AT "; JSESSIONID=" JSESSIONID "; li_at=older");
  g_assert_cmpstr (cookies, ==, SESSION);
}

#define NETSCAPE_HEADER \
  "# Netscape HTTP Cookie File\n" \
  "# https://curl.se/docs/http-cookies.html\n" \
  "# This file was generated by libcurl! Edit at your own risk.\n" \
  "\n"

static void
test_netscape (void)
{
  g_autofree char *cookies = NULL;

  cookies = parse (NETSCAPE_HEADER
                   ".linkedin.com\tTRUE\t/\tTRUE\t" LATER "\tbcookie\t\"v=2&0a1b\"\n"
                   "#HttpOnly_.www.linkedin.com\tTRUE\t/\tTRUE\t" LATER "\tli_at\t" LI_AT "\n"
                   ".example.com\tTRUE\t/\tFALSE\t0\tsession\tabc\n"
                   ".www.linkedin.com\tTRUE\t/\tTRUE\t" LATER "\tJSESSIONID\t" JSESSIONID "\n");
  g_assert_cmpstr (cookies, ==, SESSION);
}

/* The cookies.txt a browser extension writes: no comment line, upper-case
 * domain, Windows line ends, session cookies with expiry 0.
 */
static void
test_netscape_forms (void)
{
  g_autofree char *crlf = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *dotted = NULL;

  crlf = parse ("www.LinkedIn.com\tFALSE\t/\tTRUE\t0\tJSESSIONID\t" JSESSIONID "\r\n"
                "#HttpOnly_.linkedin.com\tTRUE\t/\tTRUE\t" LATER "\tli_at\t" LI_AT "\r\n");
  g_assert_cmpstr (crlf, ==, SESSION);

  /* Without a final newline, after indented comments */
  bare = parse ("  # cookies\n"
                "linkedin.com\tFALSE\t/\tTRUE\t" LATER "\tli_at\t" LI_AT "\n"
                "linkedin.com\tFALSE\t/\tTRUE\t" LATER "\tJSESSIONID\t" JSESSIONID);
  g_assert_cmpstr (bare, ==, SESSION);

  /* The domain may be given with its leading dot */
  {
    g_autoptr(GError) error = NULL;

    dotted = untrain_cookies_parse (".www.linkedin.com\tTRUE\t/\tTRUE\t0\tli_at\t" LI_AT "\n"
                                    ".www.linkedin.com\tTRUE\t/\tTRUE\t0\tJSESSIONID\t" JSESSIONID "\n",
                                    ".LinkedIn.com", wanted, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (dotted, ==, SESSION);
  }
}

/* Only the domain and its subdomains: a cookie of the same name from a
 * lookalike must never be taken for the session.
 */
static void
test_netscape_lookalike_domains (void)
{
  assert_parse_fails (NETSCAPE_HEADER
                      ".evillinkedin.com\tTRUE\t/\tTRUE\t" LATER "\tli_at\t" LI_AT "\n"
                      "linkedin.com.evil.example\tFALSE\t/\tTRUE\t" LATER "\tli_at\t" LI_AT "\n"
                      ".com\tTRUE\t/\tTRUE\t" LATER "\tli_at\t" LI_AT "\n"
                      "xlinkedin.com\tFALSE\t/\tTRUE\t" LATER "\tli_at\t" LI_AT "\n"
                      ".www.linkedin.com\tTRUE\t/\tTRUE\t" LATER "\tJSESSIONID\t" JSESSIONID "\n",
                      UNTRAIN_ERROR_NOT_FOUND,
                      "The cookies hold no li_at; copy them again while signed in to linkedin.com");
}

/* Another subdomain will do, but the domain's own or www.'s cookie wins,
 * wherever it stands in the file; among equals, the first one.
 */
static void
test_netscape_preferred_domain (void)
{
  g_autofree char *subdomain = NULL;
  g_autofree char *preferred = NULL;
  g_autofree char *first = NULL;

  subdomain = parse ("#HttpOnly_.lms.linkedin.com\tTRUE\t/\tTRUE\t" LATER "\tli_at\t" LI_AT "\n"
                     ".lms.linkedin.com\tTRUE\t/\tTRUE\t" LATER "\tJSESSIONID\t" JSESSIONID "\n");
  g_assert_cmpstr (subdomain, ==, SESSION);

  preferred = parse (".lms.linkedin.com\tTRUE\t/\tTRUE\t" LATER "\tli_at\tfrom-lms\n"
                     ".lms.linkedin.com\tTRUE\t/\tTRUE\t" LATER "\tJSESSIONID\tfrom-lms\n"
                     ".www.linkedin.com\tTRUE\t/\tTRUE\t" LATER "\tli_at\t" LI_AT "\n"
                     "linkedin.com\tFALSE\t/\tTRUE\t" LATER "\tJSESSIONID\t" JSESSIONID "\n"
                     "api.linkedin.com\tFALSE\t/\tTRUE\t" LATER "\tJSESSIONID\tfrom-api\n");
  g_assert_cmpstr (preferred, ==, SESSION);

  first = parse (".www.linkedin.com\tTRUE\t/\tTRUE\t" LATER "\tli_at\t" LI_AT "\n"
                 ".linkedin.com\tTRUE\t/\tTRUE\t" LATER "\tli_at\tsecond\n"
                 ".www.linkedin.com\tTRUE\t/\tTRUE\t" LATER "\tJSESSIONID\t" JSESSIONID "\n");
  g_assert_cmpstr (first, ==, SESSION);
}

/* A browser no longer sends an expired cookie; neither does Untrain. */
static void
test_netscape_expired (void)
{
  g_autofree char *fresh = NULL;

  assert_parse_fails (".www.linkedin.com\tTRUE\t/\tTRUE\t" EARLIER "\tli_at\t" LI_AT "\n"
                      ".www.linkedin.com\tTRUE\t/\tTRUE\t0\tJSESSIONID\t" JSESSIONID "\n",
                      UNTRAIN_ERROR_NOT_FOUND,
                      "The li_at cookie has expired; sign in to linkedin.com again");

  fresh = parse (".www.linkedin.com\tTRUE\t/\tTRUE\t" EARLIER "\tli_at\tstale\n"
                 ".linkedin.com\tTRUE\t/\tTRUE\t" LATER "\tli_at\t" LI_AT "\n"
                 ".www.linkedin.com\tTRUE\t/\tTRUE\t0\tJSESSIONID\t" JSESSIONID "\n");
  g_assert_cmpstr (fresh, ==, SESSION);
}

/* Lines that are not seven fields, or whose expiry is not a number, are
 * skipped; the good lines around them still count.
 */
static void
test_netscape_bad_lines (void)
{
  g_autofree char *cookies = NULL;

  cookies = parse (NETSCAPE_HEADER
                   ".www.linkedin.com\tTRUE\t/\tTRUE\tsoon\tli_at\tnot-a-number\n"
                   ".www.linkedin.com TRUE / TRUE 0 li_at spaces-not-tabs\n"
                   ".www.linkedin.com\tTRUE\t/\tTRUE\n"
                   ".www.linkedin.com\tTRUE\t/\tTRUE\t" LATER "\tli_at\t" LI_AT "\n"
                   ".www.linkedin.com\tTRUE\t/\tTRUE\t" LATER "\tJSESSIONID\t" JSESSIONID "\n");
  g_assert_cmpstr (cookies, ==, SESSION);
}

static void
test_missing (void)
{
  assert_parse_fails ("Cookie: li_at=" LI_AT "; lang=v=2&lang=en-us",
                      UNTRAIN_ERROR_NOT_FOUND,
                      "The cookies hold no JSESSIONID; copy them again while signed in to linkedin.com");

  assert_parse_fails (NETSCAPE_HEADER
                      ".www.linkedin.com\tTRUE\t/\tTRUE\t" LATER "\tJSESSIONID\t" JSESSIONID "\n",
                      UNTRAIN_ERROR_NOT_FOUND,
                      "The cookies hold no li_at");

  /* Cookies of other sites only */
  assert_parse_fails (".example.com\tTRUE\t/\tTRUE\t" LATER "\tli_at\t" LI_AT "\n"
                      ".example.com\tTRUE\t/\tTRUE\t" LATER "\tJSESSIONID\t" JSESSIONID "\n",
                      UNTRAIN_ERROR_NOT_FOUND,
                      "The cookies hold no li_at");
}

/* What LinkedIn leaves behind when a person signs out. */
static void
test_empty_value (void)
{
  assert_parse_fails ("li_at=; JSESSIONID=" JSESSIONID,
                      UNTRAIN_ERROR_NOT_FOUND, "The cookies hold no li_at");
  assert_parse_fails (".www.linkedin.com\tTRUE\t/\tTRUE\t" LATER "\tli_at\t\n"
                      ".www.linkedin.com\tTRUE\t/\tTRUE\t" LATER "\tJSESSIONID\t" JSESSIONID "\n",
                      UNTRAIN_ERROR_NOT_FOUND, "The cookies hold no li_at");

  /* Quoted and empty: found by fuzzing (tests/fuzz), as a session the
   * parser took and the LinkedIn provider then refused as incomplete.
   */
  assert_parse_fails ("li_at=" LI_AT "; JSESSIONID=\"\"",
                      UNTRAIN_ERROR_NOT_FOUND, "The cookies hold no JSESSIONID");
  assert_parse_fails ("li_at=" LI_AT "; JSESSIONID= \"\" ; JSESSIONID=\"\"\n",
                      UNTRAIN_ERROR_NOT_FOUND, "The cookies hold no JSESSIONID");
}

static void
test_nothing (void)
{
  assert_parse_fails ("", UNTRAIN_ERROR_FAILED, "There are no cookies to read");
  assert_parse_fails (" \n\r\n\t \n", UNTRAIN_ERROR_FAILED, "There are no cookies to read");
}

static void
test_garbage (void)
{
  static const char invalid_utf8[] = "li_at=\xff\xfe" LI_AT "; JSESSIONID=" JSESSIONID;

  assert_parse_fails ("I copied the wrong thing", UNTRAIN_ERROR_FAILED,
                      "This is neither a “Cookie:” line nor a cookies.txt file");
  assert_parse_fails ("<html><body>" LI_AT "</body></html>", UNTRAIN_ERROR_FAILED,
                      "This is neither a “Cookie:” line nor a cookies.txt file");
  assert_parse_fails ("Set-Cookie: li_at=" LI_AT "; Domain=.www.linkedin.com; Secure",
                      UNTRAIN_ERROR_FAILED,
                      "This is neither a “Cookie:” line nor a cookies.txt file");
  assert_parse_fails (invalid_utf8, UNTRAIN_ERROR_FAILED, "The cookies are not text");
  assert_parse_fails ("# Netscape HTTP Cookie File\n# nothing here\n", UNTRAIN_ERROR_FAILED,
                      "The cookies.txt file holds no cookies");
}

/* A value a Cookie header can't carry is refused, naming the cookie but
 * not its value.
 */
static void
test_control_characters (void)
{
  assert_parse_fails ("li_at=" LI_AT "\x01; JSESSIONID=" JSESSIONID,
                      UNTRAIN_ERROR_FAILED,
                      "The li_at cookie holds characters a Cookie header can’t carry");
  assert_parse_fails ("li_at=" LI_AT "\x7f" "x; JSESSIONID=" JSESSIONID,
                      UNTRAIN_ERROR_FAILED, "The li_at cookie holds characters");
  assert_parse_fails ("li_at=" LI_AT "; JSESSIONID=" JSESSIONID "\rx",
                      UNTRAIN_ERROR_FAILED, "The JSESSIONID cookie holds characters");
  assert_parse_fails (".www.linkedin.com\tTRUE\t/\tTRUE\t" LATER "\tli_at\t" LI_AT ";x\n"
                      ".www.linkedin.com\tTRUE\t/\tTRUE\t" LATER "\tJSESSIONID\t" JSESSIONID "\n",
                      UNTRAIN_ERROR_FAILED, "The li_at cookie holds characters");
  assert_parse_fails (".www.linkedin.com\tTRUE\t/\tTRUE\t" LATER "\tli_at\t" LI_AT "\textra\n"
                      ".www.linkedin.com\tTRUE\t/\tTRUE\t" LATER "\tJSESSIONID\t" JSESSIONID "\n",
                      UNTRAIN_ERROR_FAILED, "The li_at cookie holds characters");
}

/* Another site's odd cookie is none of Untrain's business. */
static void
test_control_characters_elsewhere (void)
{
  g_autofree char *cookies = NULL;

  cookies = parse (".example.com\tTRUE\t/\tTRUE\t" LATER "\tli_at\tbad;value\n"
                   ".www.linkedin.com\tTRUE\t/\tTRUE\t" LATER "\tother\tbad\001value\n"
                   ".www.linkedin.com\tTRUE\t/\tTRUE\t" LATER "\tli_at\t" LI_AT "\n"
                   ".www.linkedin.com\tTRUE\t/\tTRUE\t" LATER "\tJSESSIONID\t" JSESSIONID "\n");
  g_assert_cmpstr (cookies, ==, SESSION);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cookies/cookie-line", test_cookie_line);
  g_test_add_func ("/cookies/cookie-line/forms", test_cookie_line_forms);
  g_test_add_func ("/cookies/cookie-line/among-headers", test_cookie_line_among_headers);
  g_test_add_func ("/cookies/cookie-line/first-wins", test_cookie_line_first_wins);
  g_test_add_func ("/cookies/values-kept", test_values_kept);
  g_test_add_func ("/cookies/names-exact", test_names_exact);
  g_test_add_func ("/cookies/netscape", test_netscape);
  g_test_add_func ("/cookies/netscape/forms", test_netscape_forms);
  g_test_add_func ("/cookies/netscape/lookalike-domains", test_netscape_lookalike_domains);
  g_test_add_func ("/cookies/netscape/preferred-domain", test_netscape_preferred_domain);
  g_test_add_func ("/cookies/netscape/expired", test_netscape_expired);
  g_test_add_func ("/cookies/netscape/bad-lines", test_netscape_bad_lines);
  g_test_add_func ("/cookies/missing", test_missing);
  g_test_add_func ("/cookies/empty-value", test_empty_value);
  g_test_add_func ("/cookies/nothing", test_nothing);
  g_test_add_func ("/cookies/garbage", test_garbage);
  g_test_add_func ("/cookies/control-characters", test_control_characters);
  g_test_add_func ("/cookies/control-characters/elsewhere", test_control_characters_elsewhere);

  return g_test_run ();
}
