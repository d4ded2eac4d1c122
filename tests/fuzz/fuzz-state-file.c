/* fuzz-state-file.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-state-file"

#include "config.h"

#include "fuzz-common.h"
#include "untrain-catalog.h"
#include "untrain-state-store.h"
#include "untrain-status-model.h"

/* ~/.local/state/untrain/state.ini, damaged or edited: loaded (a file
 * that does not parse is moved aside), read by LinkedIn's checklist,
 * changed and saved as the window saves it. Every run starts and ends
 * with an empty scratch folder, so nothing piles up.
 */

static UntrainPlatform *linkedin;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();

  /* Its items are of every kind: switches, a form, something to know. */
  linkedin = fuzz_get_builtin_platform ("linkedin");

  return 0;
}

static void
read_everything (UntrainStateStore *store)
{
  static const char * const contact_fields[] = { "name", "email", "profile-url", NULL };
  static const char * const date_keys[] = { "submitted-on", "answer-due", "answer-received-on", NULL };
  g_autoptr(GDateTime) now = fuzz_get_now ();
  g_autoptr(UntrainStatusModel) model = NULL;
  g_autofree char *account = NULL;

  /* The checklist reads every record the state holds for its items. */
  model = untrain_status_model_new (linkedin, store, "DE", 30);
  untrain_status_model_set_now (model, now);
  untrain_status_model_count_applicable (model);
  untrain_status_model_count_pending (model);
  g_assert_cmpuint (untrain_status_model_count_done (model), <=,
                    g_list_model_get_n_items (G_LIST_MODEL (model)));

  for (guint i = 0; i < untrain_platform_get_n_items (linkedin); i++)
    {
      UntrainItem *item = untrain_platform_get_item (linkedin, i);

      for (guint k = 0; date_keys[k] != NULL; k++)
        {
          GDate date;

          if (untrain_state_store_get_date (store, "linkedin", untrain_item_get_id (item),
                                            date_keys[k], &date))
            g_assert_true (g_date_valid (&date));
        }
    }

  account = untrain_state_store_get_account (store, "linkedin");

  for (guint i = 0; contact_fields[i] != NULL; i++)
    g_free (untrain_state_store_get_contact (store, contact_fields[i]));

  untrain_state_store_get_int64 (store, "reminder", "snoozed-until");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GFile) file = fuzz_write_scratch_file ("state.ini", data, size);
  g_autoptr(UntrainStateStore) store = untrain_state_store_new (file);
  g_autoptr(GDateTime) now = fuzz_get_now ();
  g_autoptr(GError) error = NULL;

  if (!untrain_state_store_load (store, &error))
    g_error ("%s", error->message);

  read_everything (store);

  /* What the window does after a check, over whatever else is there. */
  untrain_state_store_set_live (store, "linkedin", "ai-training", UNTRAIN_STATUS_DONE, now, NULL);
  untrain_state_store_set_contact (store, "name", "Ada Lovelace");
  if (!untrain_state_store_save (store, &error))
    g_error ("%s", error->message);

  /* What was saved loads as it was written. */
  if (!untrain_state_store_load (store, &error))
    g_error ("%s", error->message);
  g_assert_null (untrain_state_store_get_moved_aside (store));
  read_everything (store);

  fuzz_empty_scratch_dir ();

  return 0;
}
