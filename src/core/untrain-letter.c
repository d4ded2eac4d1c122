/* untrain-letter.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-letter"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "untrain-applicability.h"
#include "untrain-error.h"
#include "untrain-letter.h"
#include "untrain-region.h"

/* Objection letters, drafted from the templates in data/letters/letters.json
 * for the law that covers the person's country. The words are data, like
 * the catalog's, and translated through Untrain's own gettext domain when
 * they are loaded (build-aux/catalog-strings extracts them). Which law
 * covers which country is here; what the letter says under it is there.
 */

#define LETTERS_PATH RESOURCE_PREFIX "/letters/letters.json"

/* The template the letter uses where Untrain knows no law to cite. */
#define NO_LEGAL_BASIS "none"

static const struct
{
  const char *region;       /* a country code or a group of untrain-region */
  const char *legal_basis;
} legal_basis_by_region[] = {
  { "EU", "gdpr" },
  { "EEA", "gdpr" },
  { "UK", "uk-gdpr" },
  { "CH", "fadp" },
  { "CA", "pipeda" },
  { "HK", "pdpo" },
};

static const char * const legal_bases[] = {
  "gdpr", "uk-gdpr", "fadp", "pipeda", "pdpo", NULL
};

typedef struct
{
  char *summary;
  char *summary_no_country;   /* only for NO_LEGAL_BASIS */
  char *paragraphs[2];        /* by UntrainLetterKind */
} LegalBasisTemplate;

typedef struct
{
  char  *subject;
  GStrv  paragraphs;
} LetterTemplate;

typedef struct
{
  char           *placeholder_name;
  char           *placeholder_email;
  char           *placeholder_profile_url;
  LetterTemplate  letters[2];  /* by UntrainLetterKind */
  GHashTable     *legal_bases; /* id → LegalBasisTemplate */
} LetterTemplates;

static const char * const letter_kind_names[] = { "objection", "follow-up" };
static const char * const legal_basis_paragraph_names[] = { "objection", "follow_up" };

static void
legal_basis_template_free (gpointer data)
{
  LegalBasisTemplate *template = data;

  g_free (template->summary);
  g_free (template->summary_no_country);
  for (guint i = 0; i < G_N_ELEMENTS (template->paragraphs); i++)
    g_free (template->paragraphs[i]);
  g_free (template);
}

static void
letter_templates_free (LetterTemplates *templates)
{
  g_free (templates->placeholder_name);
  g_free (templates->placeholder_email);
  g_free (templates->placeholder_profile_url);
  for (guint i = 0; i < G_N_ELEMENTS (templates->letters); i++)
    {
      g_free (templates->letters[i].subject);
      g_strfreev (templates->letters[i].paragraphs);
    }
  g_clear_pointer (&templates->legal_bases, g_hash_table_unref);
  g_free (templates);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LetterTemplates, letter_templates_free)

static gboolean
set_missing_error (GError     **error,
                   const char  *where,
                   const char  *member)
{
  g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_FAILED,
               /* Translators: a bug in Untrain's own files; “letters.json: letters.objection: …” */
               _("letters.json: %s.%s: missing, or not what a letter needs"),
               where, member);
  return FALSE;
}

static JsonObject *
get_object (JsonObject  *object,
            const char  *where,
            const char  *member,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      set_missing_error (error, where, member);
      return NULL;
    }

  return json_node_get_object (node);
}

/* A template string, translated. Empty strings are refused: gettext
 * would translate "" into the catalog's header.
 */
static gboolean
get_text (JsonObject  *object,
          const char  *where,
          const char  *member,
          char       **text,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *value;

  if (node == NULL ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      (value = json_node_get_string (node))[0] == '\0')
    return set_missing_error (error, where, member);

  *text = g_strdup (g_dgettext (GETTEXT_PACKAGE, value));
  return TRUE;
}

