/* test-state-store.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "untrain-error.h"
#include "untrain-state-store.h"

/* The writer child of the atomicity test: main() runs it instead of the
 * tests when this variable names the file to write.
 */
#define ATOMIC_WRITER_ENV "UNTRAIN_TEST_ATOMIC_WRITER"
#define N_ATOMIC_RECORDS  2000
#define N_ATOMIC_ROUNDS   20

static char *test_binary;

/* Every test runs in its own $XDG_STATE_HOME (G_TEST_OPTION_ISOLATE_DIRS). */
static GFile *
get_state_file (void)
{
  return g_file_new_build_filename (g_get_user_state_dir (), "untrain", "state.ini", NULL);
}

static UntrainStateStore *
load_store (GFile *file)
{
  g_autoptr(UntrainStateStore) store = untrain_state_store_new (file);
  g_autoptr(GError) error = NULL;

  g_assert_true (untrain_state_store_load (store, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&store);
}

static void
save_store (UntrainStateStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (untrain_state_store_save (store, &error));
  g_assert_no_error (error);
}

static void
write_file (GFile      *file,
            const char *data,
            gssize      length)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static GBytes *
read_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);

  return bytes;
}

static void
assert_file_content (GFile      *file,
                     const char *expected,
                     gsize       expected_length)
{
  g_autoptr(GBytes) bytes = read_file (file);
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  g_assert_cmpmem (data, length, expected, expected_length);
}

static GKeyFile *
load_key_file (GFile *file)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);

  g_assert_true (g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&key_file);
}

static void
assert_strv_same_set (char       **actual,
                      const char **expected)
{
  g_assert_cmpuint (g_strv_length (actual), ==, g_strv_length ((char **)expected));

  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_true (g_strv_contains ((const char * const *)actual, expected[i]));
}

static void
assert_no_record (UntrainStateStore *store,
                  const char        *platform_id,
                  const char        *item_id)
{
  g_autoptr(GDateTime) confirmed_at = NULL;
  UntrainStatus status = UNTRAIN_STATUS_UNKNOWN;

  g_assert_false (untrain_state_store_get_live (store, platform_id, item_id, &status, NULL, NULL));
  confirmed_at = untrain_state_store_get_confirmed (store, platform_id, item_id);
  g_assert_null (confirmed_at);
}

/* An empty state saves as a file without a single record. */
static void
assert_saves_empty (UntrainStateStore *store)
{
  g_autoptr(GKeyFile) key_file = NULL;
  g_auto(GStrv) groups = NULL;
  gsize n_groups = 0;

  save_store (store);
  key_file = load_key_file (untrain_state_store_get_file (store));
  groups = g_key_file_get_groups (key_file, &n_groups);
  g_assert_cmpuint (n_groups, ==, 0);
}

static GDateTime *
date_time (const char *iso8601)
{
  GDateTime *result = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (result);
  return result;
}

