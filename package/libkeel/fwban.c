/*
 * fwban.c - ban/unban one prefix in keel-fw's sets.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "keel/fwban.h"
#include "keel/nft.h"

int fwban_range(int family, const uint8_t addr[16], unsigned prefix_len,
		uint8_t first[16], uint8_t end[16])
{
	unsigned bits = family == AF_INET ? 32 : 128, bytes = bits / 8;
	unsigned i;

	if ((family != AF_INET && family != AF_INET6) || prefix_len > bits)
		return -1;
	memset(first, 0, 16);
	memcpy(first, addr, bytes);
	for (i = prefix_len; i < bits; i++)
		first[i / 8] &= (uint8_t)~(0x80u >> (i % 8));
	/* end = first + 2^(bits - len): add 1 at the prefix's last bit. */
	memcpy(end, first, 16);
	if (!prefix_len)
		return 0;
	i = prefix_len - 1;
	for (unsigned carry = 0x80u >> (i % 8), byte = i / 8;; byte--) {
		unsigned sum = end[byte] + carry;

		end[byte] = (uint8_t)sum;
		carry = sum >> 8;
		if (!carry)
			return 1;
		if (!byte)
			return 0;	/* wrapped: the range runs to the top */
	}
}

int fwban_elem(struct nlbuf *b, uint32_t seq, int family,
	       const uint8_t addr[16], unsigned prefix_len,
	       uint64_t timeout_ms, int del)
{
	uint8_t first[16], end[16];
	int v4 = family == AF_INET, bounded;

	bounded = fwban_range(family, addr, prefix_len, first, end);
	if (bounded < 0)
		return -1;
	/* Banning twice is not an error: NLM_F_CREATE without EXCL leaves
	 * the element in place, so the first timeout stays in force. */
	nft_setelem_range(b, del ? NFT_MSG_DELSETELEM : NFT_MSG_NEWSETELEM,
			  del ? NLM_F_ACK : NLM_F_CREATE | NLM_F_ACK, seq,
			  NFPROTO_INET, FWBAN_TABLE,
			  v4 ? FWBAN_SET4 : FWBAN_SET6, first,
			  bounded ? end : NULL, v4 ? 4 : 16, timeout_ms);
	return 0;
}

int fwban_batch(struct nlbuf *b, uint32_t seq, int family,
		const uint8_t addr[16], unsigned prefix_len,
		uint64_t timeout_ms, int del)
{
	nft_batch_begin(b, seq);
	if (fwban_elem(b, seq + 1, family, addr, prefix_len, timeout_ms,
		       del) < 0)
		return -1;
	nft_batch_end(b, seq + 2);
	return nlb_ok(b) ? 0 : -1;
}

void fwban_prefix_str(int family, const uint8_t addr[16], unsigned prefix_len,
		      char *buf, size_t n)
{
	size_t len;

	inet_ntop(family, addr, buf, (socklen_t)n);
	len = strlen(buf);
	if (prefix_len != (family == AF_INET ? 32u : 128u))
		snprintf(buf + len, n - len, "/%u", prefix_len);
}