static gboolean
load_letter (JsonObject      *letters,
             const char      *kind_name,
             LetterTemplate  *letter,
             GError         **error)
{
  g_autofree char *where = g_strconcat ("letters.", kind_name, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonObject *object;
  JsonNode *node;
  JsonArray *paragraphs;

  if (!(object = get_object (letters, "letters", kind_name, error)) ||
      !get_text (object, where, "subject", &letter->subject, error))
    return FALSE;

  node = json_object_get_member (object, "paragraphs");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (paragraphs = json_node_get_array (node)) == 0)
    return set_missing_error (error, where, "paragraphs");

  for (guint i = 0; i < json_array_get_length (paragraphs); i++)
    {
      JsonNode *element = json_array_get_element (paragraphs, i);
      const char *paragraph;

      if (json_node_get_value_type (element) != G_TYPE_STRING ||
          (paragraph = json_node_get_string (element))[0] == '\0')
        {
          g_autofree char *member = g_strdup_printf ("paragraphs[%u]", i);

          return set_missing_error (error, where, member);
        }

      g_strv_builder_add (builder, g_dgettext (GETTEXT_PACKAGE, paragraph));
    }

  letter->paragraphs = g_strv_builder_end (builder);
  return TRUE;
}

static LegalBasisTemplate *
load_legal_basis (JsonObject  *bases,
                  const char  *id,
                  GError     **error)
{
  g_autofree char *where = g_strconcat ("legal_bases.", id, NULL);
  LegalBasisTemplate *template;
  JsonObject *object;

  if (!(object = get_object (bases, "legal_bases", id, error)))
    return NULL;

  template = g_new0 (LegalBasisTemplate, 1);

  if (!get_text (object, where, "summary", &template->summary, error) ||
      (g_str_equal (id, NO_LEGAL_BASIS) &&
       !get_text (object, where, "summary_no_country", &template->summary_no_country, error)))
    {
      legal_basis_template_free (template);
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (template->paragraphs); i++)
    {
      if (!get_text (object, where, legal_basis_paragraph_names[i], &template->paragraphs[i], error))
        {
          legal_basis_template_free (template);
          return NULL;
        }
    }

  return template;
}

static LetterTemplates *
load_templates (GError **error)
{
  g_autoptr(LetterTemplates) templates = g_new0 (LetterTemplates, 1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) bytes = NULL;
  JsonObject *root, *placeholders, *letters, *bases;
  JsonNode *root_node;
  gsize size;
  const char *data;

  if (!(bytes = g_resources_lookup_data (LETTERS_PATH, 0, error)))
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  if (!json_parser_load_from_data (parser, data, size, error))
    return NULL;

  root_node = json_parser_get_root (parser);
  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    {
      set_missing_error (error, "", "");
      return NULL;
    }
  root = json_node_get_object (root_node);

  if (!(placeholders = get_object (root, "", "placeholders", error)) ||
      !get_text (placeholders, "placeholders", "name", &templates->placeholder_name, error) ||
      !get_text (placeholders, "placeholders", "email", &templates->placeholder_email, error) ||
      !get_text (placeholders, "placeholders", "profile_url", &templates->placeholder_profile_url, error) ||
      !(letters = get_object (root, "", "letters", error)))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (templates->letters); i++)
    {
      if (!load_letter (letters, letter_kind_names[i], &templates->letters[i], error))
        return NULL;
    }

  if (!(bases = get_object (root, "", "legal_bases", error)))
    return NULL;

  templates->legal_bases = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                  NULL, legal_basis_template_free);

  /* Every law's template, and the one that cites none. */
  for (guint i = 0; i < G_N_ELEMENTS (legal_bases); i++)
    {
      const char *id = legal_bases[i] != NULL ? legal_bases[i] : NO_LEGAL_BASIS;
      LegalBasisTemplate *template;

      if (!(template = load_legal_basis (bases, id, error)))
        return NULL;

      g_hash_table_insert (templates->legal_bases, (gpointer)id, template);
    }

  return g_steal_pointer (&templates);
}

/* Loaded once, on first use, and kept: the words do not change while
 * Untrain runs.
 */
