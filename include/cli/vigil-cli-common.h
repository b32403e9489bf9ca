/* vigil-cli-common.h: what the commands of vigil-cli share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigil-interchange.h"
#include "vigil-store.h"
#include "vigil-vault.h"

G_BEGIN_DECLS

/* Exit statuses of every command. */
#define VIGIL_CLI_OK      0
#define VIGIL_CLI_FAILURE 1
#define VIGIL_CLI_USAGE   2

/* The passphrase never comes longer than this, in bytes. */
#define VIGIL_CLI_MAX_PASSPHRASE 1024

/* Where the vault is and where its passphrase comes from: the options
 * every command takes. */
typedef struct
{
  char *vault_path;
  char *passphrase_file;
} VigilCliVaultOptions;

void            vigil_cli_vault_options_clear (VigilCliVaultOptions *options);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VigilCliVaultOptions, vigil_cli_vault_options_clear)

/* A context for "vigil-cli @command [OPTION…] @parameter" with the
 * translated @summary, the options in @entries and, unless @vault is NULL,
 * --vault and --passphrase-file. */
GOptionContext *vigil_cli_context_new         (const char           *command,
                                               const char           *parameter,
                                               const char           *summary,
                                               const GOptionEntry   *entries,
                                               VigilCliVaultOptions *vault);
/* Parses the command line; on a usage error prints it with a hint to
 * --help and returns FALSE: the command then exits with VIGIL_CLI_USAGE. */
gboolean        vigil_cli_parse               (GOptionContext       *context,
                                               const char           *command,
                                               int                  *argc,
                                               char               ***argv);
/* The vault path the options name, or the default one. */
char           *vigil_cli_vault_path          (VigilCliVaultOptions *options);

/* Reads the passphrase: from --passphrase-file, else the first line of
 * standard input when it is not a terminal, else asked for on the terminal
 * without echo (twice when @confirm). The result lives in guarded memory;
 * free it with vigil_cli_passphrase_free(), which wipes it. */
char           *vigil_cli_read_passphrase     (VigilCliVaultOptions *options,
                                               gboolean              confirm,
                                               GError              **error);
void            vigil_cli_passphrase_free     (char                 *passphrase);

/* Reads the passphrase and opens the vault, printing a clear message for
 * each way that can fail. NULL when it did. */
VigilVault     *vigil_cli_open_vault          (VigilCliVaultOptions *options,
                                               const char           *command);

/* "vigil-cli @command: " and the message, on standard error. */
G_GNUC_PRINTF (2, 3)
void            vigil_cli_error               (const char           *command,
                                               const char           *format,
                                               ...);
/* A usage error: the message and a hint to --help. */
G_GNUC_PRINTF (2, 3)
int             vigil_cli_usage_error         (const char           *command,
                                               const char           *format,
                                               ...);
/* An error of the core, with what it means for @path when it is about the
 * vault file. */
void            vigil_cli_print_error         (const char           *command,
                                               const char           *path,
                                               const GError         *error);
/* Every problem of an interchange file (element type
 * VigilInterchangeProblem), one per line. */
void            vigil_cli_print_problems      (GPtrArray            *problems);

/* Whether vigil_cli_confirm() can be answered: --yes, or a terminal. When
 * not, prints why, sets *@out_status to VIGIL_CLI_USAGE and returns FALSE,
 * before anything is unlocked. */
gboolean        vigil_cli_can_confirm         (const char           *command,
                                               gboolean              yes,
                                               int                  *out_status);
/* Asks @question on the terminal and wants "yes" typed back. Without a
 * terminal the answer is --yes (@yes) or nothing: *@out_status is set to
 * VIGIL_CLI_USAGE and FALSE returned. */
gboolean        vigil_cli_confirm             (const char           *command,
                                               gboolean              yes,
                                               const char           *question,
                                               int                  *out_status);

/* Prints what an import wrote, or an export holds. */
void            vigil_cli_print_counts        (const VigilInterchangeCounts *counts);

/* vigil-cli-find.c: the one case with @reference (and @court, when
 * given), its person @pseudonym, and that person's claim (@claim_id, or
 * their only one); NULL after printing why not. */
VigilCase      *vigil_cli_find_case           (VigilStore           *store,
                                               const char           *command,
                                               const char           *reference,
                                               const char           *court);
VigilPerson    *vigil_cli_find_person         (VigilStore           *store,
                                               const char           *command,
                                               VigilCase            *kase,
                                               const char           *pseudonym);
char           *vigil_cli_find_claim          (VigilStore           *store,
                                               const char           *command,
                                               VigilCase            *kase,
                                               VigilPerson          *claimant,
                                               const char           *claim_id);

/* The commands, each in its own file. */
/* --from and --to (YYYY-MM-DD, both required, @to not before @from) as
 * the first moment of @from and the first moment after @to, in UTC;
 * FALSE after a usage error. */
gboolean        vigil_cli_parse_days          (const char           *from_text,
                                               const char           *to_text,
                                               GDateTime           **out_from,
                                               GDateTime           **out_to,
                                               const char           *command);

int vigil_cli_init         (int argc, char **argv);
int vigil_cli_agenda       (int argc, char **argv);
int vigil_cli_export_ics   (int argc, char **argv);
int vigil_cli_import       (int argc, char **argv);
int vigil_cli_export       (int argc, char **argv);
int vigil_cli_check        (int argc, char **argv);
int vigil_cli_claims       (int argc, char **argv);
int vigil_cli_demo         (int argc, char **argv);
int vigil_cli_erase_person (int argc, char **argv);
int vigil_cli_erase_case   (int argc, char **argv);
int vigil_cli_standards    (int argc, char **argv);
int vigil_cli_report       (int argc, char **argv);
int vigil_cli_verify_pdf   (int argc, char **argv);
int vigil_cli_attach       (int argc, char **argv);
int vigil_cli_evidence     (int argc, char **argv);

G_END_DECLS