static void
assert_same_second (GDateTime *actual,
                    GDateTime *expected)
{
  g_assert_nonnull (actual);
  g_assert_nonnull (expected);
  g_assert_cmpint (g_date_time_to_unix (actual), ==, g_date_time_to_unix (expected));
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = get_state_file ();
  g_autoptr(UntrainStateStore) store = untrain_state_store_new (file);
  g_autoptr(GError) error = NULL;

  g_assert_false (g_file_query_exists (file, NULL));

  g_assert_true (untrain_state_store_load (store, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_equal (untrain_state_store_get_file (store), file));
  g_assert_null (untrain_state_store_get_moved_aside (store));
  assert_no_record (store, "linkedin", "ai-training");

  /* Loading reads; it does not create the file */
  g_assert_false (g_file_query_exists (file, NULL));
}

static void
test_default_file (void)
{
  g_autoptr(GFile) file = untrain_state_store_get_default_file ();
  g_autofree char *expected = g_build_filename (g_get_user_state_dir (), "untrain", "state.ini", NULL);
  g_autofree char *path = g_file_get_path (file);

  g_assert_cmpstr (path, ==, expected);
}

static void
test_round_trip (void)
{
  g_autoptr(GFile) file = get_state_file ();
  g_autoptr(UntrainStateStore) store = load_store (file);
  g_autoptr(UntrainStateStore) reloaded = NULL;
  g_autoptr(GTimeZone) berlin = g_time_zone_new_offset (3600);
  g_autoptr(GDateTime) live_at = g_date_time_new (berlin, 2026, 11, 29, 13, 4, 5.678);
  g_autoptr(GDateTime) error_at = date_time ("2026-11-28T08:00:00Z");
  g_autoptr(GDateTime) confirmed_at = date_time ("2026-11-27T20:30:15.25Z");
  g_autoptr(GDateTime) got_at = NULL;
  g_autoptr(GDateTime) got_confirmed = NULL;
  g_autofree char *message = NULL;
  const char *error_message = "LinkedIn did not answer.\nTry again later — “soon”.";
  UntrainStatus status = UNTRAIN_STATUS_UNKNOWN;

  untrain_state_store_set_live (store, "linkedin", "ai-training",
                                UNTRAIN_STATUS_DONE, live_at, NULL);
  untrain_state_store_set_live (store, "linkedin", "research-data",
                                UNTRAIN_STATUS_ERROR, error_at, error_message);
  untrain_state_store_set_confirmed (store, "linkedin", "objection-form", confirmed_at);
  untrain_state_store_set_confirmed (store, "linkedin", "ai-training", confirmed_at);
  save_store (store);

  reloaded = load_store (file);
  g_assert_null (untrain_state_store_get_moved_aside (reloaded));

  g_assert_true (untrain_state_store_get_live (reloaded, "linkedin", "ai-training",
                                               &status, &got_at, &message));
  g_assert_cmpint (status, ==, UNTRAIN_STATUS_DONE);
  assert_same_second (got_at, live_at);
  g_assert_null (message);
  g_clear_pointer (&got_at, g_date_time_unref);

  got_confirmed = untrain_state_store_get_confirmed (reloaded, "linkedin", "ai-training");
  assert_same_second (got_confirmed, confirmed_at);
  g_clear_pointer (&got_confirmed, g_date_time_unref);

  g_assert_true (untrain_state_store_get_live (reloaded, "linkedin", "research-data",
                                               &status, &got_at, &message));
  g_assert_cmpint (status, ==, UNTRAIN_STATUS_ERROR);
  assert_same_second (got_at, error_at);
  g_assert_cmpstr (message, ==, error_message);
  g_clear_pointer (&got_at, g_date_time_unref);
  g_clear_pointer (&message, g_free);
  got_confirmed = untrain_state_store_get_confirmed (reloaded, "linkedin", "research-data");
  g_assert_null (got_confirmed);

  g_assert_false (untrain_state_store_get_live (reloaded, "linkedin", "objection-form",
                                                &status, NULL, NULL));
  got_confirmed = untrain_state_store_get_confirmed (reloaded, "linkedin", "objection-form");
  assert_same_second (got_confirmed, confirmed_at);
  g_clear_pointer (&got_confirmed, g_date_time_unref);

  /* Records are per platform and item */
  assert_no_record (reloaded, "facebook", "ai-training");
  assert_no_record (reloaded, "linkedin", "microsoft-ads-sharing");

  /* A later successful read replaces the error and drops its message */
  untrain_state_store_set_live (reloaded, "linkedin", "research-data",
                                UNTRAIN_STATUS_ACTION_NEEDED, live_at, NULL);
  save_store (reloaded);
  g_clear_object (&store);
  store = load_store (file);
  g_assert_true (untrain_state_store_get_live (store, "linkedin", "research-data",
                                               &status, &got_at, &message));
  g_assert_cmpint (status, ==, UNTRAIN_STATUS_ACTION_NEEDED);
  assert_same_second (got_at, live_at);
  g_assert_null (message);
}

static void
test_unconfirm (void)
{
  g_autoptr(GFile) file = get_state_file ();
  g_autoptr(UntrainStateStore) store = load_store (file);
  g_autoptr(UntrainStateStore) reloaded = NULL;
  g_autoptr(GDateTime) when = date_time ("2026-11-29T12:00:00Z");
  g_autoptr(GDateTime) got = NULL;
  g_autoptr(GKeyFile) key_file = NULL;
  UntrainStatus status = UNTRAIN_STATUS_UNKNOWN;

  untrain_state_store_set_live (store, "linkedin", "ai-training",
                                UNTRAIN_STATUS_ACTION_NEEDED, when, NULL);
  untrain_state_store_set_confirmed (store, "linkedin", "ai-training", when);
  untrain_state_store_set_confirmed (store, "linkedin", "objection-form", when);
  save_store (store);

  reloaded = load_store (file);
  got = untrain_state_store_get_confirmed (reloaded, "linkedin", "ai-training");
  assert_same_second (got, when);
  g_clear_pointer (&got, g_date_time_unref);

  untrain_state_store_set_confirmed (reloaded, "linkedin", "ai-training", NULL);
  untrain_state_store_set_confirmed (reloaded, "linkedin", "objection-form", NULL);
  got = untrain_state_store_get_confirmed (reloaded, "linkedin", "ai-training");
  g_assert_null (got);

  /* Undoing one that was never confirmed is harmless */
  untrain_state_store_set_confirmed (reloaded, "linkedin", "research-data", NULL);
  got = untrain_state_store_get_confirmed (reloaded, "linkedin", "research-data");
  g_assert_null (got);

  save_store (reloaded);
  g_clear_object (&store);
  store = load_store (file);

  got = untrain_state_store_get_confirmed (store, "linkedin", "ai-training");
  g_assert_null (got);
  got = untrain_state_store_get_confirmed (store, "linkedin", "objection-form");
  g_assert_null (got);

  /* The live read of the same item stays */
  g_assert_true (untrain_state_store_get_live (store, "linkedin", "ai-training",
                                               &status, NULL, NULL));
  g_assert_cmpint (status, ==, UNTRAIN_STATUS_ACTION_NEEDED);

  key_file = load_key_file (file);
  g_assert_false (g_key_file_has_key (key_file, "linkedin/ai-training", "confirmed-at", NULL));
  g_assert_false (g_key_file_has_key (key_file, "linkedin/objection-form", "confirmed-at", NULL));
  g_assert_false (g_key_file_has_group (key_file, "linkedin/research-data"));
}

typedef struct
{
  GPtrArray *changes;
} ChangeLog;

static void
on_changed (UntrainStateStore *store,
            const char        *platform_id,
            const char        *item_id,
            ChangeLog         *log)
{
  g_ptr_array_add (log->changes, g_strdup_printf ("%s/%s", platform_id, item_id));
}

static void
test_changed_signal (void)
{
  g_autoptr(GFile) file = get_state_file ();
  g_autoptr(UntrainStateStore) store = load_store (file);
  g_autoptr(GDateTime) when = date_time ("2026-11-29T12:00:00Z");
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (g_free);
  ChangeLog log = { changes };

  g_signal_connect (store, "changed", G_CALLBACK (on_changed), &log);

  untrain_state_store_set_live (store, "linkedin", "ai-training",
                                UNTRAIN_STATUS_DONE, when, NULL);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (changes, 0), ==, "linkedin/ai-training");

  untrain_state_store_set_confirmed (store, "facebook", "objection-form", when);
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (changes, 1), ==, "facebook/objection-form");

  untrain_state_store_set_confirmed (store, "facebook", "objection-form", NULL);
  g_assert_cmpuint (changes->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (changes, 2), ==, "facebook/objection-form");

  /* Saving and loading change no record */
  save_store (store);
  g_assert_cmpuint (changes->len, ==, 3);
}