static const LetterTemplates *
get_templates (GError **error)
{
  G_LOCK_DEFINE_STATIC (templates);
  static LetterTemplates *templates;
  const LetterTemplates *result;

  G_LOCK (templates);
  if (templates == NULL)
    templates = load_templates (error);
  result = templates;
  G_UNLOCK (templates);

  return result;
}

/* Replaces each {key} of @template by its value in @values. A key with no
 * value stays as it is, so a mistyped placeholder shows in the letter
 * rather than vanishing from it; values are never expanded themselves.
 */
static char *
expand (const char *template,
        GHashTable *values)
{
  GString *out = g_string_new (NULL);
  const char *p = template;

  while (*p != '\0')
    {
      const char *open = strchr (p, '{');
      const char *close;

      if (open == NULL)
        {
          g_string_append (out, p);
          break;
        }

      g_string_append_len (out, p, open - p);

      if ((close = strchr (open + 1, '}')) != NULL)
        {
          g_autofree char *key = g_strndup (open + 1, close - open - 1);
          const char *value = g_hash_table_lookup (values, key);

          if (value != NULL)
            {
              g_string_append (out, value);
              p = close + 1;
              continue;
            }
        }

      g_string_append_c (out, '{');
      p = open + 1;
    }

  return g_string_free (out, FALSE);
}

static const LegalBasisTemplate *
lookup_legal_basis (const LetterTemplates *templates,
                    const char            *country)
{
  const char *id = untrain_letter_get_legal_basis (country);

  return g_hash_table_lookup (templates->legal_bases, id != NULL ? id : NO_LEGAL_BASIS);
}

/* The person's detail, or the placeholder the person sees when it is
 * missing. Owned by @values.
 */
static void
insert_detail (GHashTable *values,
               const char *key,
               const char *detail,
               const char *placeholder)
{
  char *value = g_strstrip (g_strdup (detail != NULL ? detail : ""));

  if (value[0] == '\0')
    {
      g_free (value);
      value = g_strdup (placeholder);
    }

  g_hash_table_insert (values, (gpointer)key, value);
}

static void
insert_date (GHashTable  *values,
             const char  *key,
             const GDate *date)
{
  if (date != NULL && g_date_valid (date))
    g_hash_table_insert (values, (gpointer)key, untrain_format_date (date));
}

/**
 * untrain_letter_get_legal_bases:
 *
 * Returns: (transfer none): the ids of every law a letter can cite, each
 *   with its own template
 */
const char * const *
untrain_letter_get_legal_bases (void)
{
  return legal_bases;
}

/**
 * untrain_letter_get_legal_basis:
 * @country: (nullable): an ISO 3166-1 alpha-2 code
 *
 * Returns: (nullable): the id of the law the letter cites for a person
 *   living in @country: "gdpr" in the EU and the EEA, "uk-gdpr", "fadp",
 *   "pipeda" or "pdpo"; %NULL where Untrain knows none, and the letter
 *   then asks without citing a law
 */
const char *
untrain_letter_get_legal_basis (const char *country)
{
  for (guint i = 0; i < G_N_ELEMENTS (legal_basis_by_region); i++)
    {
      if (untrain_region_matches (country, legal_basis_by_region[i].region))
        return legal_basis_by_region[i].legal_basis;
    }

  return NULL;
}

/**
 * untrain_letter_describe_legal_basis:
 * @country: (nullable): an ISO 3166-1 alpha-2 code
 *
 * Returns: (transfer full) (nullable): the law the letter cites as a
 *   sentence, "Based on Article 21(1) GDPR, because you live in Germany",
 *   or %NULL with @error set if the templates are broken
 */
char *
untrain_letter_describe_legal_basis (const char  *country,
                                     GError     **error)
{
  const LetterTemplates *templates;
  const LegalBasisTemplate *basis;
  g_autoptr(GHashTable) values = NULL;
  const char *country_name;

  if (!(templates = get_templates (error)))
    return NULL;

  basis = lookup_legal_basis (templates, country);
  country_name = untrain_region_get_country_name (country);

  /* No country is covered by a law: this is the template citing none. */
  if (country_name == NULL)
    return g_strdup (basis->summary_no_country);

  values = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (values, (gpointer)"country", (gpointer)country_name);

  return expand (basis->summary, values);
}

