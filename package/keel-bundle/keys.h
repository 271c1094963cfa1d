/*
 * keys.h - signing key files: DIR/bundle.key (the 32-byte ed25519 seed in
 * hex, mode 0600) and DIR/bundle.pub (the public key in hex; the device's
 * /etc/keel/bundle.pub is a copy of it).
 */
#ifndef KEEL_BUNDLE_KEYS_H
#define KEEL_BUNDLE_KEYS_H

#include <stdint.h>

#define SEED_SIZE 32
#define PUBKEY_SIZE 32
#define SECRET_SIZE 64	/* libsodium's form: seed then public key */

/* Each returns 0, or -1 after printing why. */
int load_secret(const char *path, uint8_t secret[SECRET_SIZE]);
int load_public(const char *path, uint8_t pub[PUBKEY_SIZE]);
int keygen(const char *dir);
/* Prints the public key of a secret key file, in the .pub format. */
int print_pubkey(const char *secret_path);

#endif /* KEEL_BUNDLE_KEYS_H */
