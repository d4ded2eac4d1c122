/* fuzz-json-check.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-json-check"

#include "config.h"

#include <json-glib/json-glib.h>

#include "fuzz-common.h"
#include "untrain-catalog-private.h"

/* _untrain_json_check_text() stands in front of json-glib wherever
 * Untrain parses JSON from outside: it must see the text as json-glib
 * does. What it lets through, json-glib parses here, and how deep that
 * nests and how many lists and objects it holds at the top are counted
 * from the parser's signals. They must agree with the check at any size:
 * the other targets find a disagreement only when the text is deep enough
 * to overflow the stack, or when it leaks, where this one finds it with a
 * few bytes.
 */

typedef struct
{
  guint depth;
  guint max_depth;
  guint n_top_level;
} Nesting;

static void
on_start (JsonParser *parser,
          Nesting    *nesting)
{
  if (nesting->depth == 0)
    nesting->n_top_level++;

  nesting->depth++;
  nesting->max_depth = MAX (nesting->max_depth, nesting->depth);
}

static void
on_end (JsonParser *parser,
        gpointer    container,
        Nesting    *nesting)
{
  g_assert_cmpuint (nesting->depth, >, 0);
  nesting->depth--;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonParser) parser = NULL;
  Nesting nesting = { 0 };
  guint depth = 0;
  gboolean parsed;

  if (_untrain_json_check_text_full ((const char *)data, size, &depth) != UNTRAIN_JSON_TEXT_OK)
    return 0;

  parser = json_parser_new_immutable ();
  g_signal_connect (parser, "array-start", G_CALLBACK (on_start), &nesting);
  g_signal_connect (parser, "object-start", G_CALLBACK (on_start), &nesting);
  g_signal_connect (parser, "array-end", G_CALLBACK (on_end), &nesting);
  g_signal_connect (parser, "object-end", G_CALLBACK (on_end), &nesting);

  parsed = json_parser_load_from_data (parser, (const char *)data, size, NULL);

  /* json-glib nests what the check let through as deep as the check
   * found, or less where it stops at an error…
   */
  g_assert_cmpuint (depth, <=, UNTRAIN_JSON_MAX_DEPTH);
  if (parsed)
    g_assert_cmpuint (nesting.max_depth, ==, depth);
  else
    g_assert_cmpuint (nesting.max_depth, <=, depth);

  /* …and finds one list or object at the top at most: a second the check
   * refuses, as json-glib leaks it. One after a scalar leaks too, which
   * LeakSanitizer finds.
   */
  g_assert_cmpuint (nesting.n_top_level, <=, 1);

  return 0;
}