static void
test_file_mode_and_directory (void)
{
  g_autoptr(GFile) file = g_file_new_build_filename (g_get_user_state_dir (),
                                                     "untrain", "nested", "deeper",
                                                     "state.ini", NULL);
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autoptr(UntrainStateStore) store = load_store (file);
  g_autoptr(GDateTime) when = date_time ("2026-11-29T12:00:00Z");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *dir_path = g_file_get_path (dir);
  GStatBuf buf;

  g_assert_false (g_file_query_exists (dir, NULL));

  untrain_state_store_set_confirmed (store, "linkedin", "ai-training", when);
  save_store (store);

  g_assert_no_errno (g_stat (dir_path, &buf));
  g_assert_true (S_ISDIR (buf.st_mode));
  g_assert_cmpint (buf.st_mode & 0777, ==, 0700);

  g_assert_no_errno (g_stat (path, &buf));
  g_assert_true (S_ISREG (buf.st_mode));
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);

  /* A file someone left readable by all becomes private on the next save */
  g_assert_no_errno (g_chmod (path, 0644));
  save_store (store);
  g_assert_no_errno (g_stat (path, &buf));
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
}

static void
test_save_fails (void)
{
  g_autoptr(GFile) blocker = g_file_new_build_filename (g_get_user_state_dir (), "blocker", NULL);
  g_autoptr(GFile) file = g_file_get_child (blocker, "state.ini");
  g_autoptr(UntrainStateStore) store = load_store (file);
  g_autoptr(GDateTime) when = date_time ("2026-11-29T12:00:00Z");
  g_autoptr(GError) error = NULL;

  /* The directory cannot be created: a file is in the way */
  write_file (blocker, "not a directory", -1);

  untrain_state_store_set_confirmed (store, "linkedin", "ai-training", when);
  g_assert_false (untrain_state_store_save (store, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
  assert_file_content (blocker, "not a directory", strlen ("not a directory"));
}

static void
test_file_content (void)
{
  static const char *expected_groups[] = {
    "linkedin/ai-training", "linkedin/research-data", "x/reply-training", NULL
  };
  static const char *live_keys[] = { "live-status", "checked-at", NULL };
  static const char *all_keys[] = { "live-status", "checked-at", "message", "confirmed-at", NULL };
  static const char *confirmed_keys[] = { "confirmed-at", NULL };
  g_autoptr(GFile) file = get_state_file ();
  g_autoptr(UntrainStateStore) store = load_store (file);
  g_autoptr(GDateTime) when = date_time ("2026-11-29T12:00:00Z");
  g_autoptr(GKeyFile) key_file = NULL;
  g_auto(GStrv) groups = NULL;
  g_auto(GStrv) keys = NULL;
  g_autofree char *value = NULL;

  untrain_state_store_set_live (store, "linkedin", "ai-training",
                                UNTRAIN_STATUS_DONE, when, NULL);
  untrain_state_store_set_live (store, "linkedin", "research-data",
                                UNTRAIN_STATUS_ERROR, when, "Sign-in expired");
  untrain_state_store_set_confirmed (store, "linkedin", "research-data", when);
  untrain_state_store_set_confirmed (store, "x", "reply-training", when);
  save_store (store);

  key_file = load_key_file (file);
  groups = g_key_file_get_groups (key_file, NULL);
  assert_strv_same_set (groups, expected_groups);

  keys = g_key_file_get_keys (key_file, "linkedin/ai-training", NULL, NULL);
  assert_strv_same_set (keys, live_keys);
  g_clear_pointer (&keys, g_strfreev);

  keys = g_key_file_get_keys (key_file, "linkedin/research-data", NULL, NULL);
  assert_strv_same_set (keys, all_keys);
  g_clear_pointer (&keys, g_strfreev);

  keys = g_key_file_get_keys (key_file, "x/reply-training", NULL, NULL);
  assert_strv_same_set (keys, confirmed_keys);

  value = g_key_file_get_string (key_file, "linkedin/ai-training", "live-status", NULL);
  g_assert_cmpstr (value, ==, "done");
  g_clear_pointer (&value, g_free);
  value = g_key_file_get_string (key_file, "linkedin/research-data", "live-status", NULL);
  g_assert_cmpstr (value, ==, "error");
  g_clear_pointer (&value, g_free);
  value = g_key_file_get_string (key_file, "linkedin/research-data", "message", NULL);
  g_assert_cmpstr (value, ==, "Sign-in expired");
  g_clear_pointer (&value, g_free);

  /* Times are ISO 8601 text a person can read */
  value = g_key_file_get_string (key_file, "x/reply-training", "confirmed-at", NULL);
  g_assert_nonnull (value);
  g_assert_true (g_str_has_prefix (value, "2026-11-29T12:00:00"));
}

/* A file name "state.ini.corrupt-20261129T120000Z", optionally with "-N". */
static void
assert_aside_name (GFile      *aside,
                   GFile      *file,
                   GDateTime  *not_before,
                   GDateTime  *not_after,
                   char      **stamp_out)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) aside_parent = g_file_get_parent (aside);
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GDateTime) stamp_time = NULL;
  g_autofree char *base_name = g_file_get_basename (aside);
  g_autofree char *stamp = NULL;
  g_autofree char *iso = NULL;

  g_assert_true (g_file_equal (aside_parent, parent));

  regex = g_regex_new ("^state\\.ini\\.corrupt-"
                       "([0-9]{4})([0-9]{2})([0-9]{2})T([0-9]{2})([0-9]{2})([0-9]{2})Z"
                       "(-[1-9][0-9]*)?$",
                       0, 0, NULL);
  g_assert_nonnull (regex);
  if (!g_regex_match (regex, base_name, 0, &match))
    g_error ("“%s” is not named state.ini.corrupt-<YYYYMMDDTHHMMSSZ>", base_name);

  {
    g_autofree char *y = g_match_info_fetch (match, 1);
    g_autofree char *mo = g_match_info_fetch (match, 2);
    g_autofree char *d = g_match_info_fetch (match, 3);
    g_autofree char *h = g_match_info_fetch (match, 4);
    g_autofree char *mi = g_match_info_fetch (match, 5);
    g_autofree char *s = g_match_info_fetch (match, 6);

    iso = g_strdup_printf ("%s-%s-%sT%s:%s:%sZ", y, mo, d, h, mi, s);
    stamp = g_strdup_printf ("%s%s%sT%s%s%sZ", y, mo, d, h, mi, s);
  }

  /* The stamp is the time of the load, in UTC */
  stamp_time = date_time (iso);
  g_assert_cmpint (g_date_time_to_unix (stamp_time), >=, g_date_time_to_unix (not_before));
  g_assert_cmpint (g_date_time_to_unix (stamp_time), <=, g_date_time_to_unix (not_after));

  if (stamp_out != NULL)
    *stamp_out = g_steal_pointer (&stamp);
}

