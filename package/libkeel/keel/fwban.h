/*
 * keel/fwban.h - the one nf_tables message that bans (or unbans) an
 * address or prefix: an interval of set banned4/banned6 (NFT_SET_INTERVAL
 * | NFT_SET_TIMEOUT) in table `inet keel`, which keel-fw creates and whose
 * drop rules it owns. Shared by keel-fw (`keel-fw
 * ban`) and logd (SSH brute-force bans), so both name the same objects.
 */
#ifndef KEEL_FWBAN_H
#define KEEL_FWBAN_H

#include <stddef.h>
#include <stdint.h>

#include "keel/nlmsg.h"

#define FWBAN_TABLE	"keel"
#define FWBAN_SET4	"banned4"
#define FWBAN_SET6	"banned6"

/*
 * The interval of addr/prefix_len (family AF_INET: the first 4 bytes of
 * addr; AF_INET6: 16): first (host bits cleared) and end, the first
 * address past it. Returns 1, 0 when the range runs to the top of the
 * address space (end unused), or -1 for an unknown family or a length
 * over 32/128. Pure.
 */
int fwban_range(int family, const uint8_t addr[16], unsigned prefix_len,
		uint8_t first[16], uint8_t end[16]);

/* addr/prefix_len as a ban is shown: "10.0.0.1", "2001:db8::/64" (the
 * length only for a prefix). buf should hold INET6_ADDRSTRLEN + 4. */
void fwban_prefix_str(int family, const uint8_t addr[16], unsigned prefix_len,
		      char *buf, size_t n);

/*
 * Appends NEWSETELEM (or DELSETELEM with del) of addr/prefix_len (32 or
 * 128: one address) with seq and NLM_F_ACK. timeout_ms 0 means the set's
 * default; the kernel expires the element by itself. Returns 0, or -1 for
 * an unknown family or length. Check nlb_ok() for overflow.
 */
int fwban_elem(struct nlbuf *b, uint32_t seq, int family,
	       const uint8_t addr[16], unsigned prefix_len,
	       uint64_t timeout_ms, int del);

/* A whole batch (begin, the element, end) on seq, seq+1, seq+2: what a
 * daemon sends. Returns 0, or -1 if it did not fit or family is unknown. */
int fwban_batch(struct nlbuf *b, uint32_t seq, int family,
		const uint8_t addr[16], unsigned prefix_len,
		uint64_t timeout_ms, int del);

#endif /* KEEL_FWBAN_H */
