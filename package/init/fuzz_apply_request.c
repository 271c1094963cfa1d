/* libFuzzer target: the apply request line (written to /run by keel-config)
 * must never be read out of bounds, and what it accepts must be sane. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "apply_request.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct apply_request req;
	char err[100];
	/* An exact-size heap copy lets ASan catch a read one past the end. */
	char *buf = malloc(size ? size : 1);

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	if (apply_request_parse(buf, size, &req, err, sizeof(err)) == 0) {
		if (req.id[0] == '\0' || strlen(req.id) >= sizeof(req.id) ||
		    req.action < APPLY_SAVED || req.action > APPLY_ROLLBACK)
			abort();
		if (req.action == APPLY_PENDING &&
		    (req.confirm_s < APPLY_CONFIRM_MIN_S || req.confirm_s > APPLY_CONFIRM_MAX_S))
			abort();
	} else if (strnlen(err, sizeof(err)) == sizeof(err)) {
		abort();
	}
	free(buf);
	return 0;
}