/* Loads @garbage from the state file and checks it was moved aside whole.
 * Returns: (transfer full): where it went
 */
static GFile *
assert_load_moves_aside (UntrainStateStore *store,
                         const char        *garbage,
                         gsize              length,
                         char             **stamp_out)
{
  GFile *file = untrain_state_store_get_file (store);
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) after = NULL;
  g_autoptr(GError) error = NULL;
  GFile *aside;

  write_file (file, garbage, length);

  before = g_date_time_new_now_utc ();
  g_test_expect_message ("untrain-state-store", G_LOG_LEVEL_WARNING,
                         "*state.ini*damaged*moved to*state.ini.corrupt-*");
  g_assert_true (untrain_state_store_load (store, &error));
  g_assert_no_error (error);
  g_test_assert_expected_messages ();
  after = g_date_time_new_now_utc ();

  aside = untrain_state_store_get_moved_aside (store);
  g_assert_nonnull (aside);
  g_assert_false (g_file_equal (aside, file));
  assert_aside_name (aside, file, before, after, stamp_out);

  /* Byte for byte what was there; nothing left at the old place */
  assert_file_content (aside, garbage, length);
  g_assert_false (g_file_query_exists (file, NULL));

  return g_object_ref (aside);
}

static void
test_corrupt_garbage (void)
{
  static const char garbage[] = "[unterminated\n\x01\x02";
  g_autoptr(GFile) file = get_state_file ();
  g_autoptr(UntrainStateStore) store = untrain_state_store_new (file);
  g_autoptr(UntrainStateStore) fresh = NULL;
  g_autoptr(GFile) aside = NULL;
  g_autoptr(GDateTime) when = date_time ("2026-11-29T12:00:00Z");

  aside = assert_load_moves_aside (store, garbage, sizeof garbage - 1, NULL);

  /* The state starts afresh, and saving it leaves the damaged copy alone */
  assert_no_record (store, "linkedin", "ai-training");
  assert_saves_empty (store);
  assert_file_content (aside, garbage, sizeof garbage - 1);

  untrain_state_store_set_confirmed (store, "linkedin", "ai-training", when);
  save_store (store);
  assert_file_content (aside, garbage, sizeof garbage - 1);

  /* The next load of a good file reports nothing moved */
  fresh = load_store (file);
  g_assert_null (untrain_state_store_get_moved_aside (fresh));
  g_assert_true (untrain_state_store_load (store, NULL));
  g_assert_null (untrain_state_store_get_moved_aside (store));
}

static void
test_corrupt_binary (void)
{
  static const char garbage[] = "\xff\xfe\xfd\xfc\n\x80\x81[\xc3\x28]\n\x00\x01 =";
  g_autoptr(GFile) file = get_state_file ();
  g_autoptr(UntrainStateStore) store = untrain_state_store_new (file);
  g_autoptr(GFile) aside = NULL;

  aside = assert_load_moves_aside (store, garbage, sizeof garbage - 1, NULL);

  assert_no_record (store, "linkedin", "ai-training");
  assert_saves_empty (store);
  assert_file_content (aside, garbage, sizeof garbage - 1);
}

/* A key file is UTF-8 text. One that is laid out right but holds bytes
 * that are not UTF-8 is damaged just the same: it must be moved aside and
 * reported, not have its records vanish without a word.
 */