/**
 * untrain_letter_draft_subject:
 * @kind: which letter
 * @submitted_on: (nullable): for %UNTRAIN_LETTER_FOLLOW_UP, the day the
 *   first letter was sent
 *
 * Returns: (transfer full) (nullable): a subject line for the letter, or
 *   %NULL with @error set if the templates are broken
 */
char *
untrain_letter_draft_subject (UntrainLetterKind   kind,
                              const GDate        *submitted_on,
                              GError            **error)
{
  const LetterTemplates *templates;
  g_autoptr(GHashTable) values = NULL;

  g_return_val_if_fail (kind == UNTRAIN_LETTER_OBJECTION || kind == UNTRAIN_LETTER_FOLLOW_UP, NULL);

  if (!(templates = get_templates (error)))
    return NULL;

  values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  insert_date (values, "submitted_on", submitted_on);

  return expand (templates->letters[kind].subject, values);
}

/**
 * untrain_letter_draft:
 * @kind: the first letter, or the follow-up after its answer did not come
 * @platform_name: the platform written to, "LinkedIn"
 * @country: (nullable): where the person lives, which chooses the law
 * @sender: (nullable): the person's account details
 * @today: the letter's date
 * @submitted_on: (nullable): for %UNTRAIN_LETTER_FOLLOW_UP, the day the
 *   first letter was sent
 * @answer_due: (nullable): for %UNTRAIN_LETTER_FOLLOW_UP, the day its
 *   answer was due
 *
 * Drafts the letter a person sends to @platform_name to object to the
 * training of AI models on their data. Missing details show as
 * placeholders such as “[Your name]”.
 *
 * Returns: (transfer full) (nullable): the letter's text, or %NULL with
 *   @error set if the templates are broken
 */
char *
untrain_letter_draft (UntrainLetterKind           kind,
                      const char                 *platform_name,
                      const char                 *country,
                      const UntrainLetterSender  *sender,
                      const GDate                *today,
                      const GDate                *submitted_on,
                      const GDate                *answer_due,
                      GError                    **error)
{
  static const UntrainLetterSender nobody = { NULL, NULL, NULL };
  const LetterTemplates *templates;
  const LegalBasisTemplate *basis;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GPtrArray) paragraphs = NULL;
  const LetterTemplate *letter;

  g_return_val_if_fail (kind == UNTRAIN_LETTER_OBJECTION || kind == UNTRAIN_LETTER_FOLLOW_UP, NULL);
  g_return_val_if_fail (platform_name != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (kind != UNTRAIN_LETTER_FOLLOW_UP ||
                        (submitted_on != NULL && g_date_valid (submitted_on) &&
                         answer_due != NULL && g_date_valid (answer_due)), NULL);

  if (!(templates = get_templates (error)))
    return NULL;

  if (sender == NULL)
    sender = &nobody;

  values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  insert_detail (values, "name", sender->name, templates->placeholder_name);
  insert_detail (values, "email", sender->email, templates->placeholder_email);
  insert_detail (values, "profile_url", sender->profile_url, templates->placeholder_profile_url);
  g_hash_table_insert (values, (gpointer)"platform", g_strdup (platform_name));
  insert_date (values, "date", today);
  insert_date (values, "submitted_on", submitted_on);
  insert_date (values, "answer_due", answer_due);

  basis = lookup_legal_basis (templates, country);
  g_hash_table_insert (values, (gpointer)"legal_basis_paragraph",
                       expand (basis->paragraphs[kind], values));

  letter = &templates->letters[kind];
  paragraphs = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; letter->paragraphs[i] != NULL; i++)
    g_ptr_array_add (paragraphs, expand (letter->paragraphs[i], values));
  g_ptr_array_add (paragraphs, NULL);

  return g_strjoinv ("\n\n", (char **)paragraphs->pdata);
}
