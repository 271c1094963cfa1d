/*
 * keyfile.c - one-line hex key files.
 */
#include <string.h>

#include "keel/hex.h"
#include "keel/keyfile.h"

static int blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int keyfile_parse(const char *buf, size_t n, uint8_t *key, size_t key_len)
{
	size_t start = 0, end = n;

	while (start < end && blank(buf[start]))
		start++;
	while (end > start && blank(buf[end - 1]))
		end--;
	if (end - start != 2 * key_len)
		return -1;
	for (size_t i = 0; i < key_len; i++)
		if (hex_digit(buf[start + 2 * i]) < 0 || hex_digit(buf[start + 2 * i + 1]) < 0)
			return -1;
	for (size_t i = 0; i < key_len; i++)
		key[i] = (uint8_t)(hex_digit(buf[start + 2 * i]) << 4 |
				   hex_digit(buf[start + 2 * i + 1]));
	return 0;
}

void hex_encode(const uint8_t *p, size_t len, char *out)
{
	static const char digits[] = "0123456789abcdef";

	for (size_t i = 0; i < len; i++) {
		out[2 * i] = digits[p[i] >> 4];
		out[2 * i + 1] = digits[p[i] & 15];
	}
	out[2 * len] = 0;
}