static void
test_corrupt_invalid_utf8_value (void)
{
  static const char garbage[] =
    "[linkedin/ai-training]\n"
    "live-status=d\xc3\x28one\n"
    "checked-at=2026-11-29T12:00:00Z\n"
    "confirmed-at=2026-11-29T12:00:00Z\xff\n"
    "\n"
    "[linkedin/research-data]\n"
    "live-status=done\n"
    "checked-at=2026-11-29T12:00:00Z\n";
  g_autoptr(GFile) file = get_state_file ();
  g_autoptr(UntrainStateStore) store = untrain_state_store_new (file);
  g_autoptr(GFile) aside = NULL;

  aside = assert_load_moves_aside (store, garbage, sizeof garbage - 1, NULL);

  assert_no_record (store, "linkedin", "ai-training");
  assert_no_record (store, "linkedin", "research-data");
  assert_saves_empty (store);
  assert_file_content (aside, garbage, sizeof garbage - 1);
}

static void
test_corrupt_twice_in_a_second (void)
{
  static const char first[] = "[first\n\x01";
  static const char second[] = "[second\n\x02\x03";
  g_autoptr(GFile) file = get_state_file ();
  g_autoptr(UntrainStateStore) store = untrain_state_store_new (file);
  g_autoptr(GFile) first_aside = NULL;
  g_autoptr(GFile) second_aside = NULL;
  g_autofree char *first_stamp = NULL;
  g_autofree char *second_stamp = NULL;

  first_aside = assert_load_moves_aside (store, first, sizeof first - 1, &first_stamp);
  second_aside = assert_load_moves_aside (store, second, sizeof second - 1, &second_stamp);

  g_assert_false (g_file_equal (first_aside, second_aside));
  assert_file_content (first_aside, first, sizeof first - 1);
  assert_file_content (second_aside, second, sizeof second - 1);

  /* Within the same second the second copy takes a suffix */
  if (g_str_equal (first_stamp, second_stamp))
    {
      g_autofree char *first_name = g_file_get_basename (first_aside);
      g_autofree char *second_name = g_file_get_basename (second_aside);
      g_autofree char *expected = g_strconcat (first_name, "-1", NULL);

      g_assert_cmpstr (second_name, ==, expected);
    }
  else
    g_test_message ("The two loads fell in different seconds (%s, %s)",
                    first_stamp, second_stamp);
}

/* Copies from earlier loads already hold the names of this second and the
 * next two: none of them may be overwritten, whenever the load happens.
 */
static void
test_corrupt_never_overwrites (void)
{
  static const char garbage[] = "[garbage\n";
  g_autoptr(GFile) file = get_state_file ();
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autoptr(UntrainStateStore) store = untrain_state_store_new (file);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) decoys = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) aside = NULL;

  for (int seconds = 0; seconds < 3; seconds++)
    {
      g_autoptr(GDateTime) then = g_date_time_add_seconds (now, seconds);
      g_autofree char *stamp = g_date_time_format (then, "%Y%m%dT%H%M%SZ");
      g_autofree char *name = g_strdup_printf ("state.ini.corrupt-%s", stamp);
      g_autofree char *suffixed = g_strdup_printf ("state.ini.corrupt-%s-1", stamp);
      GFile *decoy = g_file_get_child (dir, name);
      GFile *suffixed_decoy = g_file_get_child (dir, suffixed);

      write_file (decoy, name, -1);
      write_file (suffixed_decoy, suffixed, -1);
      g_ptr_array_add (decoys, decoy);
      g_ptr_array_add (decoys, suffixed_decoy);
    }

  aside = assert_load_moves_aside (store, garbage, sizeof garbage - 1, NULL);

  for (guint i = 0; i < decoys->len; i++)
    {
      GFile *decoy = g_ptr_array_index (decoys, i);
      g_autofree char *name = g_file_get_basename (decoy);

      g_assert_false (g_file_equal (aside, decoy));
      assert_file_content (decoy, name, strlen (name));
    }
}

/* Something in the way that is not a file at all is moved aside too. */
static void
test_not_a_file (void)
{
  g_autoptr(GFile) file = get_state_file ();
  g_autoptr(UntrainStateStore) store = untrain_state_store_new (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *aside_path = NULL;

  g_assert_no_errno (g_mkdir_with_parents (path, 0700));

  g_test_expect_message ("untrain-state-store", G_LOG_LEVEL_WARNING,
                         "*state.ini*damaged*moved to*state.ini.corrupt-*");
  g_assert_true (untrain_state_store_load (store, &error));
  g_assert_no_error (error);
  g_test_assert_expected_messages ();

  g_assert_nonnull (untrain_state_store_get_moved_aside (store));
  aside_path = g_file_get_path (untrain_state_store_get_moved_aside (store));
  g_assert_true (g_file_test (aside_path, G_FILE_TEST_IS_DIR));
  g_assert_false (g_file_query_exists (file, NULL));
  assert_saves_empty (store);
}

/* A file that cannot be read is not damaged: it stays where it is, and
 * the load fails so that nothing overwrites it.
 */
static void
test_unreadable (void)
{
  g_autoptr(GFile) file = get_state_file ();
  g_autoptr(UntrainStateStore) store = untrain_state_store_new (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);

  write_file (file, "[linkedin/ai-training]\nconfirmed-at=2026-11-29T12:00:00Z\n", -1);
  g_assert_no_errno (g_chmod (path, 0));

  if (g_access (path, R_OK) == 0)
    {
      g_test_skip ("Permissions do not keep this user from reading");
      return;
    }

  g_assert_false (untrain_state_store_load (store, &error));
  g_assert_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_CORRUPT_STATE);
  g_assert_null (untrain_state_store_get_moved_aside (store));
  g_assert_true (g_file_query_exists (file, NULL));
}

