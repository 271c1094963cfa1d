/*
 * fwban.c - ban/unban one address in keel-fw's sets.
 */
#include <sys/socket.h>

#include "keel/fwban.h"
#include "keel/nft.h"

int fwban_elem(struct nlbuf *b, uint32_t seq, int family,
	       const uint8_t addr[16], uint64_t timeout_ms, int del)
{
	int v4 = family == AF_INET;

	if (family != AF_INET && family != AF_INET6)
		return -1;
	/* Banning twice is not an error: NLM_F_CREATE without EXCL only
	 * refreshes nothing, so the first timeout stays in force. */
	nft_setelem(b, del ? NFT_MSG_DELSETELEM : NFT_MSG_NEWSETELEM,
		    del ? NLM_F_ACK : NLM_F_CREATE | NLM_F_ACK, seq,
		    NFPROTO_INET, FWBAN_TABLE, v4 ? FWBAN_SET4 : FWBAN_SET6,
		    addr, v4 ? 4 : 16, timeout_ms);
	return 0;
}

int fwban_batch(struct nlbuf *b, uint32_t seq, int family,
		const uint8_t addr[16], uint64_t timeout_ms, int del)
{
	nft_batch_begin(b, seq);
	if (fwban_elem(b, seq + 1, family, addr, timeout_ms, del) < 0)
		return -1;
	nft_batch_end(b, seq + 2);
	return nlb_ok(b) ? 0 : -1;
}
