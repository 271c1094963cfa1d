/*
 * keel-bundle - make, check and sign Keel update bundles (docs/bundle.md).
 *
 *   keel-bundle keygen DIR
 *   keel-bundle create --key SECRET --board BOARD --version V [--version-number N]
 *                      --slot-image FILE -o OUT
 *   keel-bundle verify --pubkey PUB FILE
 *   keel-bundle pubkey --key SECRET
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "commands.h"
#include "keys.h"

static const char usage[] =
	"usage: keel-bundle keygen DIR\n"
	"       keel-bundle create --key SECRET --board BOARD --version V [--version-number N]\n"
	"                          [--created UNIX_TIME] --slot-image FILE -o OUT\n"
	"       keel-bundle verify --pubkey PUB FILE\n"
	"       keel-bundle pubkey --key SECRET      print the public key of a signing key\n"
	"--version-number and --created default to $SOURCE_DATE_EPOCH (the last commit's time),\n"
	"so a bundle is reproducible and later commits make newer bundles.\n";

static int parse_u64(const char *s, uint64_t *out)
{
	char *end;

	if (!s || !*s || *s < '0' || *s > '9')
		return -1;
	*out = strtoull(s, &end, 10);
	return *end ? -1 : 0;
}

static int create_main(int argc, char **argv)
{
	struct create_args a;
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	int have_number = 0, have_created = 0;

	memset(&a, 0, sizeof(a));
	for (int i = 0; i < argc; i++) {
		const char *opt = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;

		if (!val)
			goto bad;
		if (strcmp(opt, "--key") == 0)
			a.key = val;
		else if (strcmp(opt, "--board") == 0)
			a.board = val;
		else if (strcmp(opt, "--version") == 0)
			a.version = val;
		else if (strcmp(opt, "--slot-image") == 0)
			a.slot_image = val;
		else if (strcmp(opt, "-o") == 0)
			a.out = val;
		else if (strcmp(opt, "--version-number") == 0 && parse_u64(val, &a.version_number) == 0)
			have_number = 1;
		else if (strcmp(opt, "--created") == 0 && parse_u64(val, &a.created) == 0)
			have_created = 1;
		else
			goto bad;
		i++;
	}
	if (!a.key || !a.board || !a.version || !a.slot_image || !a.out)
		goto bad;
	if (!have_number && parse_u64(epoch, &a.version_number) != 0) {
		fprintf(stderr, "keel-bundle: need --version-number or SOURCE_DATE_EPOCH\n");
		return 2;
	}
	if (!have_created && parse_u64(epoch, &a.created) != 0)
		a.created = (uint64_t)time(NULL);
	return bundle_create(&a);
bad:
	fputs(usage, stderr);
	return 2;
}

int main(int argc, char **argv)
{
	if (sodium_init() < 0) {
		fprintf(stderr, "keel-bundle: libsodium failed to initialise\n");
		return 1;
	}
	if (argc == 3 && strcmp(argv[1], "keygen") == 0)
		return keygen(argv[2]) == 0 ? 0 : 1;
	if (argc >= 2 && strcmp(argv[1], "create") == 0)
		return create_main(argc - 2, argv + 2);
	if (argc == 4 && strcmp(argv[1], "pubkey") == 0 && strcmp(argv[2], "--key") == 0)
		return print_pubkey(argv[3]) == 0 ? 0 : 1;
	if (argc == 5 && strcmp(argv[1], "verify") == 0 && strcmp(argv[2], "--pubkey") == 0)
		return bundle_verify(argv[3], argv[4]);
	fputs(usage, argc >= 2 && strcmp(argv[1], "--help") == 0 ? stdout : stderr);
	return argc >= 2 && strcmp(argv[1], "--help") == 0 ? 0 : 2;
}
