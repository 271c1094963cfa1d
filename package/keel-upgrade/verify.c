/*
 * verify.c - signature and hash checks, through libsodium.
 */
#include <sodium.h>

#include "verify.h"

_Static_assert(sizeof(crypto_hash_sha512_state) <= sizeof(((struct payload_hash *)0)->state),
	       "payload_hash too small for libsodium's SHA-512 state");
_Static_assert(crypto_sign_PUBLICKEYBYTES == BUNDLE_PUBKEY_SIZE, "ed25519 key size");
_Static_assert(crypto_sign_BYTES == BUNDLE_SIG_SIZE, "ed25519 signature size");
_Static_assert(crypto_hash_sha512_BYTES == BUNDLE_HASH_SIZE, "SHA-512 size");

int bundle_signature_ok(const uint8_t prefix[BUNDLE_PREFIX_SIZE],
			const uint8_t pubkey[BUNDLE_PUBKEY_SIZE])
{
	return crypto_sign_ed25519_verify_detached(prefix + BUNDLE_HEADER_SIZE, prefix,
					   BUNDLE_HEADER_SIZE, pubkey) == 0;
}

void payload_hash_init(struct payload_hash *h)
{
	crypto_hash_sha512_init((crypto_hash_sha512_state *)h->state);
}

void payload_hash_update(struct payload_hash *h, const uint8_t *p, size_t n)
{
	crypto_hash_sha512_update((crypto_hash_sha512_state *)h->state, p, n);
}

void payload_hash_final(struct payload_hash *h, uint8_t out[BUNDLE_HASH_SIZE])
{
	crypto_hash_sha512_final((crypto_hash_sha512_state *)h->state, out);
}

int hash_equal(const uint8_t a[BUNDLE_HASH_SIZE], const uint8_t b[BUNDLE_HASH_SIZE])
{
	return sodium_memcmp(a, b, BUNDLE_HASH_SIZE) == 0;
}