static void
test_invalid_values (void)
{
  static const char contents[] =
    "[linkedin/bad-status]\n"
    "live-status=bogus\n"
    "checked-at=2026-11-29T12:00:00Z\n"
    "\n"
    "[linkedin/bad-date]\n"
    "live-status=done\n"
    "checked-at=not-a-date\n"
    "\n"
    "[linkedin/bad-confirmed]\n"
    "confirmed-at=yesterday\n"
    "\n"
    "[linkedin/good]\n"
    "live-status=action-needed\n"
    "checked-at=2026-11-28T10:00:00Z\n"
    "confirmed-at=2026-11-29T12:00:00Z\n";
  g_autoptr(GFile) file = get_state_file ();
  g_autoptr(UntrainStateStore) store = NULL;
  g_autoptr(GDateTime) got = NULL;
  g_autoptr(GDateTime) expected_live = date_time ("2026-11-28T10:00:00Z");
  g_autoptr(GDateTime) expected_confirmed = date_time ("2026-11-29T12:00:00Z");
  UntrainStatus status = UNTRAIN_STATUS_UNKNOWN;

  write_file (file, contents, -1);

  /* A file that parses is kept, whatever is in it */
  store = load_store (file);
  g_assert_null (untrain_state_store_get_moved_aside (store));
  g_assert_true (g_file_query_exists (file, NULL));

  g_test_expect_message ("untrain-state-store", G_LOG_LEVEL_WARNING,
                         "*linkedin/bad-status*bogus*");
  g_assert_false (untrain_state_store_get_live (store, "linkedin", "bad-status",
                                                &status, &got, NULL));
  g_test_assert_expected_messages ();
  g_assert_null (got);

  /* The bad time is named, then the record it spoils */
  g_test_expect_message ("untrain-state-store", G_LOG_LEVEL_WARNING,
                         "*linkedin/bad-date*checked-at*not-a-date*");
  g_test_expect_message ("untrain-state-store", G_LOG_LEVEL_WARNING,
                         "*linkedin/bad-date*");
  g_assert_false (untrain_state_store_get_live (store, "linkedin", "bad-date",
                                                &status, &got, NULL));
  g_test_assert_expected_messages ();
  g_assert_null (got);

  g_test_expect_message ("untrain-state-store", G_LOG_LEVEL_WARNING,
                         "*linkedin/bad-confirmed*confirmed-at*yesterday*");
  got = untrain_state_store_get_confirmed (store, "linkedin", "bad-confirmed");
  g_test_assert_expected_messages ();
  g_assert_null (got);

  /* The good record loads as if the others were not there */
  g_assert_true (untrain_state_store_get_live (store, "linkedin", "good",
                                               &status, &got, NULL));
  g_assert_cmpint (status, ==, UNTRAIN_STATUS_ACTION_NEEDED);
  assert_same_second (got, expected_live);
  g_clear_pointer (&got, g_date_time_unref);
  got = untrain_state_store_get_confirmed (store, "linkedin", "good");
  assert_same_second (got, expected_confirmed);
  g_clear_pointer (&got, g_date_time_unref);

  /* A bad value is replaced by the next good one */
  untrain_state_store_set_live (store, "linkedin", "bad-date",
                                UNTRAIN_STATUS_DONE, expected_live, NULL);
  g_assert_true (untrain_state_store_get_live (store, "linkedin", "bad-date",
                                               &status, &got, NULL));
  g_assert_cmpint (status, ==, UNTRAIN_STATUS_DONE);
  assert_same_second (got, expected_live);
}

/* Atomicity: a writer that is killed at any moment leaves state A or
 * state B, never a mixture, a torn file or nothing.
 */

static void
fill_atomic_state (UntrainStateStore *store,
                   char               which)
{
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, which == 'A' ? 1 : 2, 1, 0, 0, 0);
  UntrainStatus status = which == 'A' ? UNTRAIN_STATUS_DONE : UNTRAIN_STATUS_ERROR;

  for (guint i = 0; i < N_ATOMIC_RECORDS; i++)
    {
      g_autofree char *item_id = g_strdup_printf ("item-%04u", i);
      g_autofree char *message = NULL;

      /* B is bigger than A, so a torn write cannot pass for either */
      if (which == 'A')
        message = g_strdup_printf ("state A, record %u", i);
      else
        message = g_strdup_printf ("state B, record %u, with a longer message than A has", i);

      untrain_state_store_set_live (store, "atomic", item_id, status, when, message);
    }
}

G_GNUC_NORETURN static void
run_atomic_writer (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(UntrainStateStore) a = untrain_state_store_new (file);
  g_autoptr(UntrainStateStore) b = untrain_state_store_new (file);
  gint64 give_up = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  fill_atomic_state (a, 'A');
  fill_atomic_state (b, 'B');

  fputs ("ready\n", stdout);
  fflush (stdout);

  /* Until killed; an orphan gives up on its own */
  for (guint i = 0; g_get_monotonic_time () < give_up; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!untrain_state_store_save (i % 2 == 0 ? b : a, &error))
        g_error ("Saving failed: %s", error->message);
    }

  exit (0);
}

