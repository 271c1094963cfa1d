/* keys: keygen writes a pair that loads back and matches; never replaces
 * an existing key; a wrong file is refused. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "keys.h"

int main(void)
{
	char dir[] = "/tmp/keel-bundle-test.XXXXXX", path[128];
	uint8_t secret[SECRET_SIZE], pub[PUBKEY_SIZE];
	struct stat st;
	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof(path), "%s/k", dir);
	CHECK_EQ_INT(keygen(path), 0);
	snprintf(path, sizeof(path), "%s/k/bundle.key", dir);
	CHECK_EQ_INT(stat(path, &st), 0);
	CHECK_EQ_UINT(st.st_mode & 0777, 0600);
	CHECK_EQ_INT(load_secret(path, secret), 0);
	snprintf(path, sizeof(path), "%s/k/bundle.pub", dir);
	CHECK_EQ_INT(load_public(path, pub), 0);
	CHECK(memcmp(secret + SEED_SIZE, pub, PUBKEY_SIZE) == 0);
	/* A second keygen into the same folder must not replace the key. */
	snprintf(path, sizeof(path), "%s/k", dir);
	CHECK_EQ_INT(keygen(path), -1);
	/* Both files are 64 hex digits, so a .pub given as --key loads as a
	 * seed: it must yield another key pair (mkbundle's verify catches it). */
	snprintf(path, sizeof(path), "%s/k/bundle.pub", dir);
	CHECK_EQ_INT(load_secret(path, secret), 0);
	CHECK(memcmp(secret + SEED_SIZE, pub, PUBKEY_SIZE) != 0);
	CHECK_EQ_INT(load_public("/nonexistent/bundle.pub", pub), -1);

	snprintf(path, sizeof(path), "rm -rf %s", dir);
	CHECK_EQ_INT(system(path), 0);
	return check_done();
}
