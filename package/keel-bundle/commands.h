/*
 * commands.h - keel-bundle's create and verify.
 */
#ifndef KEEL_BUNDLE_COMMANDS_H
#define KEEL_BUNDLE_COMMANDS_H

#include <stdint.h>

struct create_args {
	const char *key;
	const char *board;
	const char *version;
	uint64_t version_number;
	uint64_t created;
	const char *slot_image;
	const char *out;
};

/* Each returns the exit status and prints why on failure. */
int bundle_create(const struct create_args *a);
int bundle_verify(const char *pubkey_path, const char *path);

#endif /* KEEL_BUNDLE_COMMANDS_H */