/* Returns: 'A' or 'B' */
static char
assert_atomic_state (GFile *file)
{
  g_autoptr(GKeyFile) key_file = load_key_file (file);
  g_autoptr(UntrainStateStore) store = load_store (file);
  g_autoptr(UntrainStateStore) expected_a = untrain_state_store_new (file);
  g_autoptr(UntrainStateStore) expected_b = untrain_state_store_new (file);
  UntrainStateStore *expected;
  UntrainStatus status = UNTRAIN_STATUS_UNKNOWN;
  gsize n_groups = 0;
  g_auto(GStrv) groups = g_key_file_get_groups (key_file, &n_groups);
  char which;

  g_assert_null (untrain_state_store_get_moved_aside (store));
  g_assert_cmpuint (n_groups, ==, N_ATOMIC_RECORDS);

  fill_atomic_state (expected_a, 'A');
  fill_atomic_state (expected_b, 'B');

  g_assert_true (untrain_state_store_get_live (store, "atomic", "item-0000", &status, NULL, NULL));
  which = status == UNTRAIN_STATUS_DONE ? 'A' : 'B';
  expected = which == 'A' ? expected_a : expected_b;

  for (guint i = 0; i < N_ATOMIC_RECORDS; i++)
    {
      g_autofree char *item_id = g_strdup_printf ("item-%04u", i);
      g_autoptr(GDateTime) at = NULL;
      g_autoptr(GDateTime) expected_at = NULL;
      g_autofree char *message = NULL;
      g_autofree char *expected_message = NULL;
      UntrainStatus expected_status = UNTRAIN_STATUS_UNKNOWN;

      g_assert_true (untrain_state_store_get_live (expected, "atomic", item_id,
                                                   &expected_status, &expected_at,
                                                   &expected_message));
      g_assert_true (untrain_state_store_get_live (store, "atomic", item_id,
                                                   &status, &at, &message));
      g_assert_cmpint (status, ==, expected_status);
      g_assert_true (g_date_time_equal (at, expected_at));
      g_assert_cmpstr (message, ==, expected_message);
    }

  return which;
}

static void
test_atomic_save (void)
{
  g_autoptr(GFile) file = get_state_file ();
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autoptr(UntrainStateStore) store = untrain_state_store_new (file);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  guint seen_a = 0;
  guint seen_b = 0;
  guint leftovers = 0;
  GFileInfo *info;

  fill_atomic_state (store, 'A');
  save_store (store);
  g_assert_cmpint (assert_atomic_state (file), ==, 'A');

  for (guint round = 0; round < N_ATOMIC_ROUNDS; round++)
    {
      g_autoptr(GSubprocessLauncher) launcher = NULL;
      g_autoptr(GSubprocess) writer = NULL;
      g_autoptr(GDataInputStream) output = NULL;
      g_autofree char *line = NULL;
      guint delay = g_test_rand_int_range (1000, 20001);

      launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
      g_subprocess_launcher_setenv (launcher, ATOMIC_WRITER_ENV, path, TRUE);
      writer = g_subprocess_launcher_spawn (launcher, &error, test_binary, NULL);
      g_assert_no_error (error);

      output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (writer));
      line = g_data_input_stream_read_line (output, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (line, ==, "ready");

      g_usleep (delay);
      g_subprocess_force_exit (writer);
      g_subprocess_wait (writer, NULL, &error);
      g_assert_no_error (error);

      /* Killed while writing, not ended by some failure of its own */
      g_assert_true (g_subprocess_get_if_signaled (writer));
      g_assert_cmpint (g_subprocess_get_term_sig (writer), ==, SIGKILL);

      if (assert_atomic_state (file) == 'A')
        seen_a++;
      else
        seen_b++;
    }

  /* Temporary files of the killed writes may remain beside the state */
  enumerator = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  while ((info = g_file_enumerator_next_file (enumerator, NULL, &error)) != NULL)
    {
      if (!g_str_equal (g_file_info_get_name (info), "state.ini"))
        leftovers++;
      g_object_unref (info);
    }
  g_assert_no_error (error);

  g_test_message ("%u rounds: state A %u times, state B %u times, "
                  "%u temporary files left, %.1f s",
                  N_ATOMIC_ROUNDS, seen_a, seen_b, leftovers,
                  (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC);
}

static char *
find_test_binary (const char *argv0)
{
  if (g_path_is_absolute (argv0))
    return g_strdup (argv0);

  if (strchr (argv0, G_DIR_SEPARATOR) != NULL)
    return g_canonicalize_filename (argv0, NULL);

  return g_find_program_in_path (argv0);
}

/* The window, the reminder and the command line each keep a store on the
 * same file: a save keeps what the others saved meanwhile.
 */
static void
test_saves_keep_other_writers (void)
{
  g_autoptr(GFile) file = get_state_file ();
  g_autoptr(UntrainStateStore) window = load_store (file);
  g_autoptr(UntrainStateStore) reminder = load_store (file);
  g_autoptr(UntrainStateStore) reread = NULL;
  g_autoptr(GDateTime) confirmed_at = g_date_time_new_utc (2026, 11, 29, 10, 0, 0);
  g_autoptr(GDateTime) checked_at = g_date_time_new_utc (2026, 11, 29, 11, 0, 0);
  g_autoptr(GDateTime) read_back = NULL;
  g_autoptr(GError) error = NULL;
  UntrainStatus status;

  untrain_state_store_set_live (reminder, "linkedin", "ai-training", UNTRAIN_STATUS_DONE, checked_at, NULL);
  g_assert_true (untrain_state_store_save (reminder, &error));

  /* The window loaded before that, and changes something else. */
  untrain_state_store_set_confirmed (window, "linkedin", "research-data", confirmed_at);
  untrain_state_store_set_account (window, "linkedin", "Ada Lovelace");
  g_assert_true (untrain_state_store_save (window, &error));
  g_assert_no_error (error);

  reread = load_store (file);
  g_assert_true (untrain_state_store_get_live (reread, "linkedin", "ai-training", &status, &read_back, NULL));
  g_assert_cmpint (status, ==, UNTRAIN_STATUS_DONE);
  g_clear_pointer (&read_back, g_date_time_unref);
  read_back = untrain_state_store_get_confirmed (reread, "linkedin", "research-data");
  g_assert_true (g_date_time_equal (read_back, confirmed_at));

  /* And the window now knows what the reminder found. */
  g_assert_true (untrain_state_store_get_live (window, "linkedin", "ai-training", &status, NULL, NULL));

  /* A key the window removes is removed on disk too. */
  untrain_state_store_set_account (window, "linkedin", NULL);
  g_assert_true (untrain_state_store_save (window, &error));
  g_clear_object (&reread);
  reread = load_store (file);
  g_assert_null (untrain_state_store_get_account (reread, "linkedin"));
}

/* Damaged after this store read it (by hand, say): saving moves it aside
 * as loading would, and does not write over it.
 */
static void
test_corrupt_before_save (void)
{
  static const char garbage[] = "[unterminated\n\x01\x02";
  g_autoptr(GFile) file = get_state_file ();
  g_autoptr(UntrainStateStore) store = NULL;
  g_autoptr(UntrainStateStore) reread = NULL;
  g_autoptr(GDateTime) when = date_time ("2026-11-29T12:00:00Z");
  g_autoptr(GDateTime) read_back = NULL;
  GFile *aside;

  write_file (file, "[linkedin/research-data]\nconfirmed-at=2026-11-28T12:00:00Z\n", -1);
  store = load_store (file);
  g_assert_null (untrain_state_store_get_moved_aside (store));

  untrain_state_store_set_confirmed (store, "linkedin", "ai-training", when);
  write_file (file, garbage, sizeof garbage - 1);
  g_test_expect_message ("untrain-state-store", G_LOG_LEVEL_WARNING, "*was damaged*moved to*before saving");
  save_store (store);
  g_test_assert_expected_messages ();

  aside = untrain_state_store_get_moved_aside (store);
  g_assert_nonnull (aside);
  assert_file_content (aside, garbage, sizeof garbage - 1);

  /* What this store knew is saved, what it read before included. */
  reread = load_store (file);
  read_back = untrain_state_store_get_confirmed (reread, "linkedin", "ai-training");
  g_assert_true (g_date_time_equal (read_back, when));
  g_clear_pointer (&read_back, g_date_time_unref);
  read_back = untrain_state_store_get_confirmed (reread, "linkedin", "research-data");
  g_assert_nonnull (read_back);
}

/* Temporary files of a save cut short are cleared at loading, but not
 * while another process may still be saving through one.
 */
static void
test_stale_temporary_files (void)
{
  g_autoptr(GFile) file = get_state_file ();
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) stale = g_file_get_child (parent, "state.ini.Ab12Cd");
  g_autoptr(GFile) fresh = g_file_get_child (parent, "state.ini.Xy34Zw");
  g_autoptr(GFile) other = g_file_get_child (parent, "state.ini.backup");
  g_autoptr(UntrainStateStore) store = NULL;
  g_autofree char *stale_path = g_file_get_path (stale);
  struct utimbuf an_hour_ago;

  write_file (file, "[linkedin/ai-training]\nconfirmed-at=2026-11-28T12:00:00Z\n", -1);
  write_file (stale, "[linkedin/ai-training]\n", -1);
  write_file (fresh, "[linkedin/ai-training]\n", -1);
  write_file (other, "kept", -1);

  an_hour_ago.actime = an_hour_ago.modtime = time (NULL) - 3600;
  g_assert_no_errno (g_utime (stale_path, &an_hour_ago));

  store = load_store (file);
  g_assert_false (g_file_query_exists (stale, NULL));
  g_assert_true (g_file_query_exists (fresh, NULL));
  g_assert_true (g_file_query_exists (other, NULL));
}

