/* fuzz-history.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-history"

#include "config.h"

#include "fuzz-common.h"
#include "untrain-catalog.h"
#include "untrain-history.h"
#include "untrain-state-store.h"

/* ~/.local/state/untrain/history.jsonl, as a crash, a full disk or a
 * person's editor may leave it: loaded, asked what the window asks
 * ("Off since …, verified N times"), and exported as the record.
 */

static UntrainCatalog *catalog;
static UntrainStateStore *empty_store;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();

  catalog = fuzz_get_builtin_catalog ();
  empty_store = fuzz_new_empty_state_store ();

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GFile) file = fuzz_write_scratch_file ("history.jsonl", data, size);
  g_autoptr(UntrainHistory) history = untrain_history_new (file);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GDateTime) now = fuzz_get_now ();
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;

  if (!untrain_history_load (history, &error))
    g_error ("%s", error->message);

  entries = untrain_history_get_entries (history, NULL, NULL);
  for (guint i = 0; i < entries->len; i++)
    {
      const UntrainHistoryEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GPtrArray) own = NULL;
      g_autoptr(GDateTime) since = NULL;
      guint n_verified = 0;

      g_assert_nonnull (entry->time);
      g_assert_true (entry->platform_id[0] != '\0' && entry->item_id[0] != '\0');

      own = untrain_history_get_entries (history, entry->platform_id, entry->item_id);
      g_assert_cmpuint (own->len, >, 0);

      if (untrain_history_get_off_since (history, entry->platform_id, entry->item_id,
                                         &since, &n_verified))
        {
          g_assert_nonnull (since);
          g_assert_cmpuint (n_verified, >, 0);
          g_assert_cmpuint (n_verified, <=, own->len);
        }
    }

  html = untrain_history_export_html (history, catalog, empty_store, now);
  g_assert_nonnull (html);

  fuzz_empty_scratch_dir ();

  return 0;
}
