/*
 * keys.c - load and create signing key files.
 */
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "keel/file.h"
#include "keel/keyfile.h"
#include "keys.h"

static int load_hex(const char *path, uint8_t *key, size_t len, const char *kind)
{
	char buf[256];
	int truncated;
	ssize_t n = file_read(path, buf, sizeof(buf), &truncated);

	if (n < 0) {
		fprintf(stderr, "keel-bundle: cannot read %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (truncated || keyfile_parse(buf, (size_t)n, key, len) != 0) {
		fprintf(stderr, "keel-bundle: %s: not a %s (%zu hex digits)\n", path, kind, 2 * len);
		return -1;
	}
	return 0;
}

int load_secret(const char *path, uint8_t secret[SECRET_SIZE])
{
	uint8_t seed[SEED_SIZE], pub[PUBKEY_SIZE];

	if (load_hex(path, seed, sizeof(seed), "bundle signing key") != 0)
		return -1;
	crypto_sign_seed_keypair(pub, secret, seed);
	sodium_memzero(seed, sizeof(seed));
	return 0;
}

int load_public(const char *path, uint8_t pub[PUBKEY_SIZE])
{
	return load_hex(path, pub, PUBKEY_SIZE, "bundle public key");
}

/* Writes text to dir/name, refusing to replace an existing file. */
static int write_new(const char *dir, const char *name, const char *text, mode_t mode)
{
	char path[4096];
	int fd;
	size_t len = strlen(text);

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	if (fd < 0) {
		fprintf(stderr, "keel-bundle: cannot create %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (write(fd, text, len) != (ssize_t)len || fsync(fd) != 0 || close(fd) != 0) {
		fprintf(stderr, "keel-bundle: writing %s: %s\n", path, strerror(errno));
		unlink(path);
		return -1;
	}
	printf("%s\n", path);
	return 0;
}

int keygen(const char *dir)
{
	uint8_t seed[SEED_SIZE], pub[PUBKEY_SIZE], secret[SECRET_SIZE];
	char hex[2 * SEED_SIZE + 2];

	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		fprintf(stderr, "keel-bundle: cannot create %s: %s\n", dir, strerror(errno));
		return -1;
	}
	randombytes_buf(seed, sizeof(seed));
	crypto_sign_seed_keypair(pub, secret, seed);
	hex_encode(seed, sizeof(seed), hex);
	strcat(hex, "\n");
	int rc = write_new(dir, "bundle.key", hex, 0600);

	sodium_memzero(seed, sizeof(seed));
	sodium_memzero(secret, sizeof(secret));
	sodium_memzero(hex, sizeof(hex));
	if (rc != 0)
		return -1;
	hex_encode(pub, sizeof(pub), hex);
	strcat(hex, "\n");
	return write_new(dir, "bundle.pub", hex, 0644);
}

int print_pubkey(const char *secret_path)
{
	uint8_t secret[SECRET_SIZE];
	char hex[2 * PUBKEY_SIZE + 1];

	if (load_secret(secret_path, secret) != 0)
		return -1;
	hex_encode(secret + SEED_SIZE, PUBKEY_SIZE, hex);
	sodium_memzero(secret, sizeof(secret));
	printf("%s\n", hex);
	return 0;
}
