/* fuzz-cookies.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-cookies"

#include "config.h"

#include "fuzz-common.h"
#include "untrain-credentials.h"
#include "untrain-linkedin-provider.h"
#include "untrain-provider.h"

/* What a person pastes into "Paste Cookies…" or pipes into
 * `untrain --import-cookies=linkedin`: a Cookie line or a cookies.txt,
 * read as those two read it. A session the parser accepts must be one
 * the LinkedIn provider takes too.
 */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  g_unsetenv ("UNTRAIN_LINKEDIN_URL");
  g_unsetenv ("UNTRAIN_HTTP_TIMEOUT");

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *domain = untrain_provider_get_cookie_domain ("linkedin");
  const char * const *wanted = untrain_provider_get_session_cookie_names ("linkedin");
  g_autoptr(GError) error = NULL;
  g_autoptr(UntrainProvider) provider = NULL;
  char *text;
  char *cookies;

  /* As both callers have it: text up to the first NUL. */
  text = g_strndup ((const char *)data, size);
  cookies = untrain_cookies_parse (text, domain, wanted, &error);
  g_free (text);

  if (cookies == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (cookies, "li_at="));

  provider = untrain_linkedin_provider_new (cookies, &error);
  if (provider == NULL)
    g_error ("A session the parser took was refused: %s", error->message);

  untrain_credentials_free_secret (cookies);

  return 0;
}
