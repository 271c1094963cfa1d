/* libFuzzer target: the boot state parser reads whatever a power cut, a
 * bootloader or a bad disk left in the two copies. It must never read out
 * of bounds, and whatever it accepts must write back as a block that
 * parses to the very same state. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "boot_state.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *buf, block[BOOT_STATE_SIZE];
	struct boot_state s, again;

	/* Blocks are always 1024 bytes: pad short inputs with '#' as GRUB
	 * does, cut long ones, then hand over an exact-size heap copy. */
	buf = malloc(BOOT_STATE_SIZE);
	if (!buf)
		return 0;
	memset(buf, '#', BOOT_STATE_SIZE);
	memcpy(buf, data, size < BOOT_STATE_SIZE ? size : BOOT_STATE_SIZE);
	if (boot_state_parse(buf, BOOT_STATE_SIZE, &s) == BS_OK) {
		if (boot_state_serialize(&s, block) != BS_OK ||
		    boot_state_parse(block, sizeof(block), &again) != BS_OK ||
		    again.seq != s.seq || again.order != s.order || again.trial != s.trial ||
		    again.good != s.good)
			abort();
	}
	free(buf);
	/* Any other length is refused without a read past the end. */
	if (size != BOOT_STATE_SIZE) {
		buf = malloc(size ? size : 1);
		if (!buf)
			return 0;
		memcpy(buf, data, size);
		if (boot_state_parse(buf, size, &s) != BS_ERR_SIZE)
			abort();
		free(buf);
	}
	return 0;
}
