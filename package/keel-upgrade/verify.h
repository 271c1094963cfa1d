/*
 * verify.h - the two libsodium calls keel-upgrade trusts: the ed25519
 * signature over the bundle header, and the payload's SHA-512.
 */
#ifndef KEEL_UPGRADE_VERIFY_H
#define KEEL_UPGRADE_VERIFY_H

#include <stddef.h>
#include <stdint.h>

#include "keel/bundle.h"

#define BUNDLE_PUBKEY_SIZE 32u

/* 1 when prefix[256..320) is pubkey's signature of prefix[0..256). */
int bundle_signature_ok(const uint8_t prefix[BUNDLE_PREFIX_SIZE],
			const uint8_t pubkey[BUNDLE_PUBKEY_SIZE]);

/* Streaming SHA-512; the state is opaque to callers. */
struct payload_hash {
	_Alignas(64) uint8_t state[256];
};

void payload_hash_init(struct payload_hash *h);
void payload_hash_update(struct payload_hash *h, const uint8_t *p, size_t n);
void payload_hash_final(struct payload_hash *h, uint8_t out[BUNDLE_HASH_SIZE]);

/* Constant-time comparison (the hash is not secret, but it costs nothing). */
int hash_equal(const uint8_t a[BUNDLE_HASH_SIZE], const uint8_t b[BUNDLE_HASH_SIZE]);

#endif /* KEEL_UPGRADE_VERIFY_H */