int
main (int   argc,
      char *argv[])
{
  const char *writer_path = g_getenv (ATOMIC_WRITER_ENV);
  int result;

  if (writer_path != NULL)
    run_atomic_writer (writer_path);

  test_binary = find_test_binary (argv[0]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/state-store/load/missing-file", test_missing_file);
  g_test_add_func ("/state-store/save/keeps-other-writers", test_saves_keep_other_writers);
  g_test_add_func ("/state-store/load/not-a-file", test_not_a_file);
  g_test_add_func ("/state-store/load/unreadable", test_unreadable);
  g_test_add_func ("/state-store/default-file", test_default_file);
  g_test_add_func ("/state-store/round-trip", test_round_trip);
  g_test_add_func ("/state-store/unconfirm", test_unconfirm);
  g_test_add_func ("/state-store/changed-signal", test_changed_signal);
  g_test_add_func ("/state-store/save/mode-and-directory", test_file_mode_and_directory);
  g_test_add_func ("/state-store/save/fails", test_save_fails);
  g_test_add_func ("/state-store/save/content", test_file_content);
  g_test_add_func ("/state-store/save/atomic", test_atomic_save);
  g_test_add_func ("/state-store/corrupt/garbage", test_corrupt_garbage);
  g_test_add_func ("/state-store/corrupt/binary", test_corrupt_binary);
  g_test_add_func ("/state-store/corrupt/twice-in-a-second", test_corrupt_twice_in_a_second);
  g_test_add_func ("/state-store/corrupt/never-overwrites", test_corrupt_never_overwrites);
  g_test_add_func ("/state-store/corrupt/invalid-utf8-value", test_corrupt_invalid_utf8_value);
  g_test_add_func ("/state-store/corrupt/before-save", test_corrupt_before_save);
  g_test_add_func ("/state-store/load/stale-temporary-files", test_stale_temporary_files);
  g_test_add_func ("/state-store/invalid-values", test_invalid_values);

  result = g_test_run ();
  g_free (test_binary);

  return result;
}
